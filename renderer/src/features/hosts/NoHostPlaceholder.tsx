export function NoHostPlaceholder() {
  return (
    <section className="empty-state" aria-labelledby="no-host-title">
      <h1 id="no-host-title">No host is configured yet</h1>
      <p>
        Add a Hyper-V host to see its virtual machines, or try the lab host: a simulated Hyper-V host on this computer.
      </p>
    </section>
  );
}
