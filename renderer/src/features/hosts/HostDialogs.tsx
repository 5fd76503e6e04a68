// Renders the host dialog the UI store says is open (opened from the sidebar, a host's actions or first run).
import { useStoreOf } from '../../stores/app-stores';
import { HostDialog } from './HostDialog';
import { RemoveHostDialog } from './RemoveHostDialog';

export function HostDialogs() {
  const dialog = useStoreOf('ui', (s) => s.hostDialog);
  const close = useStoreOf('ui', (s) => s.closeHostDialog);
  const hosts = useStoreOf('hosts', (s) => s.hosts);
  if (dialog === null) return null;
  if (dialog.kind === 'add') return <HostDialog onClose={close} />;
  const host = hosts.find((h) => h.id === dialog.hostId);
  // The host went away meanwhile (removed elsewhere): nothing left to edit or remove.
  if (!host) return null;
  if (dialog.kind === 'edit') return <HostDialog key={host.id} host={host} onClose={close} />;
  return <RemoveHostDialog key={host.id} host={host} onClose={close} />;
}
