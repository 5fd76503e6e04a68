import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppException, appError } from '../../../shared/contract/errors';

// The agent bundle on this workstation (powershell/agent in development, <resources>/agent when packaged) and its
// bundle.manifest.json. The manifest format and the version formula are powershell/tools/README.md's: every file
// except the manifest (hidden ones too), forward-slash paths in ordinal order, SHA-256 and size of the exact bytes;
// version = ModuleVersion of HvAgent/HvAgent.psd1 + '+' + the first 12 hex digits of the SHA-256 of the lines
// "<sha256>  <path>\n". A bundle that does not match its own manifest is never deployed.

export const MANIFEST_FILE = 'bundle.manifest.json';
const MODULE_MANIFEST = 'HvAgent/HvAgent.psd1';
const MAX_LISTED_DIFFERENCES = 5;

const manifestFileSchema = z.strictObject({
  path: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits'),
  bytes: z.int().min(0),
});

const manifestSchema = z.strictObject({
  bundle: z.literal('hvagent'),
  version: z.string().regex(/^[0-9A-Za-z][0-9A-Za-z.+-]{0,63}$/, 'must be a version such as 0.1.0+3f2a9c0b71de'),
  files: z.array(manifestFileSchema).min(1),
});

export type ManifestFile = z.output<typeof manifestFileSchema>;
export type BundleManifest = z.output<typeof manifestSchema>;

/** A bundle whose bytes were checked against its manifest just now; `contents` are those exact bytes, by path. */
export interface VerifiedBundle extends BundleManifest {
  readonly contents: ReadonlyMap<string, Buffer>;
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The bundle version for a ModuleVersion and the files in manifest order (powershell/tools/README.md). */
export function computeBundleVersion(moduleVersion: string, files: readonly Pick<ManifestFile, 'path' | 'sha256'>[]) {
  const lines = files.map((file) => `${file.sha256}  ${file.path}\n`).join('');
  return `${moduleVersion}+${sha256Hex(Buffer.from(lines, 'utf8')).slice(0, 12)}`;
}

/** ModuleVersion = '<x>' from the text of a module manifest (.psd1). */
export function readModuleVersion(psd1Text: string): string | null {
  return /^\s*ModuleVersion\s*=\s*['"]([^'"\r\n]+)['"]/m.exec(psd1Text)?.[1] ?? null;
}

function verificationFailed(message: string): AppException {
  return new AppException(appError('bundle_verification_failed', message));
}

function summarise(what: string, paths: readonly string[]): string | null {
  if (paths.length === 0) return null;
  const shown = paths.slice(0, MAX_LISTED_DIFFERENCES).join(', ');
  const more = paths.length > MAX_LISTED_DIFFERENCES ? ` and ${paths.length - MAX_LISTED_DIFFERENCES} more` : '';
  return `${what}: ${shown}${more}`;
}

/** Every regular file under `root`, relative with forward slashes; anything else (a link, a device) is refused. */
async function listFiles(root: string, prefix = ''): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(join(root, prefix), { withFileTypes: true })) {
    const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) files.push(...(await listFiles(root, relative)));
    else if (entry.isFile()) files.push(relative);
    else throw verificationFailed(`The agent bundle holds '${relative}', which is not a regular file.`);
  }
  return files;
}

export class LocalBundle {
  /** @param root the bundle folder: powershell/agent (development) or process.resourcesPath/agent (packaged). */
  constructor(readonly root: string) {}

  /** The manifest as written (cheap: one small file). Throws bundle_verification_failed when unreadable. */
  async readManifest(): Promise<BundleManifest> {
    let text: string;
    try {
      text = await readFile(join(this.root, MANIFEST_FILE), 'utf8');
    } catch (error) {
      throw verificationFailed(`The agent bundle has no readable ${MANIFEST_FILE}: ${(error as Error).message}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw verificationFailed(`${MANIFEST_FILE} is not valid JSON: ${(error as Error).message}`);
    }
    const parsed = manifestSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw verificationFailed(`${MANIFEST_FILE} is invalid: ${issue?.path.join('.') || '(root)'} ${issue?.message}`);
    }
    return parsed.data;
  }

  /**
   * Reads every file and checks the bundle against its manifest: the same set of files, each hash and size, the
   * ordinal order and the version formula. Throws bundle_verification_failed naming what differs.
   */
  async verify(): Promise<VerifiedBundle> {
    const manifest = await this.readManifest();
    const onDisk = (await listFiles(this.root)).filter((path) => path !== MANIFEST_FILE);
    const listed = new Set(manifest.files.map((file) => file.path));
    const contents = new Map<string, Buffer>();
    const changed: string[] = [];
    const missing: string[] = [];
    for (const file of manifest.files) {
      if (!onDisk.includes(file.path)) {
        missing.push(file.path);
        continue;
      }
      const bytes = await readFile(join(this.root, ...file.path.split('/')));
      if (bytes.length !== file.bytes || sha256Hex(bytes) !== file.sha256) changed.push(file.path);
      contents.set(file.path, bytes);
    }
    const added = onDisk.filter((path) => !listed.has(path)).sort();
    const problems = [
      summarise('changed', changed),
      summarise('missing', missing),
      summarise('not in the manifest', added),
    ].filter((text): text is string => text !== null);
    if (problems.length > 0) {
      throw verificationFailed(`The agent bundle does not match its manifest (${problems.join('; ')}).`);
    }

    const paths = manifest.files.map((file) => file.path);
    const ordinal = [...paths].sort();
    if (new Set(paths).size !== paths.length || paths.some((path, index) => path !== ordinal[index])) {
      throw verificationFailed(`${MANIFEST_FILE} must list each file once, in ordinal order of its path.`);
    }
    const moduleVersion = readModuleVersion(contents.get(MODULE_MANIFEST)?.toString('utf8') ?? '');
    if (moduleVersion === null)
      throw verificationFailed(`The agent bundle has no ModuleVersion in ${MODULE_MANIFEST}.`);
    const version = computeBundleVersion(moduleVersion, manifest.files);
    if (version !== manifest.version) {
      throw verificationFailed(`${MANIFEST_FILE} says version ${manifest.version}, its files give ${version}.`);
    }
    return { ...manifest, contents };
  }
}
