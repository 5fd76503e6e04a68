// Facts about the application that main, preload and renderer all show or use.
// The version is read from package.json at build time, so it is declared in one place only.
import { productName, version } from '../package.json';

export const APP_NAME: string = productName;
export const APP_VERSION: string = version;
/** Matches `appId` in electron-builder.yml; Windows uses it to group notifications and taskbar entries. */
export const APP_ID = 'io.github.hyperv-vm-deleter';
