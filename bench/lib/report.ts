// How results are printed: one line per result as it is measured, and a summary table at the end.
import { type BenchResult, describeTarget, ratioOf, verdictOf } from './bench-case';

/** A number short enough for a column: thousands grouped, fewer decimals the bigger it is. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Three decimals: a ratio of 0.899 against a target of 0.9 must not print as 0.90. */
export function formatRatio(value: number): string {
  return Number.isFinite(value) ? value.toFixed(3) : String(value);
}

/** The one line of a result: name, measured, baseline, ratio, target, verdict, note. */
export function resultLine(result: BenchResult): string {
  const verdict = verdictOf(result);
  return [
    result.name.padEnd(42),
    `${formatValue(result.measured)} ${result.unit}`.padStart(18),
    `baseline ${formatValue(result.baseline)} ${result.unit}`.padStart(27),
    `ratio ${formatRatio(ratioOf(result))}`.padEnd(13),
    `target ${describeTarget(result)}`.padEnd(22),
    verdict === 'MISS' ? '** MISS **' : verdict.padEnd(10),
    `median of ${result.runs}; ${result.note}`,
  ].join(' ');
}

/** The closing table: every result with its verdict, then the count of misses. */
export function summaryTable(results: readonly BenchResult[]): string {
  const header = ['benchmark', 'measured', 'baseline', 'ratio', 'target', 'verdict'];
  const rows = results.map((result) => [
    result.name,
    `${formatValue(result.measured)} ${result.unit}`,
    `${formatValue(result.baseline)} ${result.unit} (${result.baselineLabel})`,
    formatRatio(ratioOf(result)),
    describeTarget(result),
    verdictOf(result),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)));
  const rule = widths.map((width) => '-'.repeat(width)).join('-+-');
  const misses = results.filter((result) => verdictOf(result) === 'MISS').length;
  return [
    line(header).join(' | '),
    rule,
    ...rows.map((row) => line(row).join(' | ')),
    rule,
    misses === 0 ? 'All targets met.' : `** ${misses} target(s) MISSED ** (reported, not gated: exit code stays 0)`,
  ].join('\n');
}
