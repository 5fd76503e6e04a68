// The whole state of a data folder as bytes: every file (SHA-256 of its content), every folder and symlink, by
// path relative to the folder. Two snapshots are equal exactly when nothing was added, removed or changed.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Relative path -> `file <sha256>`, `dir` or `link <target>`. */
export type FolderState = ReadonlyMap<string, string>;

export function folderState(root: string): FolderState {
  const entries = new Map<string, string>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    const full = join(entry.parentPath, entry.name);
    const path = relative(root, full);
    if (entry.isSymbolicLink()) entries.set(path, `link ${readlinkSync(full)}`);
    else if (entry.isDirectory()) entries.set(path, 'dir');
    else if (entry.isFile()) entries.set(path, `file ${createHash('sha256').update(readFileSync(full)).digest('hex')}`);
    else entries.set(path, 'other');
  }
  return entries;
}

/** Paths added, removed or changed between two snapshots, sorted. */
export function changedPaths(before: FolderState, after: FolderState): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((path) => before.get(path) !== after.get(path)).sort();
}

export function fileCount(state: FolderState): number {
  return [...state.values()].filter((kind) => kind.startsWith('file ')).length;
}
