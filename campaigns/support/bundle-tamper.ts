// Changing the agent bundle behind the app's back, as something on the host (or on the workstation) would: every
// change carries a canary, one line that writes a file when the changed code runs, so "no run of an unverified
// bundle" is a file that must never exist. Plus the comparisons with the manifest and the two ways to keep a host's
// copy from ever verifying: a process that changes it again as soon as it is put back, and an immutable folder.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  cpSync,
  existsSync,
  ftruncateSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';

export interface Manifest {
  version: string;
  files: { path: string; sha256: string; bytes: number }[];
}

export function readManifest(bundleDir: string): Manifest {
  return JSON.parse(readFileSync(join(bundleDir, 'bundle.manifest.json'), 'utf8')) as Manifest;
}

/** A private copy of the repository's bundle for one core (the campaign may change it; the repository never). */
export function copyBundle(repoBundleDir: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'campaign-bundle-'));
  cpSync(repoBundleDir, dir, { recursive: true });
  return dir;
}

export class Canaries {
  readonly dir = mkdtempSync(join(tmpdir(), 'campaign-canary-'));
  private count = 0;

  /** A PowerShell line that writes a new canary file; the file's name is returned with it. */
  next(): { name: string; line: string } {
    this.count += 1;
    const name = `ran-${this.count}`;
    return { name, line: `[System.IO.File]::WriteAllText('${join(this.dir, name)}', 'ran')` };
  }

  /** Every canary that fired: each one is a run of changed code. */
  fired(): string[] {
    return readdirSync(this.dir);
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * The file with a canary line: after the payload is read in an entry script (so only a real run fires it, not a
 * process started in advance and waiting for its input), else first.
 */
export function withCanary(text: string, line: string): string {
  const lines = text.split('\n');
  const input = lines.findIndex((candidate) => candidate.startsWith('$pipelineInput = @($input)'));
  lines.splice(input < 0 ? 0 : input + 1, 0, line);
  return lines.join('\n');
}

export function addCanary(path: string, line: string): void {
  writeFileSync(path, withCanary(readFileSync(path, 'utf8'), line));
}

/** What in a bundle folder differs from the manifest: changed, missing and extra files (empty: it verifies). */
export function bundleDifferences(dir: string, manifest: Manifest): string[] {
  if (!existsSync(dir)) return ['the bundle folder is missing'];
  const differences: string[] = [];
  const listed = new Set(manifest.files.map((file) => file.path));
  for (const file of manifest.files) {
    const path = join(dir, ...file.path.split('/'));
    if (!existsSync(path)) differences.push(`missing ${file.path}`);
    else if (createHash('sha256').update(readFileSync(path)).digest('hex') !== file.sha256) {
      differences.push(`changed ${file.path}`);
    }
  }
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/');
    if (path !== 'bundle.manifest.json' && !listed.has(path)) differences.push(`extra ${path}`);
  }
  return differences;
}

/**
 * Something on the host that changes a bundle file back whenever it is put right: polls every few milliseconds
 * and writes the changed text when the file is there with other content (it never creates the file or a folder,
 * so the install's renames are not disturbed). Counts how often it struck.
 */
export class Retamperer {
  private timer: ReturnType<typeof setInterval> | null = null;
  strikes = 0;

  constructor(
    private readonly path: string,
    private readonly text: string,
  ) {}

  start(): void {
    const tamper = () => {
      try {
        if (statSync(this.path).size === Buffer.byteLength(this.text) && readFileSync(this.path, 'utf8') === this.text)
          return;
        // r+ opens only an existing file; truncated and rewritten in place.
        const fd = openSync(this.path, 'r+');
        try {
          ftruncateSync(fd, 0);
          writeSync(fd, this.text, 0);
        } finally {
          closeSync(fd);
        }
        this.strikes += 1;
      } catch {
        // Not there right now (being replaced): next time.
      }
    };
    tamper();
    this.timer = setInterval(tamper, 3);
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}

/** chattr +i / -i, recursively: an immutable folder cannot be renamed, nor its files changed or removed. */
export function setImmutable(path: string, on: boolean): void {
  execFileSync('chattr', ['-R', on ? '+i' : '-i', '--', path], { stdio: 'ignore' });
}

export function removeFile(path: string): void {
  unlinkSync(path);
}
