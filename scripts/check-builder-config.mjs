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
console.log(`electron-builder.yml: valid; ${referenced.length} referenced paths exist`);
