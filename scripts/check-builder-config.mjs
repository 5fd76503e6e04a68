#!/usr/bin/env node
// Installers cannot be built on machines without the Electron binary, so check what can be checked here:
// electron-builder.yml against electron-builder's own schema, and every local file or folder it names.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO_ROOT } from './lib/tool-paths.mjs';

const require = createRequire(import.meta.url);
// electron-builder's own loader and validator (pinned with electron-builder 26.17.0).
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js');

const quietLogger = { add() {}, isEnabled: false };
const config = await getConfig(REPO_ROOT, join(REPO_ROOT, 'electron-builder.yml'), null);
await validateConfiguration(config, quietLogger);

const referenced = [
  config.win?.icon,
  config.linux?.icon,
  config.mac?.icon,
  ...(config.extraResources ?? []).map((entry) => entry.from),
].filter(Boolean);
const missing = referenced.filter((path) => !existsSync(join(REPO_ROOT, path)));
if (missing.length > 0) {
  console.error(`electron-builder.yml names paths that do not exist: ${missing.join(', ')}`);
  process.exit(1);
}
// Test-only code must never ship: the browser harness (it bridges the API over HTTP) and the e2e suite.
// `files` is an allowlist; apply it as electron-builder does (in order, a later `!pattern` excludes).
const { minimatch } = require('minimatch');
const filePatterns = (config.files ?? []).flatMap((entry) =>
  typeof entry === 'string' ? [entry] : (entry.filter ?? []),
);
const packaged = (path) =>
  filePatterns.reduce((included, pattern) => {
    const negated = pattern.startsWith('!');
    if (!minimatch(path, negated ? pattern.slice(1) : pattern, { dot: true })) return included;
    return !negated;
  }, false);
const testOnly = ['harness/cli.ts', 'harness/bridge/entry.ts', 'e2e/smoke.spec.ts', 'playwright.config.ts'];
const shipped = [
  ...testOnly.filter(packaged),
  ...(config.extraResources ?? []).map((entry) => entry.from).filter((from) => /^(harness|e2e)(\/|$)/.test(from)),
];
if (shipped.length > 0) {
  console.error(`electron-builder.yml would package test-only code: ${shipped.join(', ')}`);
  process.exit(1);
}
if (!packaged('out/main/index.js')) {
  console.error('electron-builder.yml: the files check is broken (out/main/index.js would not be packaged)');
  process.exit(1);
}
console.log(`electron-builder.yml: valid; ${referenced.length} referenced paths exist; harness/ and e2e/ excluded`);
