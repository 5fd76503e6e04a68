#!/usr/bin/env node
// Runs a PowerShell script with the repo's own PowerShell 7.6.9 (.tools/pwsh), provisioning it if needed.
// Usage: node scripts/run-pwsh.mjs <script.ps1> [arguments passed to the script...]
// Used by `npm run manifest` and `npm run lab:build`; the script's exit code becomes ours.
import { resolve } from 'node:path';
import { ensureTools, MissingToolError } from './ensure-tools.mjs';
import { runCommand } from './lib/run-command.mjs';
import { toolEnvironment } from './lib/tool-paths.mjs';

const [script, ...scriptArgs] = process.argv.slice(2);
if (!script) {
  console.error('usage: node scripts/run-pwsh.mjs <script.ps1> [arguments...]');
  process.exit(2);
}

try {
  const { pwsh } = await ensureTools({ log: (line) => console.error(line) });
  const result = await runCommand(pwsh, ['-NoProfile', '-NonInteractive', '-File', resolve(script), ...scriptArgs], {
    env: toolEnvironment(),
  });
  process.exitCode = result.code;
} catch (error) {
  if (!(error instanceof MissingToolError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
