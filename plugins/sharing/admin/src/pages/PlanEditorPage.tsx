import {
  Box,
  Button,
  Field,
  Flex,
  Link,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  TextInput,
  Textarea,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { ArrowLeft, Plus, Trash } from '@strapi/icons';
import { Page, isFetchError, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { BASE, Frame } from '../components/Frame';
import { Message } from '../components/Message';
import {
  statusOf,
  type CatalogueEntry,
  type Choice,
  type PlanContent,
  type PlanEditorResponse,
  type PlanGoal,
  type PlanMeasure,
} from '../utils/api';
import { useFormat } from '../utils/format';
import { isTextKey, useText, type TextKey } from '../utils/text';

type Editor = PlanEditorResponse['data'];
type State =
  | { kind: 'loading' }
  | { kind: 'ready'; editor: Editor }
  | { kind: 'not-shared' }
  | { kind: 'failed' };
/** Field errors from the server, by path ("fieldsOfAction.0.goals.1.description"), as catalogue keys. */
type Errors = Record<string, string>;

const EMPTY: PlanContent = {
  title: '',
  fieldsOfAction: [],
  reviews: [],
  notes: '',
  textLanguage: 'de',
};
const newGoal = (): PlanGoal => ({
  catalogueKey: null,
  description: '',
  dueDate: '',
  status: 'open',
});
const newMeasure = (): PlanMeasure => ({
  catalogueKey: null,
  description: '',
  responsible: 'newcomer',
  responsibleName: '',
  dueDate: '',
  status: 'open',
});

/** What the editor edits: the plan's content, empty values as '' for the inputs. */
function contentOf(plan: Editor['plan']): PlanContent {
  if (!plan) return EMPTY;
  const text = (value: string | null | undefined) => value ?? '';
  return {
    title: text(plan.title),
    notes: text(plan.notes),
    textLanguage: plan.textLanguage ?? 'de',
    fieldsOfAction: plan.fieldsOfAction.map((field) => ({
      field: field.field,
      situation: text(field.situation),
      goals: field.goals.map((goal) => ({
        ...goal,
        description: text(goal.description),
        dueDate: text(goal.dueDate),
      })),
      measures: field.measures.map((measure) => ({
        ...measure,
        description: text(measure.description),
        responsibleName: text(measure.responsibleName),
        dueDate: text(measure.dueDate),
      })),
    })),
    reviews: plan.reviews.map((review) => ({ date: text(review.date), note: text(review.note) })),
  };
}

function Back({ ownerId }: { ownerId: string }) {
  const t = useText();
  return (
    <Link
      tag={RouterLink}
      to={`${BASE}/records/${encodeURIComponent(ownerId)}`}
      startIcon={<ArrowLeft />}
    >
      {t('plan.back')}
    </Link>
  );
}

/**
 * "Integrationsplan bearbeiten": the integration plan of one newcomer who shared plans with me,
 * per field of action the situation, goals and measures (from the catalogue, which the newcomer
 * reads in their own language, or free text), review dates and notes. Saving keeps a draft;
 * proposing freezes a version the newcomer accepts. Version, status and acceptance are shown, never
 * edited. A read-only grant shows the same page without the inputs' effect (the server refuses).
 */
export function PlanEditorPage() {
  const { ownerId = '' } = useParams();
  const { get, put, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const t = useText();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [content, setContent] = useState<PlanContent>(EMPTY);
  const [saved, setSaved] = useState<PlanContent>(EMPTY);
  const [catalogue, setCatalogue] = useState<CatalogueEntry[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  function show(editor: Editor) {
    setState({ kind: 'ready', editor });
    setContent(contentOf(editor.plan));
    setSaved(contentOf(editor.plan));
  }

  useEffect(() => {
    const controller = new AbortController();
    get<PlanEditorResponse>(`/sharing/records/${encodeURIComponent(ownerId)}/plan`, {
      signal: controller.signal,
    })
      .then((response) => show(response.data.data))
      .catch((error) => {
        if (!controller.signal.aborted)
          setState({ kind: statusOf(error) === 404 ? 'not-shared' : 'failed' });
      });
    // The catalogue of standard goals and measures; without it, goals are written as free text.
    get<{ data: CatalogueEntry[] }>('/sharing/plan-catalogue', { signal: controller.signal })
      .then((response) => setCatalogue(response.data.data))
      .catch(() => setCatalogue([]));
    return () => controller.abort();
  }, [get, ownerId]);

  const dirty = JSON.stringify(content) !== JSON.stringify(saved);

  function failed(error: unknown) {
    const details = isFetchError(error)
      ? (
          error.response?.data as {
            error?: { details?: { errors?: Array<{ path: string[]; message: string }> } };
          }
        )?.error?.details
      : undefined;
    const list = details?.errors ?? [];
    setErrors(Object.fromEntries(list.map((issue) => [issue.path.join('.'), issue.message])));
    const key: TextKey =
      statusOf(error) === 400 && list.length > 0
        ? 'plan.saveFailed'
        : statusOf(error) === 400
          ? 'plan.alreadyAgreed'
          : 'plan.failedGeneric';
    toggleNotification({ type: 'danger', message: t(key) });
  }

  async function save(): Promise<boolean> {
    setBusy(true);
    try {
      const response = await put<PlanEditorResponse>(
        `/sharing/records/${encodeURIComponent(ownerId)}/plan`,
        { data: content },
      );
      setErrors({});
      show(response.data.data);
      return true;
    } catch (error) {
      failed(error);
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function propose() {
    if (dirty && !(await save())) return;
    setBusy(true);
    try {
      const response = await post<PlanEditorResponse>(
        `/sharing/records/${encodeURIComponent(ownerId)}/plan/propose`,
        {},
      );
      show(response.data.data);
      toggleNotification({
        type: 'success',
        message: t('plan.proposed', { version: response.data.data.plan?.version ?? 1 }),
      });
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  }

  if (state.kind !== 'ready') {
    return (
      <Frame title={t('plan.title')} navigationAction={<Back ownerId={ownerId} />}>
        {state.kind === 'loading' ? (
          <Page.Loading>{t('plan.loading')}</Page.Loading>
        ) : (
          <Message role="alert">
            {t(state.kind === 'not-shared' ? 'plan.notShared' : 'plan.failed')}
          </Message>
        )}
      </Frame>
    );
  }

  const { editor } = state;
  const readOnly = !editor.canWrite;
  const errorOf = (path: string) => {
    const key = errors[path];
    return key ? t(isTextKey(key) ? key : 'error.invalid') : undefined;
  };
  const update = (change: (draft: PlanContent) => PlanContent) =>
    setContent((current) => change(current));

  return (
    <Frame
      title={t('plan.title')}
      subtitle={editor.owner.name ?? t('common.noName')}
      navigationAction={<Back ownerId={ownerId} />}
      primaryAction={
        readOnly ? null : (
          <Flex gap={2}>
            <Button variant="secondary" onClick={save} loading={busy} disabled={!dirty}>
              {t('plan.save')}
            </Button>
            <Button
              onClick={propose}
              loading={busy}
              disabled={!dirty && editor.plan?.planStatus !== 'draft'}
            >
              {t('plan.propose')}
            </Button>
          </Flex>
        )
      }
    >
      <Flex direction="column" alignItems="stretch" gap={6}>
        {readOnly ? <Message role="status">{t('plan.readOnly')}</Message> : null}
        {!editor.plan && !readOnly ? <Message>{t('plan.new')}</Message> : null}
        {editor.plan ? <PlanStatus editor={editor} /> : null}

        <Card>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Field.Root name="title" id="plan-title" error={errorOf('title')}>
              <Field.Label>{t('plan.planTitle')}</Field.Label>
              <TextInput
                value={content.title}
                disabled={readOnly}
                onChange={(e) => update((c) => ({ ...c, title: e.target.value }))}
              />
              <Field.Error />
            </Field.Root>
            <Field.Root name="textLanguage" id="plan-text-language" hint={t('plan.freeTextHint')}>
              <Field.Label>{t('plan.textLanguage')}</Field.Label>
              <ChoiceSelect
                value={content.textLanguage}
                choices={editor.choices.textLanguages}
                disabled={readOnly}
                onChange={(value) => update((c) => ({ ...c, textLanguage: value }))}
              />
              <Field.Hint />
            </Field.Root>
          </Flex>
        </Card>

        {content.fieldsOfAction.map((field, fieldIndex) => (
          <FieldOfAction
            key={field.field}
            index={fieldIndex}
            field={field}
            editor={editor}
            catalogue={catalogue}
            readOnly={readOnly}
            errorOf={errorOf}
            onChange={(next) =>
              update((c) => ({
                ...c,
                fieldsOfAction: c.fieldsOfAction.map((f, i) => (i === fieldIndex ? next : f)),
              }))
            }
            onRemove={() =>
              update((c) => ({
                ...c,
                fieldsOfAction: c.fieldsOfAction.filter((_, i) => i !== fieldIndex),
              }))
            }
          />
        ))}

        {readOnly ? null : (
          <AddField
            choices={editor.choices.fieldsOfAction.filter(
              (choice) => !content.fieldsOfAction.some((f) => f.field === choice.code),
            )}
            onAdd={(code) =>
              update((c) => ({
                ...c,
                fieldsOfAction: [
                  ...c.fieldsOfAction,
                  { field: code, situation: '', goals: [newGoal()], measures: [] },
                ],
              }))
            }
          />
        )}

        <Card>
          <Typography tag="h2" variant="beta">
            {t('plan.reviews')}
          </Typography>
          {content.reviews.map((review, index) => (
            <Fieldset key={index} legend={t('plan.review', { number: index + 1 })}>
              <Flex gap={4} alignItems="flex-start" wrap="wrap">
                <Field.Root
                  name={`reviews.${index}.date`}
                  id={`review-${index}-date`}
                  error={errorOf(`reviews.${index}.date`)}
                  required
                >
                  <Field.Label>{t('plan.reviewDate')}</Field.Label>
                  <TextInput
                    type="date"
                    value={review.date}
                    disabled={readOnly}
                    onChange={(e) =>
                      update((c) => ({
                        ...c,
                        reviews: c.reviews.map((r, i) =>
                          i === index ? { ...r, date: e.target.value } : r,
                        ),
                      }))
                    }
                  />
                  <Field.Error />
                </Field.Root>
                <Box grow={1}>
                  <Field.Root
                    name={`reviews.${index}.note`}
                    id={`review-${index}-note`}
                    error={errorOf(`reviews.${index}.note`)}
                  >
                    <Field.Label>{t('plan.reviewNote')}</Field.Label>
                    <TextInput
                      value={review.note}
                      disabled={readOnly}
                      onChange={(e) =>
                        update((c) => ({
                          ...c,
                          reviews: c.reviews.map((r, i) =>
                            i === index ? { ...r, note: e.target.value } : r,
                          ),
                        }))
                      }
                    />
                    <Field.Error />
                  </Field.Root>
                </Box>
              </Flex>
              {readOnly ? null : (
                <RemoveButton
                  label={t('plan.removeNamed', { item: t('plan.review', { number: index + 1 }) })}
                  onClick={() =>
                    update((c) => ({ ...c, reviews: c.reviews.filter((_, i) => i !== index) }))
                  }
                />
              )}
            </Fieldset>
          ))}
          {readOnly ? null : (
            <AddButton
              onClick={() =>
                update((c) => ({ ...c, reviews: [...c.reviews, { date: '', note: '' }] }))
              }
            >
              {t('plan.addReview')}
            </AddButton>
          )}
        </Card>

        <Card>
          <Field.Root name="notes" id="plan-notes" error={errorOf('notes')}>
            <Field.Label>{t('plan.notes')}</Field.Label>
            <Textarea
              value={content.notes}
              disabled={readOnly}
              onChange={(e) => update((c) => ({ ...c, notes: e.target.value }))}
            />
            <Field.Error />
          </Field.Root>
        </Card>

        <VersionHistory versions={editor.versions} />
      </Flex>
    </Frame>
  );
}

function Card({ children }: { children: ReactNode }) {
  return (
    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
      <Flex direction="column" alignItems="stretch" gap={4}>
        {children}
      </Flex>
    </Box>
  );
}

function Fieldset({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <Box
      tag="fieldset"
      borderColor="neutral200"
      hasRadius
      padding={4}
      style={{ borderStyle: 'solid', borderWidth: 1, margin: 0, minInlineSize: 0 }}
    >
      <Typography tag="legend" variant="delta" style={{ paddingInline: '0.25rem' }}>
        {legend}
      </Typography>
      <Flex direction="column" alignItems="stretch" gap={3}>
        {children}
      </Flex>
    </Box>
  );
}

function AddButton({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <Flex>
      <Button variant="tertiary" startIcon={<Plus />} onClick={onClick}>
        {children}
      </Button>
    </Flex>
  );
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  const t = useText();
  return (
    <Flex>
      <Button variant="danger-light" startIcon={<Trash />} onClick={onClick} aria-label={label}>
        {t('plan.remove')}
      </Button>
    </Flex>
  );
}

/** A label in the admin language, German when the list has none in it. */
function useLabel() {
  const { locale } = useIntl();
  return (label: Record<string, string | null | undefined>) => label[locale] ?? label.de ?? '';
}

function ChoiceSelect({
  value,
  choices,
  disabled,
  onChange,
}: {
  value: string;
  choices: Choice[];
  disabled?: boolean;
  onChange: (value: string) => void;
}) {
  const label = useLabel();
  return (
    <SingleSelect
      value={value}
      disabled={disabled}
      onChange={(next: string | number) => onChange(String(next))}
    >
      {choices.map((choice) => (
        <SingleSelectOption key={choice.code} value={choice.code}>
          {label(choice.label)}
        </SingleSelectOption>
      ))}
    </SingleSelect>
  );
}

function PlanStatus({ editor }: { editor: Editor }) {
  const t = useText();
  const format = useFormat();
  const label = useLabel();
  const plan = editor.plan!;
  const status = editor.choices.planStatuses.find((choice) => choice.code === plan.planStatus);
  return (
    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius aria-live="polite">
      <Flex direction="column" alignItems="flex-start" gap={2}>
        <Typography variant="delta" tag="p">
          {t('plan.status', { status: status ? label(status.label) : plan.planStatus })} ·{' '}
          {t('plan.version', { version: plan.version })}
        </Typography>
        {plan.proposedAt ? (
          <Typography>
            {t('plan.proposedOn', { date: format.dateTime(plan.proposedAt) })}
          </Typography>
        ) : null}
        <Typography>
          {plan.acceptedAt && plan.acceptedVersion
            ? t('plan.acceptedOn', {
                date: format.date(plan.acceptedAt),
                version: plan.acceptedVersion,
              })
            : t('plan.notAccepted')}
        </Typography>
        {plan.planStatus === 'draft' && plan.acceptedVersion ? (
          <Typography textColor="danger600">{t('plan.changedAfterAgreement')}</Typography>
        ) : null}
      </Flex>
    </Box>
  );
}

function AddField({ choices, onAdd }: { choices: Choice[]; onAdd: (code: string) => void }) {
  const t = useText();
  const [code, setCode] = useState('');
  if (choices.length === 0) return null;
  return (
    <Card>
      <Flex gap={2} alignItems="flex-end" wrap="wrap">
        <Field.Root name="addField" id="plan-add-field">
          <Field.Label>{t('plan.addField')}</Field.Label>
          <ChoiceSelect value={code} choices={choices} onChange={setCode} />
        </Field.Root>
        <Button
          variant="secondary"
          size="L"
          startIcon={<Plus />}
          disabled={!code}
          onClick={() => {
            onAdd(code);
            setCode('');
          }}
        >
          {t('plan.addFieldButton')}
        </Button>
      </Flex>
    </Card>
  );
}

interface FieldOfActionProps {
  index: number;
  field: PlanContent['fieldsOfAction'][number];
  editor: Editor;
  catalogue: CatalogueEntry[];
  readOnly: boolean;
  errorOf: (path: string) => string | undefined;
  onChange: (next: PlanContent['fieldsOfAction'][number]) => void;
  onRemove: () => void;
}

function FieldOfAction({
  index,
  field,
  editor,
  catalogue,
  readOnly,
  errorOf,
  onChange,
  onRemove,
}: FieldOfActionProps) {
  const t = useText();
  const label = useLabel();
  const choice = editor.choices.fieldsOfAction.find((c) => c.code === field.field);
  const name = choice ? label(choice.label) : field.field;
  const at = `fieldsOfAction.${index}`;
  const entries = (kind: 'goal' | 'measure') =>
    catalogue.filter((entry) => entry.field === field.field && entry.kind === kind);
  return (
    <Box
      tag="section"
      aria-labelledby={`field-${field.field}`}
      background="neutral0"
      padding={6}
      shadow="tableShadow"
      hasRadius
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex justifyContent="space-between" alignItems="center" gap={4} wrap="wrap">
          <Typography tag="h2" variant="beta" id={`field-${field.field}`}>
            {t('plan.fieldOfAction')}: {name}
          </Typography>
          {readOnly ? null : (
            <RemoveButton label={t('plan.removeField', { field: name })} onClick={onRemove} />
          )}
        </Flex>
        <Field.Root
          name={`${at}.situation`}
          id={`${field.field}-situation`}
          error={errorOf(`${at}.situation`)}
        >
          <Field.Label>{t('plan.situation')}</Field.Label>
          <Textarea
            value={field.situation}
            disabled={readOnly}
            onChange={(e) => onChange({ ...field, situation: e.target.value })}
          />
          <Field.Error />
        </Field.Root>

        {KINDS.map((kind) => (
          <ItemList
            key={kind.list}
            kind={kind}
            field={field}
            name={name}
            at={at}
            entries={entries(kind.kind)}
            editor={editor}
            readOnly={readOnly}
            errorOf={errorOf}
            onChange={onChange}
          />
        ))}
      </Flex>
    </Box>
  );
}

/** The two lists of a field of action: goals and measures, each with its texts and its empty item. */
const KINDS = [
  {
    kind: 'goal',
    list: 'goals',
    heading: 'plan.goals',
    item: 'plan.goal',
    add: 'plan.addGoal',
    empty: newGoal,
  },
  {
    kind: 'measure',
    list: 'measures',
    heading: 'plan.measures',
    item: 'plan.measure',
    add: 'plan.addMeasure',
    empty: newMeasure,
  },
] as const;

type FieldContent = PlanContent['fieldsOfAction'][number];

interface ItemListProps extends Pick<
  FieldOfActionProps,
  'editor' | 'readOnly' | 'errorOf' | 'onChange'
> {
  kind: (typeof KINDS)[number];
  field: FieldContent;
  name: string;
  at: string;
  entries: CatalogueEntry[];
}

/** The goals or the measures of one field of action: each in its own group, with add and remove. */
function ItemList({
  kind,
  field,
  name,
  at,
  entries,
  editor,
  readOnly,
  errorOf,
  onChange,
}: ItemListProps) {
  const t = useText();
  const items: Array<PlanGoal | PlanMeasure> = field[kind.list];
  const set = (next: Array<PlanGoal | PlanMeasure>) =>
    onChange({ ...field, [kind.list]: next } as FieldContent);
  return (
    <>
      <Typography tag="h3" variant="delta">
        {t(kind.heading)}
      </Typography>
      {items.map((item, index) => {
        const label = t(kind.item, { number: index + 1 });
        return (
          <Fieldset key={index} legend={`${label} · ${name}`}>
            <Item
              id={`${field.field}-${kind.kind}-${index}`}
              path={`${at}.${kind.list}.${index}`}
              item={item}
              entries={entries}
              editor={editor}
              readOnly={readOnly}
              errorOf={errorOf}
              onChange={(next) => set(items.map((old, i) => (i === index ? next : old)))}
            />
            {readOnly ? null : (
              <RemoveButton
                label={t('plan.removeNamed', { item: `${label} (${name})` })}
                onClick={() => set(items.filter((_, i) => i !== index))}
              />
            )}
          </Fieldset>
        );
      })}
      {readOnly ? null : (
        <AddButton onClick={() => set([...items, kind.empty()])}>{t(kind.add)}</AddButton>
      )}
    </>
  );
}

const FREE = '__free__';

interface ItemProps {
  id: string;
  path: string;
  item: PlanGoal | PlanMeasure;
  entries: CatalogueEntry[];
  editor: Editor;
  readOnly: boolean;
  errorOf: (path: string) => string | undefined;
  onChange: (next: PlanGoal | PlanMeasure) => void;
}

/** One goal or measure: a catalogue entry or free text, due date, status (and for a measure, who). */
function Item({ id, path, item, entries, editor, readOnly, errorOf, onChange }: ItemProps) {
  const t = useText();
  const label = useLabel();
  const measure = 'responsible' in item ? item : null;
  const options = useMemo(() => {
    const known: Choice[] = entries.map((entry) => ({ code: entry.key, label: entry.label }));
    // A key no longer in the catalogue stays visible (the server says it is unknown on saving).
    if (item.catalogueKey && !entries.some((entry) => entry.key === item.catalogueKey))
      known.push({ code: item.catalogueKey, label: { de: item.catalogueKey } });
    return [{ code: FREE, label: { de: t('plan.freeText') } }, ...known];
  }, [entries, item.catalogueKey, t]);
  return (
    <>
      <Field.Root
        name={`${path}.catalogueKey`}
        id={`${id}-catalogue`}
        error={errorOf(`${path}.catalogueKey`)}
      >
        <Field.Label>{t('plan.fromCatalogue')}</Field.Label>
        <SingleSelect
          value={item.catalogueKey ?? FREE}
          disabled={readOnly}
          onChange={(next: string | number) =>
            onChange({
              ...item,
              catalogueKey: next === FREE ? null : String(next),
              description: next === FREE ? item.description : '',
            })
          }
        >
          {options.map((option) => (
            <SingleSelectOption key={option.code} value={option.code}>
              {label(option.label)}
            </SingleSelectOption>
          ))}
        </SingleSelect>
        <Field.Error />
      </Field.Root>
      {item.catalogueKey ? null : (
        <Field.Root
          name={`${path}.description`}
          id={`${id}-description`}
          error={errorOf(`${path}.description`)}
          required
        >
          <Field.Label>{t('plan.description')}</Field.Label>
          <Textarea
            value={item.description ?? ''}
            disabled={readOnly}
            onChange={(e) => onChange({ ...item, description: e.target.value })}
          />
          <Field.Error />
        </Field.Root>
      )}
      <Flex gap={4} alignItems="flex-start" wrap="wrap">
        {measure ? (
          <>
            <Field.Root
              name={`${path}.responsible`}
              id={`${id}-responsible`}
              error={errorOf(`${path}.responsible`)}
            >
              <Field.Label>{t('plan.responsible')}</Field.Label>
              <ChoiceSelect
                value={measure.responsible}
                choices={editor.choices.responsibles}
                disabled={readOnly}
                onChange={(value) => onChange({ ...measure, responsible: value })}
              />
              <Field.Error />
            </Field.Root>
            <Field.Root
              name={`${path}.responsibleName`}
              id={`${id}-responsible-name`}
              error={errorOf(`${path}.responsibleName`)}
            >
              <Field.Label>{t('plan.responsibleName')}</Field.Label>
              <TextInput
                value={measure.responsibleName ?? ''}
                disabled={readOnly}
                onChange={(e) => onChange({ ...measure, responsibleName: e.target.value })}
              />
              <Field.Error />
            </Field.Root>
          </>
        ) : null}
        <Field.Root name={`${path}.dueDate`} id={`${id}-due`} error={errorOf(`${path}.dueDate`)}>
          <Field.Label>{t('plan.due')}</Field.Label>
          <TextInput
            type="date"
            value={item.dueDate ?? ''}
            disabled={readOnly}
            onChange={(e) => onChange({ ...item, dueDate: e.target.value })}
          />
          <Field.Error />
        </Field.Root>
        <Field.Root name={`${path}.status`} id={`${id}-status`} error={errorOf(`${path}.status`)}>
          <Field.Label>{t('plan.goalStatus')}</Field.Label>
          <ChoiceSelect
            value={item.status}
            choices={editor.choices.goalStatuses}
            disabled={readOnly}
            onChange={(value) => onChange({ ...item, status: value })}
          />
          <Field.Error />
        </Field.Root>
      </Flex>
    </>
  );
}

function VersionHistory({ versions }: { versions: Editor['versions'] }) {
  const t = useText();
  const format = useFormat();
  return (
    <Card>
      <Typography tag="h2" variant="beta">
        {t('plan.history')}
      </Typography>
      {versions.length === 0 ? (
        <Typography textColor="neutral600">{t('plan.historyEmpty')}</Typography>
      ) : (
        <Table colCount={3} rowCount={versions.length + 1}>
          <Thead>
            <Tr>
              <Th>
                <Typography variant="sigma">{t('plan.historyVersion')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('plan.historyProposed')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('plan.historyAccepted')}</Typography>
              </Th>
            </Tr>
          </Thead>
          <Tbody>
            {versions.map((version) => (
              <Tr key={version.version}>
                <Td>
                  <Typography textColor="neutral800">{version.version}</Typography>
                </Td>
                <Td>
                  <Typography textColor="neutral800">
                    {format.dateTime(version.proposedAt)}
                  </Typography>
                </Td>
                <Td>
                  <Typography textColor="neutral800">
                    {format.dateTime(version.acceptedAt)}
                  </Typography>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Card>
  );
}
