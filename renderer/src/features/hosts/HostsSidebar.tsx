// The configured Hyper-V hosts with their status, an "All hosts" entry, and each host's actions. Selecting a
// host filters the VM table (ui.selectHost). Arrow keys move between entries; Tab reaches each entry's actions.
import type { HostInfo } from '@shared/contract/hosts';
import { type KeyboardEvent, type MouseEvent, useRef, useState } from 'react';
import { useStoreOf } from '../../stores/app-stores';
import { HostActionsMenu } from './HostActionsMenu';
import { summarizeStatus } from './host-status';
import { StatusDot } from './StatusDot';

const SELECT_CLASS = 'host-item__select';

/** Up/Down/Home/End move focus between the entries' select buttons. */
function moveFocus(event: KeyboardEvent<HTMLUListElement>): void {
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
  if (!keys.includes(event.key)) return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>(`.${SELECT_CLASS}`)];
  const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (index < 0) return;
  event.preventDefault();
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? buttons.length - 1
        : Math.min(buttons.length - 1, Math.max(0, index + (event.key === 'ArrowDown' ? 1 : -1)));
  buttons[next]?.focus();
}

export function HostsSidebar() {
  const hosts = useStoreOf('hosts', (s) => s.hosts);
  const loaded = useStoreOf('hosts', (s) => s.loaded);
  const selectedHostId = useStoreOf('ui', (s) => s.selectedHostId);
  const selectHost = useStoreOf('ui', (s) => s.selectHost);
  const openHostDialog = useStoreOf('ui', (s) => s.openHostDialog);
  const [menuFor, setMenuFor] = useState<string | null>(null);

  return (
    <nav className="hosts-sidebar" aria-label="Hosts" data-testid="hosts-sidebar">
      <div className="hosts-sidebar__header">
        <h2 className="hosts-sidebar__heading">Hosts</h2>
        <button
          type="button"
          className="button-small"
          data-testid="add-host-button"
          onClick={() => openHostDialog({ kind: 'add' })}
        >
          Add host
        </button>
      </div>
      {loaded && hosts.length === 0 ? (
        <p className="hosts-sidebar__empty">No hosts yet</p>
      ) : (
        <ul className="hosts-sidebar__list" onKeyDown={moveFocus}>
          <li
            className={`host-item${selectedHostId === null ? ' host-item--selected' : ''}`}
            data-testid="host-item-all"
          >
            <button
              type="button"
              className={SELECT_CLASS}
              aria-current={selectedHostId === null ? 'true' : undefined}
              onClick={() => selectHost(null)}
            >
              <span className="host-item__name">All hosts</span>
              <span className="host-item__status">{hosts.length} configured</span>
            </button>
          </li>
          {hosts.map((host) => (
            <HostItem
              key={host.id}
              host={host}
              selected={selectedHostId === host.id}
              menuOpen={menuFor === host.id}
              onSelect={() => selectHost(host.id)}
              onToggleMenu={(open) => setMenuFor(open ? host.id : null)}
            />
          ))}
        </ul>
      )}
    </nav>
  );
}

interface HostItemProps {
  host: HostInfo;
  selected: boolean;
  menuOpen: boolean;
  onSelect(): void;
  onToggleMenu(open: boolean): void;
}

function HostItem({ host, selected, menuOpen, onSelect, onToggleMenu }: HostItemProps) {
  const status = summarizeStatus(host.status);
  const menuId = `host-actions-${host.id}`;
  const toggle = useRef<HTMLButtonElement>(null);
  const closeMenu = () => {
    onToggleMenu(false);
    toggle.current?.focus();
  };
  const onContextMenu = (event: MouseEvent) => {
    event.preventDefault();
    onToggleMenu(true);
  };
  return (
    <li
      className={`host-item${selected ? ' host-item--selected' : ''}`}
      data-testid={`host-item-${host.id}`}
      data-status={status.tone}
      onContextMenu={onContextMenu}
    >
      <div className="host-item__row">
        <button
          type="button"
          className={SELECT_CLASS}
          aria-current={selected ? 'true' : undefined}
          title={status.detail}
          onClick={onSelect}
        >
          <span className="host-item__name">
            <StatusDot tone={status.tone} />
            {host.displayName}
          </span>
          <span className="host-item__status" data-testid="host-status">
            {status.label}
          </span>
        </button>
        <button
          type="button"
          ref={toggle}
          className="host-item__menu-button"
          aria-label={`Actions for ${host.displayName}`}
          aria-expanded={menuOpen}
          aria-controls={menuOpen ? menuId : undefined}
          data-testid={`host-actions-${host.id}`}
          onClick={() => onToggleMenu(!menuOpen)}
        >
          ⋯
        </button>
      </div>
      {menuOpen && <HostActionsMenu host={host} id={menuId} onClose={closeMenu} />}
    </li>
  );
}
