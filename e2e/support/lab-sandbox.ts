// The lab host's files as the simulator keeps them: real files under <dataDir>/lab/sandbox/<drive>/..., so a
// spec can check on disk what a delete removed and what it kept (C:\VMs\db01 is <sandbox>/C/VMs/db01).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { harnessInfo } from './harness-env';

/** The sandbox path of a Windows path of the lab host, e.g. `C:\Templates\ws2022-template.vhdx`. */
export function labPath(windowsPath: string): string {
  const match = /^([A-Za-z]):\\(.*)$/.exec(windowsPath);
  if (!match?.[1]) throw new Error(`not a drive path of the lab host: ${windowsPath}`);
  const parts = (match[2] ?? '').split('\\').filter((part) => part !== '');
  return join(harnessInfo().dataDir, 'lab', 'sandbox', match[1].toUpperCase(), ...parts);
}

export function labFileExists(windowsPath: string): boolean {
  return existsSync(labPath(windowsPath));
}
