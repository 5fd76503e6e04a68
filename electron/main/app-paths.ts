// Where the running app finds its files. Not packaged (`npm run dev`, `npm run preview`): the repository, which
// is Electron's app path. Packaged: the resources folder, where electron-builder.yml's extraResources put the
// agent bundle, the simulator, the core's scripts (scripts/<folder>/) and the tray images (icons/).
import { join } from 'node:path';
import type { CoreRoot } from '../core/app/core-paths';

export interface AppLocation {
  readonly isPackaged: boolean;
  /** app.getAppPath(): the folder holding package.json (the repository when not packaged). */
  readonly appPath: string;
  /** process.resourcesPath. */
  readonly resourcesPath: string;
}

export function coreRootOf(location: AppLocation): CoreRoot {
  return location.isPackaged ? { resourcesRoot: location.resourcesPath } : { repoRoot: location.appPath };
}

export interface AppImages {
  /** 16 px, with tray@2x.png beside it for high-DPI trays (nativeImage picks it up by name). */
  readonly tray: string;
  readonly window: string;
}

export function appImagesOf(location: AppLocation): AppImages {
  const folder = location.isPackaged ? join(location.resourcesPath, 'icons') : join(location.appPath, 'resources');
  return { tray: join(folder, 'tray.png'), window: join(folder, 'icon.png') };
}
