// The jobs list with its status filter and the job view (owned by the jobs feature).
export function JobsPanel() {
  return <section aria-label="Jobs" />;
}
