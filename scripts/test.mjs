#!/usr/bin/env node
// `npm test`: every check the project has, in order: lint, typecheck, build, the installer config check,
// then every test suite.
// Ends with one line `N passed, N failed, N skipped` summing all suites (a failed gate counts as one failure)
// and exits non-zero when anything failed. `--only a,b` runs just the named steps.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureTools, MissingToolError } from './ensure-tools.mjs';
import { formatSeconds, runCommand, runNpmScript } from './lib/run-command.mjs';
import { fromJUnitFile, fromSummaryLine } from './lib/suite-results.mjs';
import { PWSH_PATH, REPO_ROOT, toolEnvironment } from './lib/tool-paths.mjs';

/** The command line asked for something that does not exist; the message says what does. */
class UsageError extends Error {}

const RESULTS_DIR = join(REPO_ROOT, 'test-results');
const PWSH = (script) => ({
  command: PWSH_PATH,
  args: ['-NoProfile', '-NonInteractive', '-File', join(REPO_ROOT, script)],
});

// The steps, in order. A gate is a package.json script that passes or fails as a whole; a suite reports counts.
// Adding a suite is one line, e.g.:
//   suite('vitest', { command: process.execPath, args: ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default',
//     '--reporter=junit', '--outputFile.junit=test-results/vitest.junit.xml'] },
//     fromJUnitFile(join(RESULTS_DIR, 'vitest.junit.xml'))),
const STEPS = [
  gate('lint'),
  gate('typecheck'),
  gate('build'),
  gate('package:check'),
  suite('pester', PWSH('powershell/tests/Invoke-PesterSuite.ps1'), fromSummaryLine('pester'), { needsTools: true }),
  suite(
    'vitest',
    {
      command: process.execPath,
      args: [
        'node_modules/vitest/vitest.mjs',
        'run',
        '--passWithNoTests',
        '--reporter=default',
        '--reporter=junit',
        '--outputFile.junit=test-results/vitest.junit.xml',
      ],
    },
    fromJUnitFile(join(RESULTS_DIR, 'vitest.junit.xml')),
    { needsTools: true },
  ),
  // The campaigns of issue 5 (campaigns/*.campaign.ts): each prints a one-line figure, gathered in
  // test-results/campaign-figures.txt and printed again when the suite ends.
  suite(
    'campaigns',
    {
      command: process.execPath,
      args: [
        'node_modules/vitest/vitest.mjs',
        'run',
        '--config',
        'vitest.campaigns.config.ts',
        '--passWithNoTests',
        '--reporter=default',
        '--reporter=junit',
        '--outputFile.junit=test-results/campaigns.junit.xml',
      ],
    },
    fromJUnitFile(join(RESULTS_DIR, 'campaigns.junit.xml')),
    { needsTools: true, figures: join(RESULTS_DIR, 'campaign-figures.txt') },
  ),
  // Playwright in Debian's Chromium through the browser harness (playwright.config.ts writes the JUnit file);
  // it serves the renderer the `build` gate above produced.
  suite(
    'e2e',
    { command: process.execPath, args: ['node_modules/@playwright/test/cli.js', 'test'] },
    fromJUnitFile(join(RESULTS_DIR, 'e2e.junit.xml')),
    { needsTools: true },
  ),
];

function gate(name) {
  return { name, kind: 'gate', needsTools: false, run: () => runNpmScript(name, { cwd: REPO_ROOT }) };
}

function suite(name, { command, args }, results, { needsTools = false, figures = null } = {}) {
  return {
    name,
    kind: 'suite',
    needsTools,
    results,
    figures,
    run: () => runCommand(command, args, { cwd: REPO_ROOT, capture: true, env: toolEnvironment() }),
  };
}

function selectSteps(argv) {
  const onlyIndex = argv.indexOf('--only');
  if (onlyIndex === -1) return STEPS;
  const names = (argv[onlyIndex + 1] ?? '').split(',').filter(Boolean);
  const unknown = names.filter((name) => !STEPS.some((step) => step.name === name));
  if (names.length === 0 || unknown.length > 0) {
    throw new UsageError(`--only takes step names from: ${STEPS.map((step) => step.name).join(', ')}`);
  }
  return STEPS.filter((step) => names.includes(step.name));
}

/** Runs one step and reduces it to counts; a suite that crashed or printed no results counts as one failure. */
async function runStep(step) {
  console.log(`\n=== ${step.name} ===`);
  step.results?.prepare();
  if (step.figures) rmSync(step.figures, { force: true });
  const run = await step.run();
  if (step.figures && existsSync(step.figures)) {
    console.log(`\n--- ${step.name} figures ---\n${readFileSync(step.figures, 'utf8').trimEnd()}`);
  }
  if (step.kind === 'gate') {
    const ok = run.code === 0;
    return {
      ...step,
      seconds: run.seconds,
      counts: { passed: 0, failed: ok ? 0 : 1, skipped: 0 },
      summary: ok ? 'passed' : `failed (exit ${run.code})`,
    };
  }
  const counts = step.results.read(run.output);
  if (!counts) {
    return {
      ...step,
      seconds: run.seconds,
      counts: { passed: 0, failed: 1, skipped: 0 },
      summary: `no results (exit ${run.code}): counted as 1 failure`,
    };
  }
  let summary = `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`;
  if (run.code !== 0 && counts.failed === 0) {
    counts.failed = 1;
    summary += ` (but exited with code ${run.code}: counted as 1 failure)`;
  }
  return { ...step, seconds: run.seconds, counts, summary };
}

async function main() {
  const steps = selectSteps(process.argv.slice(2));
  mkdirSync(RESULTS_DIR, { recursive: true });
  if (steps.some((step) => step.needsTools)) await ensureTools();

  const outcomes = [];
  for (const step of steps) outcomes.push(await runStep(step));

  console.log('\n=== summary ===');
  const width = Math.max(...outcomes.map((outcome) => outcome.name.length));
  for (const outcome of outcomes) {
    console.log(`${outcome.name.padEnd(width)}  ${formatSeconds(outcome.seconds).padStart(7)}  ${outcome.summary}`);
  }
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const { counts } of outcomes) {
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
  }
  console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  return total.failed === 0 ? 0 : 1;
}

try {
  process.exitCode = await main();
} catch (error) {
  if (!(error instanceof MissingToolError || error instanceof UsageError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
