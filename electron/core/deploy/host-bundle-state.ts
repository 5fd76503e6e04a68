// What the bundle check script (scripts/Get-AgentBundleState.ps1) reports about a host's installed bundle, and how
// it compares with the local manifest.
import { z } from 'zod';
import type { ResultEvent } from '../powershell/agent-events';
import type { BundleManifest } from './bundle-manifest';

const hostBundleSchema = z.looseObject({
  version: z.string(),
  /** The folder as PowerShell on the host names it (C:\ProgramData\HvAgent\bundle\<version>). */
  root: z.string(),
  /** The same folder as the host's .NET sees it: equal to root on a host, the sandbox path in the lab. */
  path: z.string().min(1),
  present: z.boolean(),
  files: z.array(z.looseObject({ path: z.string(), sha256: z.string(), bytes: z.number() })),
  /** Windows: owned by Administrators or SYSTEM (what the install script sets); null elsewhere or when absent. */
  owner_trusted: z.boolean().nullable(),
});

export type HostBundleState = z.output<typeof hostBundleSchema>;

/** The `bundle` of a check result; null when it is missing or malformed. */
export function readHostBundleState(result: ResultEvent): HostBundleState | null {
  const parsed = hostBundleSchema.safeParse((result as { bundle?: unknown }).bundle);
  return parsed.success ? parsed.data : null;
}

const MAX_LISTED = 5;

function list(what: string, paths: readonly string[]): string[] {
  if (paths.length === 0) return [];
  const more = paths.length > MAX_LISTED ? ` and ${paths.length - MAX_LISTED} more` : '';
  return [`${what}: ${paths.slice(0, MAX_LISTED).join(', ')}${more}`];
}

/** How the host's bundle differs from the manifest, one readable item per kind; empty when it is current. */
export function differencesFromManifest(manifest: BundleManifest, state: HostBundleState): string[] {
  if (state.version !== manifest.version) return [`the host reported version ${state.version}`];
  if (!state.present) return ['not installed'];
  const onHost = new Map(state.files.map((file) => [file.path, file]));
  const listed = new Set(manifest.files.map((file) => file.path));
  const missing: string[] = [];
  const changed: string[] = [];
  for (const file of manifest.files) {
    const found = onHost.get(file.path);
    if (found === undefined) missing.push(file.path);
    else if (found.sha256 !== file.sha256 || found.bytes !== file.bytes) changed.push(file.path);
  }
  const extra = state.files.map((file) => file.path).filter((path) => !listed.has(path));
  return [
    ...list('changed', changed),
    ...list('missing', missing),
    ...list('not in the manifest', extra),
    ...(state.owner_trusted === false ? ['the folder is not owned by Administrators or SYSTEM'] : []),
  ];
}
