// The small schemas every DTO is built from: identifiers, names, paths, times and their bounds.
// Names are data, never code: a VM name may hold quotes, `$()`, backticks, semicolons, newlines or any unicode,
// so name schemas bound the length and nothing else. Identifiers the app mints itself are kept to a safe
// alphabet, because they end up in file names (exports) and in the host lock.
import { z } from 'zod';

/** Longest VM name accepted; the agent's payload allows the same (powershell/README.md), so neither side
 *  rejects a name the other accepts. */
export const VM_NAME_MAX = 1024;
/** Display names, checkpoint names, cluster role names. */
export const NAME_MAX = 255;
/** Windows long-path limit: paths come from the host as Hyper-V shows them. */
export const PATH_MAX = 32_767;
/** Error and status messages; producers clip longer text with clip(). */
export const MESSAGE_MAX = 8192;
/** One output line; the output decoder clips longer lines with clip(). */
export const OUTPUT_LINE_MAX = 100_000;
/** Most items in any list a caller sends at once (multi-select delete, id lists). */
export const BATCH_MAX = 500;
/** Largest page of jobs or output lines one call returns. */
export const JOB_PAGE_MAX = 500;
export const OUTPUT_PAGE_MAX = 10_000;

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** A job id minted by main (also the agent's `job_id`, at most 128 characters there). */
export const jobIdSchema = z.string().min(1).max(128).regex(SAFE_ID, 'must be letters, digits, ".", "_" or "-"');
/** A host id minted by main. */
export const hostIdSchema = z.string().min(1).max(64).regex(SAFE_ID, 'must be letters, digits, ".", "_" or "-"');
/** A VM's identity (S1): a GUID, normalised to lower case as the agent reports it. */
export const vmIdSchema = z.guid().toLowerCase();
/** A checkpoint id: a GUID like the VM's. */
export const checkpointIdSchema = z.guid().toLowerCase();

/** A VM name exactly as Hyper-V holds it: any characters, not trimmed, bounded. */
export const vmNameSchema = z.string().min(1).max(VM_NAME_MAX);
/** A name a person typed for something of the app's (a host's display name): must not be blank. */
export const displayNameSchema = z.string().min(1).max(NAME_MAX).regex(/\S/, 'must not be blank');
/** A name the host reports (checkpoint, cluster role, computer): any characters, bounded, may be empty. */
export const hostNameTextSchema = z.string().max(NAME_MAX);
/** A Windows path as the host shows it (drive letter, backslashes), or a local path the user chose. */
export const pathSchema = z.string().min(1).max(PATH_MAX);
/** A message or detail for people. */
export const messageSchema = z.string().max(MESSAGE_MAX);
/** Short machine words from the host (state names, controller labels, agent error codes). */
export const shortTextSchema = z.string().max(128);

/** A moment in UTC, ISO 8601 with `Z` (what `Date.prototype.toISOString` and the agent emit). */
export const timestampSchema = z.iso.datetime();
export const byteCountSchema = z.int().min(0);
export const countSchema = z.int().min(0);

export type JobId = z.output<typeof jobIdSchema>;
export type HostId = z.output<typeof hostIdSchema>;
export type VmId = z.output<typeof vmIdSchema>;
export type Timestamp = z.output<typeof timestampSchema>;

/** Shortens text to a schema's bound, marking the cut, so a long host message never fails a result parse. */
export function clip(text: string, max: number = MESSAGE_MAX): string {
  if (text.length <= max) return text;
  const marker = ' [...]';
  return text.slice(0, Math.max(0, max - marker.length)) + marker;
}
