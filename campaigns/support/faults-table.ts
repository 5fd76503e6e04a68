// The fault matrix as a console table: one line per fault with what the job ended in, and the four verdicts.
import type { RowOutcome } from './faults-row';

function mark(ok: boolean): string {
  return ok ? 'yes' : 'NO';
}

function ended(outcome: RowOutcome): string {
  const job = outcome.failed;
  if (!job) return outcome.problem ? `error: ${outcome.problem.slice(0, 60)}` : '-';
  const host = job.error?.hostCode ? `/${job.error.hostCode}` : '';
  return `${job.status} (${job.error?.code ?? '-'}${host})`;
}

/** The row in one line: fault, VM, how it ended, the four verdicts, seconds. */
export function rowLine(outcome: RowOutcome): string {
  const verdicts = [outcome.rightStatus, outcome.namedObjectAndHost, outcome.reconciled, outcome.retriedOk].map(mark);
  return `${outcome.row.fault} | ${outcome.row.hostId}/${outcome.vmName} | ${ended(outcome)} | status ${verdicts[0]}, named ${verdicts[1]}, reconciled ${verdicts[2]}, retried ${verdicts[3]} | ${outcome.seconds.toFixed(1)} s${outcome.problem ? ` | ${outcome.problem}` : ''}`;
}

export function printMatrix(outcomes: readonly RowOutcome[]): void {
  const rows = outcomes.map((outcome) => ({
    fault: outcome.row.fault,
    host: outcome.row.hostId,
    vm: outcome.vmName,
    ended: ended(outcome),
    status: mark(outcome.rightStatus),
    named: mark(outcome.namedObjectAndHost),
    reconciled: mark(outcome.reconciled),
    retried: mark(outcome.retriedOk),
    seconds: outcome.seconds.toFixed(1),
  }));
  console.table(rows);
  for (const outcome of outcomes) {
    const good = outcome.rightStatus && outcome.namedObjectAndHost && outcome.reconciled && outcome.retriedOk;
    if (good) continue;
    console.log(
      `fault matrix, ${outcome.row.fault} on ${outcome.row.hostId}/${outcome.vmName}:`,
      JSON.stringify({
        problem: outcome.problem,
        error: outcome.failed?.error ?? null,
        notice: outcome.notice,
        shown: outcome.shown,
        hostState: outcome.hostState,
        retried: outcome.retried ? { status: outcome.retried.status, error: outcome.retried.error } : null,
        comparison: outcome.comparison,
      }),
    );
  }
}
