// The VM table of the selected host(s), the details pane and the delete dialog (owned by the vms feature).
export function VmsView() {
  return <section aria-label="Virtual machines" />;
}
