// Lists the configured Hyper-V hosts. Host records arrive with the IPC contract; until then it is empty.

export interface HostListItem {
  id: string;
  displayName: string;
}

export interface HostsSidebarProps {
  hosts: readonly HostListItem[];
}

export function HostsSidebar({ hosts }: HostsSidebarProps) {
  return (
    <nav className="hosts-sidebar" aria-label="Hosts">
      <h2 className="hosts-sidebar__heading">Hosts</h2>
      {hosts.length === 0 ? (
        <p className="hosts-sidebar__empty">No hosts yet</p>
      ) : (
        <ul className="hosts-sidebar__list">
          {hosts.map((host) => (
            <li key={host.id}>{host.displayName}</li>
          ))}
        </ul>
      )}
    </nav>
  );
}
