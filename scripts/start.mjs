#!/usr/bin/env node
// `npm start`: provisions the PowerShell tools (the lab host runs on them), builds, and opens the app.
// Where the Electron binary cannot be obtained (these build machines have no route to its download host),
// it says so in one line instead of a stack trace.
import { ensureTools, MissingToolError } from './ensure-tools.mjs';
import { runCommand, runNpmScript } from './lib/run-command.mjs';
import { REPO_ROOT } from './lib/tool-paths.mjs';

const ELECTRON_UNAVAILABLE =
  'Electron cannot start here: its binary is not installed and could not be downloaded on this machine. ' +
  'The app is verified by the test suite (npm test) and, later, by the browser harness.';

/** Resolving the 'electron' package yields the binary path, downloading it on first use where that is possible. */
async function electronBinaryAvailable() {
  const probe = await runCommand(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: REPO_ROOT,
    quiet: true,
  });
  return probe.code === 0;
}

async function main() {
  await ensureTools();
  const build = await runNpmScript('build', { cwd: REPO_ROOT });
  if (build.code !== 0) return build.code;

  if (!(await electronBinaryAvailable())) {
    console.error(ELECTRON_UNAVAILABLE);
    return 1;
  }
  const preview = await runNpmScript('preview', { cwd: REPO_ROOT });
  return preview.code;
}

try {
  process.exitCode = await main();
} catch (error) {
  if (!(error instanceof MissingToolError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
