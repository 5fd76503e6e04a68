// The packaged layout must match electron-builder.yml: every file the app looks for under the resources folder
// is one that an extraResources entry puts there. Checked by mapping each packaged path back to its source.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corePaths } from '../core/app/core-paths';
import { appImagesOf, coreRootOf } from './app-paths';

const repo = resolve(import.meta.dirname, '..', '..');
const resources = '/opt/app/resources';

interface ExtraResource {
  from: string;
  to: string;
  filter?: string[];
}

async function extraResources(): Promise<ExtraResource[]> {
  const require = createRequire(import.meta.url);
  const { getConfig } = require('app-builder-lib/out/util/config/config.js');
  const config = await getConfig(repo, join(repo, 'electron-builder.yml'), null);
  return config.extraResources as ExtraResource[];
}

/** Where a file under the packaged resources folder comes from in the repository, per electron-builder.yml. */
function sourceOf(packaged: string, entries: ExtraResource[]): string | null {
  const inside = relative(resources, packaged).split(sep).join('/');
  for (const entry of entries) {
    if (inside === entry.to || inside.startsWith(`${entry.to}/`)) {
      const rest = inside.slice(entry.to.length).replace(/^\//, '');
      if (entry.filter && !entry.filter.includes(rest)) continue;
      return join(repo, entry.from, rest);
    }
  }
  return null;
}

describe('where the app finds its files', () => {
  const location = { appPath: repo, resourcesPath: resources };

  it('uses the repository when not packaged, and those files exist', () => {
    expect(coreRootOf({ ...location, isPackaged: false })).toEqual({ repoRoot: repo });
    const images = appImagesOf({ ...location, isPackaged: false });
    expect(existsSync(images.tray)).toBe(true);
    expect(existsSync(images.tray.replace('tray.png', 'tray@2x.png'))).toBe(true);
    expect(existsSync(images.window)).toBe(true);
  });

  it('uses the resources folder when packaged, where electron-builder.yml puts each of them', async () => {
    const entries = await extraResources();
    const root = coreRootOf({ ...location, isPackaged: true });
    expect(root).toEqual({ resourcesRoot: resources });
    const images = appImagesOf({ ...location, isPackaged: true });
    const packaged = [
      ...Object.values(corePaths(root)),
      images.tray,
      images.tray.replace('tray.png', 'tray@2x.png'),
      images.window,
    ];
    for (const path of packaged) {
      const source = sourceOf(path, entries);
      expect(source, `${path} is shipped by no extraResources entry`).not.toBeNull();
      expect(existsSync(source ?? ''), `${path} comes from ${source}, which does not exist`).toBe(true);
    }
  });
});
