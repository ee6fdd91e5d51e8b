import { isFetchError, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import {
  statusOf,
  type CatalogueEntry,
  type PlanContent,
  type PlanEditorResponse,
} from '../../utils/api';
import { isTextKey, useText, type TextKey } from '../../utils/text';
import { contentOf, EMPTY, type Editor, type ErrorOf, type Errors, type Update } from './content';

type State =
  | { kind: 'loading' }
  | { kind: 'ready'; editor: Editor }
  | { kind: 'not-shared' }
  | { kind: 'failed' };

/**
 * The plan editor's data: loads the plan of `ownerId` and the catalogue, holds the edited content
 * beside the last saved one (`dirty` when they differ), and saves or proposes it. A refused save
 * leaves the server's field errors in `errorOf` and says why in a notification.
 */
export function usePlanEditor(ownerId: string) {
  const { get, put, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const t = useText();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [content, setContent] = useState<PlanContent>(EMPTY);
  const [saved, setSaved] = useState<PlanContent>(EMPTY);
  const [catalogue, setCatalogue] = useState<CatalogueEntry[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const url = `/sharing/records/${encodeURIComponent(ownerId)}/plan`;

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

  /** Saves the content as a draft; true when the server took it. */
  async function save(): Promise<boolean> {
    setBusy(true);
    try {
      const response = await put<PlanEditorResponse>(url, { data: content });
      setErrors({});
      show(response.data.data);
      toggleNotification({ type: 'success', message: t('plan.saved') });
      return true;
    } catch (error) {
      failed(error);
      return false;
    } finally {
      setBusy(false);
    }
  }

  /** Saves what is unsaved, then freezes the draft as a version for the newcomer to accept. */
  async function propose() {
    if (dirty && !(await save())) return;
    setBusy(true);
    try {
      const response = await post<PlanEditorResponse>(`${url}/propose`, {});
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

  const errorOf: ErrorOf = (path) => {
    const key = errors[path];
    return key ? t(isTextKey(key) ? key : 'error.invalid') : undefined;
  };
  const update: Update = (change) => setContent((current) => change(current));

  return { state, content, update, catalogue, errorOf, busy, dirty, save, propose };
}
