// Readers that turn a finished test suite into { passed, failed, skipped }. Each suite names its reader.
import { existsSync, readFileSync, rmSync } from 'node:fs';

/**
 * For suites that print their own `<name>: N passed, N failed[, N skipped]` line (the Pester runner does).
 * The last such line wins, so a test that happens to print a similar line cannot fake the result.
 */
export function fromSummaryLine(name) {
  const pattern = new RegExp(`^${name}: (\\d+) passed, (\\d+) failed(?:, (\\d+) skipped)?\\s*$`, 'gm');
  return {
    prepare() {},
    read(output) {
      const matches = [...output.matchAll(pattern)];
      const last = matches.at(-1);
      if (!last) return null;
      return { passed: Number(last[1]), failed: Number(last[2]), skipped: Number(last[3] ?? 0) };
    },
  };
}

/**
 * For suites that write a JUnit XML report (Vitest `--reporter=junit`, Playwright `junit` reporter): counts
 * <testcase> elements, failed when they hold <failure> or <error>, skipped when they hold <skipped>.
 * The report is deleted before the run so a stale one is never read.
 */
export function fromJUnitFile(path) {
  return {
    prepare() {
      rmSync(path, { force: true });
    },
    read() {
      if (!existsSync(path)) return null;
      const cases = readFileSync(path, 'utf8').split('<testcase').slice(1);
      const counts = { passed: 0, failed: 0, skipped: 0 };
      for (const testCase of cases) {
        // A self-closing <testcase .../> has no children; otherwise read up to its closing tag.
        const body = /^[^>]*\/>/.test(testCase) ? '' : testCase.split('</testcase>')[0];
        if (/<(failure|error)[\s>/]/.test(body)) counts.failed += 1;
        else if (/<skipped[\s>/]/.test(body)) counts.skipped += 1;
        else counts.passed += 1;
      }
      return counts;
    },
  };
}
