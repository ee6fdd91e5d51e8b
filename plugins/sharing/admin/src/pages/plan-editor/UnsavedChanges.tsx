import { Button, Dialog } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';
import { useEffect } from 'react';
import { useBlocker } from 'react-router-dom';
import { useText } from '../../utils/text';

/**
 * Keeps the plan editor's unsaved work: while `dirty`, closing or reloading the tab asks the
 * browser's own question, and leaving for another page of the admin panel asks whether to discard.
 */
export function UnsavedChanges({ dirty }: { dirty: boolean }) {
  const t = useText();
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  if (blocker.state !== 'blocked') return null;
  return (
    <Dialog.Root open onOpenChange={(open) => open || blocker.reset()}>
      <Dialog.Content>
        <Dialog.Header>{t('plan.unsaved.title')}</Dialog.Header>
        <Dialog.Body icon={<WarningCircle width="24px" height="24px" fill="danger600" />}>
          {t('plan.unsaved.text')}
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button variant="tertiary" fullWidth>
              {t('plan.unsaved.stay')}
            </Button>
          </Dialog.Cancel>
          <Button variant="danger" fullWidth onClick={() => blocker.proceed()}>
            {t('plan.unsaved.leave')}
          </Button>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
}
