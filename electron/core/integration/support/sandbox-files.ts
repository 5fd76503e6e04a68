// What is on a lab host's disks, for comparing before and after a job: every file (SHA-256 of its bytes) and
// every folder of the sandbox, by the Windows path the host shows (C:\VMs\db01\notes.txt).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface SandboxTree {
  /** Windows path -> SHA-256 of the file. */
  readonly files: ReadonlyMap<string, string>;
  readonly folders: ReadonlySet<string>;
  /** The simulator's state file (parsed), which every simulator call may rewrite. */
  readonly state: unknown;
}

/** The agent's own data (bundle, host lock, saved plans) and the simulator's bookkeeping are not the host's disks. */
const NOT_HOST_DATA = [/^C:\\ProgramData\\HvAgent(\\|$)/i];

function windowsPathOf(sandboxPath: string, path: string): string | null {
  const [drive, ...rest] = relative(sandboxPath, path).split(sep);
  if (drive === undefined || !/^[A-Z]$/.test(drive)) return null;
  return rest.length === 0 ? `${drive}:\\` : `${drive}:\\${rest.join('\\')}`;
}

export function readSandboxTree(sandboxPath: string): SandboxTree {
  const files = new Map<string, string>();
  const folders = new Set<string>();
  for (const entry of readdirSync(sandboxPath, { recursive: true, withFileTypes: true })) {
    const full = join(entry.parentPath, entry.name);
    const windowsPath = windowsPathOf(sandboxPath, full);
    if (windowsPath === null || NOT_HOST_DATA.some((pattern) => pattern.test(windowsPath))) continue;
    if (entry.isDirectory()) folders.add(windowsPath);
    else if (entry.isFile()) files.set(windowsPath, createHash('sha256').update(readFileSync(full)).digest('hex'));
  }
  return { files, folders, state: JSON.parse(readFileSync(join(sandboxPath, 'state.json'), 'utf8')) };
}

/** One digest of the whole host: files, folders and the simulator state. */
export function digestOf(tree: SandboxTree): string {
  const hash = createHash('sha256');
  for (const [path, digest] of [...tree.files].sort()) hash.update(`f ${path} ${digest}\n`);
  for (const path of [...tree.folders].sort()) hash.update(`d ${path}\n`);
  hash.update(JSON.stringify(tree.state));
  return hash.digest('hex');
}

export interface TreeChanges {
  removedFiles: string[];
  addedFiles: string[];
  changedFiles: string[];
  removedFolders: string[];
  addedFolders: string[];
}

export function changesBetween(before: SandboxTree, after: SandboxTree): TreeChanges {
  const sorted = (values: Iterable<string>) => [...values].sort();
  return {
    removedFiles: sorted([...before.files.keys()].filter((path) => !after.files.has(path))),
    addedFiles: sorted([...after.files.keys()].filter((path) => !before.files.has(path))),
    changedFiles: sorted(
      [...before.files]
        .filter(([path, digest]) => after.files.has(path) && after.files.get(path) !== digest)
        .map(([p]) => p),
    ),
    removedFolders: sorted([...before.folders].filter((path) => !after.folders.has(path))),
    addedFolders: sorted([...after.folders].filter((path) => !before.folders.has(path))),
  };
}

/** A Windows path of the lab host as the file it is in the sandbox. */
export function sandboxFile(sandboxPath: string, windowsPath: string): string {
  const [drive, ...rest] = windowsPath.split('\\');
  return join(sandboxPath, (drive ?? '').replace(':', ''), ...rest.filter((part) => part !== ''));
}
