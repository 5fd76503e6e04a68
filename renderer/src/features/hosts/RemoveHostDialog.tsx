// Confirms removing a host. Removing forgets the host and its cached inventory in this app only; nothing on the
// host changes. A host with queued or running jobs cannot go (host_in_use): the dialog says so and offers Jobs.
import * as Dialog from '@radix-ui/react-dialog';
import type { AppError } from '@shared/contract/errors';
import type { HostInfo } from '@shared/contract/hosts';
import { useState } from 'react';
import { ErrorNotice } from '../../lib/ErrorNotice';
import { useReturnFocus } from '../../lib/use-return-focus';
import { useAppStores } from '../../stores/app-stores';

export function RemoveHostDialog({ host, onClose }: { host: HostInfo; onClose(): void }) {
  const stores = useAppStores();
  const returnFocus = useReturnFocus();
  const [failure, setFailure] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const remove = async () => {
    setBusy(true);
    setFailure(null);
    const result = await stores.hosts.getState().remove(host.id);
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    const ui = stores.ui.getState();
    if (ui.selectedHostId === host.id) ui.selectHost(null);
    ui.pushToast({
      kind: 'info',
      title: 'Host removed',
      body: `${host.displayName} was removed from the app.`,
      jobId: null,
    });
    onClose();
  };

  const showJobs = () => {
    stores.ui.getState().showView('jobs');
    onClose();
  };

  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content
          onCloseAutoFocus={returnFocus}
          className="dialog dialog--narrow"
          data-testid="remove-host-dialog"
        >
          <Dialog.Title className="dialog__title">Remove {host.displayName}?</Dialog.Title>
          <Dialog.Description className="dialog__description">
            The app forgets this host, its stored credentials and its cached VM list. Nothing on the host itself
            changes, and its job history is kept.
          </Dialog.Description>
          {failure && <ErrorNotice error={failure} hostName={host.displayName} />}
          <div className="dialog__buttons">
            {failure?.code === 'host_in_use' && (
              <button type="button" onClick={showJobs}>
                Show jobs
              </button>
            )}
            <span className="spacer" />
            <Dialog.Close asChild>
              <button type="button">Cancel</button>
            </Dialog.Close>
            <button type="button" className="danger" data-testid="remove-host-confirm" disabled={busy} onClick={remove}>
              {busy ? 'Removing…' : 'Remove host'}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
