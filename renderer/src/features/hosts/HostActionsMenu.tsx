// The actions of one host, shown under it when its "Actions" button is pressed (or on right-click). A plain
// disclosure of buttons: every action is a Tab stop with a name, Escape closes it and returns focus.
import type { HostInfo } from '@shared/contract/hosts';
import { type KeyboardEvent, useEffect, useRef } from 'react';
import { useStoreOf } from '../../stores/app-stores';
import { useHostActions } from './use-host-actions';

export interface HostActionsMenuProps {
  host: HostInfo;
  id: string;
  onClose(): void;
}

export function HostActionsMenu({ host, id, onClose }: HostActionsMenuProps) {
  const actions = useHostActions();
  const openHostDialog = useStoreOf('ui', (s) => s.openHostDialog);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  const isLab = host.connection.transport === 'lab';

  const run = (action: () => unknown) => () => {
    onClose();
    void action();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
    }
  };

  return (
    <fieldset id={id} className="host-actions" aria-label={`Actions for ${host.displayName}`} onKeyDown={onKeyDown}>
      <button ref={first} type="button" onClick={run(() => actions.refreshInventory(host))}>
        Refresh inventory
      </button>
      <button type="button" onClick={run(() => actions.testSaved(host))}>
        Test connection
      </button>
      {isLab && (
        <button type="button" data-testid="reset-lab" onClick={run(() => actions.resetLab(host))}>
          Reset lab
        </button>
      )}
      <button type="button" onClick={run(() => openHostDialog({ kind: 'edit', hostId: host.id }))}>
        Edit…
      </button>
      <button
        type="button"
        className="host-actions__danger"
        onClick={run(() => openHostDialog({ kind: 'remove', hostId: host.id }))}
      >
        Remove…
      </button>
    </fieldset>
  );
}
