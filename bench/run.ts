// `npm run bench [-- --only <name>[,<name>]] [--runs <n>]`: runs every benchmark in bench/cases/ (one file each,
// default-exporting a BenchCase), prints one line per result as it is measured, then a summary table.
// Targets are reported, never gated: a MISS is printed loudly but the exit code stays 0. Only a benchmark that
// could not run at all (an error) makes the exit code 1.
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureTools, MissingToolError } from '../scripts/ensure-tools.mjs';
import type { BenchCase, BenchContext, BenchResult } from './lib/bench-case';
import { resultLine, summaryTable } from './lib/report';

const DEFAULT_RUNS = 5;
const casesDir = join(dirname(fileURLToPath(import.meta.url)), 'cases');

async function loadCases(): Promise<BenchCase[]> {
  const files = (await readdir(casesDir)).filter((file) => file.endsWith('.ts')).sort();
  const cases: BenchCase[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(join(casesDir, file)).href)) as { default?: BenchCase };
    if (!module.default) throw new Error(`bench/cases/${file} has no default export (a BenchCase)`);
    cases.push(module.default);
  }
  return cases;
}

function parseOptions(): { only: string[] | null; runs: number } {
  const { values } = parseArgs({
    options: { only: { type: 'string' }, runs: { type: 'string' } },
    allowPositionals: false,
  });
  const runs = values.runs === undefined ? DEFAULT_RUNS : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, not ${values.runs}`);
  return { only: values.only === undefined ? null : values.only.split(','), runs };
}

async function main(): Promise<number> {
  const options = parseOptions();
  const all = await loadCases();
  const selected = options.only === null ? all : all.filter((item) => options.only?.includes(item.name));
  if (selected.length === 0) {
    console.error(`No benchmark named ${options.only?.join(', ')}; there are: ${all.map((c) => c.name).join(', ')}`);
    return 1;
  }
  let pwsh: string;
  try {
    pwsh = (await ensureTools()).pwsh;
  } catch (error) {
    if (!(error instanceof MissingToolError)) throw error;
    console.error(error.message);
    return 1;
  }

  console.log(
    `Benchmarks: ${selected.map((c) => c.name).join(', ')}; each measurement repeated ${options.runs} times,`,
  );
  console.log('medians reported; ratio = measured / baseline, both measured in this run.\n');
  const results: BenchResult[] = [];
  let failed = 0;
  for (const item of selected) {
    console.log(`# ${item.name}: ${item.description}`);
    const context: BenchContext = { runs: options.runs, pwsh, log: (message) => console.log(`    ${message}`) };
    const started = Date.now();
    try {
      for (const result of await item.run(context)) {
        results.push(result);
        console.log(resultLine(result));
      }
    } catch (error) {
      failed++;
      console.error(`${item.name} could not run: ${(error as Error).stack ?? String(error)}`);
    }
    console.log(`    (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  }
  console.log(summaryTable(results));
  if (failed > 0) console.log(`${failed} benchmark(s) could not run.`);
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main();
