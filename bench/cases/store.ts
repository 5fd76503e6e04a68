// The persistence targets (issue 3), measured by electron/core/store/bench-store.ts: with 10,000 stored jobs and
// 1,000,000 output lines the job store is ready (loaded and listed, in a fresh process as at app start) in under
// 300 ms, and the first 1,000 lines of a 200,000-line log read in under 100 ms. Each comes with the bare work under
// it as the baseline: reading and JSON.parse-ing the snapshot and journal; opening and reading the log's first bytes.
// bench-store repeats its own measurements (5 fresh processes, 3 for the worst-case journal, 5 reads); `--runs`
// does not change them. Its other figures (set-up time, sizes, durability cost) are printed as progress notes.
import { type BenchFigure, runStoreBench } from '../../electron/core/store/bench-store';
import type { BenchCase, BenchContext, BenchResult } from '../lib/bench-case';
import { formatValue } from '../lib/report';

/** bench-store's own repeat counts, by figure. */
function runsOf(figure: BenchFigure): number {
  return figure.name.includes('worst-case') ? 3 : 5;
}

const store: BenchCase = {
  name: 'store',
  description: '10,000 jobs and 1,000,000 output lines: job store ready; first page of a 200,000-line log',
  async run(context: BenchContext): Promise<BenchResult[]> {
    const figures = await runStoreBench();
    const results: BenchResult[] = [];
    for (const figure of figures) {
      if (figure.target === undefined || figure.baseline === undefined) {
        context.log(`${figure.name}: ${formatValue(figure.value)} ${figure.unit}`);
        continue;
      }
      results.push({
        name: figure.name.replace(/ \((median|median of \d+)\)$/, ''),
        unit: figure.unit,
        measured: figure.value,
        baseline: figure.baseline.value,
        baselineLabel: figure.baseline.label,
        target: { kind: 'below', limit: figure.target },
        runs: runsOf(figure),
        note: `baseline: ${figure.baseline.label}`,
      });
    }
    return results;
  },
};

export default store;
