import { Button, Dialog, Flex, Typography } from '@strapi/design-system';
import { DownloadButton } from '../../components/DownloadButton';
import type { CatalogueEntry, PlanContent } from '../../utils/api';
import { useText } from '../../utils/text';
import type { Editor } from './content';

interface ProposeDialogProps {
  editor: Editor;
  content: PlanContent;
  catalogue: CatalogueEntry[];
  onCancel: () => void;
  onConfirm: () => void;
}

/**
 * The last look before a plan goes to the person: which version, in which language they will read
 * it, how many texts they will meet untranslated, the PDF they will get as a preview, and one
 * button that proposes.
 */
export function ProposeDialog({
  editor,
  content,
  catalogue,
  onCancel,
  onConfirm,
}: ProposeDialogProps) {
  const t = useText();
  const { locale } = editor.owner;
  const language = (code: string) =>
    new Intl.DisplayNames(['de'], { type: 'language' }).of(code) ?? code;
  const labels = new Map(catalogue.map((entry) => [entry.key, entry.label]));
  const items = content.fieldsOfAction.flatMap((field) => [...field.goals, ...field.measures]);
  // What the person reads in another language than theirs: free texts not written in it, and
  // catalogue entries the district has not translated into it.
  const freeTexts = [
    content.notes,
    ...content.fieldsOfAction.map((field) => field.situation),
    ...content.reviews.map((review) => review.note),
    ...items.filter((item) => !item.catalogueKey).map((item) => item.description),
  ].filter((text) => text?.trim()).length;
  const untranslated =
    (content.textLanguage === locale ? 0 : freeTexts) +
    items.filter((item) => item.catalogueKey && !labels.get(item.catalogueKey)?.[locale]).length;
  return (
    <Dialog.Root open onOpenChange={(open) => open || onCancel()}>
      <Dialog.Content>
        <Dialog.Header>{t('plan.confirm.title')}</Dialog.Header>
        <Dialog.Body>
          <Flex direction="column" alignItems="stretch" gap={3}>
            <Typography>
              {t('plan.confirm.text', {
                version: editor.plan?.version ?? 1,
                language: language(locale),
                textLanguage: language(content.textLanguage || 'de'),
              })}
            </Typography>
            {untranslated > 0 ? (
              <Typography fontWeight="bold">
                {t('plan.confirm.untranslated', { count: untranslated })}
              </Typography>
            ) : null}
            {editor.plan ? (
              <DownloadButton
                path={`/sharing/plans/${encodeURIComponent(editor.plan.documentId)}/pdf`}
                label={t('plan.confirm.preview')}
              />
            ) : null}
          </Flex>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button variant="tertiary" fullWidth>
              {t('plan.confirm.cancel')}
            </Button>
          </Dialog.Cancel>
          <Button fullWidth onClick={onConfirm}>
            {t('plan.confirm.submit')}
          </Button>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
}
