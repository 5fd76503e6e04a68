// Each campaign ends with one line saying what it did and found (trials, faults, payloads, hits). The line is
// printed and appended to test-results/campaign-figures.txt, which `npm test` prints again after the suite so the
// figures stand together at the end of a CI log.
import { appendFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const RESULTS_DIR = resolve(import.meta.dirname, '..', '..', 'test-results');
export const FIGURES_FILE = join(RESULTS_DIR, 'campaign-figures.txt');

export function reportFigure(campaign: string, figure: string): void {
  const line = `campaign ${campaign}: ${figure}`;
  mkdirSync(RESULTS_DIR, { recursive: true });
  appendFileSync(FIGURES_FILE, `${line}\n`);
  console.log(line);
}
