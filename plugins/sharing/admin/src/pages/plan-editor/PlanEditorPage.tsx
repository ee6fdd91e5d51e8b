import { Flex } from '@strapi/design-system';
import { Page } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Frame } from '../../components/Frame';
import { Message } from '../../components/Message';
import { useText } from '../../utils/text';
import { DownloadButton } from '../../components/DownloadButton';
import { Back } from './Back';
import { FieldsOfAction } from './FieldsOfAction';
import { Notes } from './Notes';
import { PlanActions } from './PlanActions';
import { PlanHeading } from './PlanHeading';
import { PlanStatus } from './PlanStatus';
import { ProposeDialog } from './ProposeDialog';
import { Reviews } from './Reviews';
import { UnsavedChanges } from './UnsavedChanges';
import { usePlanEditor } from './usePlanEditor';
import { VersionHistory } from './VersionHistory';

/**
 * "Integrationsplan bearbeiten": the integration plan of one newcomer who shared plans with me,
 * per field of action the situation, goals and measures (from the catalogue, which the newcomer
 * reads in their own language, or free text), review dates and notes. Saving keeps a draft;
 * proposing freezes a version the newcomer accepts. Version, status and acceptance are shown, never
 * edited. A read-only grant shows the same page without the inputs' effect (the server refuses).
 * The data and saving live in usePlanEditor; this file only lays the parts out.
 */
export function PlanEditorPage() {
  const { ownerId = '' } = useParams();
  const t = useText();
  const { state, content, update, catalogue, errorOf, busy, dirty, save, propose } =
    usePlanEditor(ownerId);
  // The proposal is confirmed in a dialog, after what is unsaved has been saved (its preview is the
  // plan as stored).
  const [confirming, setConfirming] = useState(false);
  const askToPropose = async () => {
    if (!dirty || (await save())) setConfirming(true);
  };

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
  const parts = { readOnly, errorOf, update };

  return (
    <Frame
      title={t('plan.title')}
      subtitle={editor.owner.name ?? t('common.noName')}
      navigationAction={<Back ownerId={ownerId} />}
      primaryAction={
        <Flex gap={2}>
          {editor.plan ? (
            // The PDF of the plan as stored (a download in the person's log), to print and sign.
            <DownloadButton
              path={`/sharing/plans/${encodeURIComponent(editor.plan.documentId)}/pdf`}
              label={t('plan.pdf')}
            />
          ) : null}
          {readOnly ? null : (
            <PlanActions
              editor={editor}
              busy={busy}
              dirty={dirty}
              onSave={save}
              onPropose={askToPropose}
            />
          )}
        </Flex>
      }
    >
      <UnsavedChanges dirty={dirty} />
      {confirming ? (
        <ProposeDialog
          editor={editor}
          content={content}
          catalogue={catalogue}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void propose();
          }}
        />
      ) : null}
      <Flex direction="column" alignItems="stretch" gap={6}>
        {readOnly ? <Message role="status">{t('plan.readOnly')}</Message> : null}
        {!editor.plan && !readOnly ? <Message>{t('plan.new')}</Message> : null}
        {editor.plan ? <PlanStatus editor={editor} /> : null}
        <PlanHeading content={content} editor={editor} {...parts} />
        <FieldsOfAction content={content} editor={editor} catalogue={catalogue} {...parts} />
        <Reviews reviews={content.reviews} {...parts} />
        <Notes notes={content.notes} {...parts} />
        <VersionHistory versions={editor.versions} />
      </Flex>
    </Frame>
  );
}
