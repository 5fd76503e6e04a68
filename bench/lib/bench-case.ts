// What a benchmark is: one file in bench/cases/ default-exports a BenchCase. run.ts finds it by its file, runs it
// and prints each of its results on one line. A result is always a measured value next to a baseline measured in
// the same run (the same work without the part under test), because this machine is too noisy for absolute
// timings to mean much: the ratio is what carries over.

export interface BenchContext {
  /** How many times to repeat each measurement; results report the median. */
  readonly runs: number;
  /** The repository's PowerShell (.tools/pwsh), provisioned by ensureTools. */
  readonly pwsh: string;
  /** A progress note (shown indented, not part of the results). */
  log(message: string): void;
}

/**
 * What decides PASS or MISS:
 * - ratio-at-least / ratio-at-most: measured / baseline against `limit` (throughput, relative cost);
 * - below: the measured value itself against `limit` (an absolute budget; the ratio is shown for context);
 * - none: context only, printed as INFO.
 */
export type BenchTarget =
  | { readonly kind: 'ratio-at-least'; readonly limit: number }
  | { readonly kind: 'ratio-at-most'; readonly limit: number }
  | { readonly kind: 'below'; readonly limit: number }
  | { readonly kind: 'none' };

export interface BenchResult {
  readonly name: string;
  readonly unit: string;
  readonly measured: number;
  readonly baseline: number;
  /** What the baseline is, in a few words. */
  readonly baselineLabel: string;
  readonly target: BenchTarget;
  /** How many runs the medians are taken over. */
  readonly runs: number;
  readonly note: string;
}

export interface BenchCase {
  /** Selects it with `--only`; the file name without .ts by convention. */
  readonly name: string;
  readonly description: string;
  run(context: BenchContext): Promise<BenchResult[]>;
}

export type Verdict = 'PASS' | 'MISS' | 'INFO';

export function ratioOf(result: BenchResult): number {
  return result.baseline === 0 ? Number.NaN : result.measured / result.baseline;
}

export function verdictOf(result: BenchResult): Verdict {
  const { target } = result;
  const ratio = ratioOf(result);
  switch (target.kind) {
    case 'ratio-at-least':
      return ratio >= target.limit ? 'PASS' : 'MISS';
    case 'ratio-at-most':
      return ratio <= target.limit ? 'PASS' : 'MISS';
    case 'below':
      return result.measured < target.limit ? 'PASS' : 'MISS';
    case 'none':
      return 'INFO';
  }
}

export function describeTarget(result: BenchResult): string {
  const { target } = result;
  switch (target.kind) {
    case 'ratio-at-least':
      return `ratio >= ${target.limit}`;
    case 'ratio-at-most':
      return `ratio <= ${target.limit}`;
    case 'below':
      return `< ${target.limit} ${result.unit}`;
    case 'none':
      return '-';
  }
}
