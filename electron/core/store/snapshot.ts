// The job store's snapshot: every live record as of journal sequence `seq`, replaced only atomically.
// Layout: one header line `{"format":…,"version":1,"seq":…,"schemaVersion":…,"count":…,"bytes":…,"crc32":…}`
// then the records as a JSON array. `schemaVersion` is the record schema's version the records were validated
// against, so a load under the same schema can skip validating them again. The header's checksum catches damage that happened after the file was written (a torn file cannot
// occur: it is only ever renamed into place whole).
import { crc32 } from 'node:zlib';
import { type AtomicFileWriter, writeFileAtomic } from './atomic-file';
import { readIfExists } from './file-io';
import { StoreError } from './store-error';

const FORMAT = 'hvd-job-store-snapshot';
const VERSION = 1;

export interface Snapshot {
  readonly seq: number;
  /** Undefined for an empty (missing) snapshot. */
  readonly schemaVersion: number | undefined;
  readonly records: unknown[];
  /** Size of the file, so compaction can weigh the journal against it. */
  readonly bytes: number;
}

interface SnapshotHeader {
  format: string;
  version: number;
  seq: number;
  schemaVersion: number;
  count: number;
  bytes: number;
  crc32: number;
}

/** Reads the snapshot; a missing file is an empty store. A damaged one throws `corrupt-file`. */
export async function readSnapshot(path: string): Promise<Snapshot> {
  const content = await readIfExists(path);
  if (content === undefined) return { seq: 0, schemaVersion: undefined, records: [], bytes: 0 };
  const corrupt = (why: string, cause?: unknown) =>
    new StoreError('corrupt-file', `Job store snapshot ${path} is damaged: ${why}.`, { cause });
  const headerEnd = content.indexOf(0x0a);
  if (headerEnd === -1) throw corrupt('no header line');
  let header: SnapshotHeader;
  try {
    header = JSON.parse(content.toString('utf8', 0, headerEnd)) as SnapshotHeader;
  } catch (error) {
    throw corrupt('unreadable header', error);
  }
  if (header.format !== FORMAT || header.version !== VERSION) {
    throw corrupt(`unknown format ${String(header.format)} v${String(header.version)}`);
  }
  const body = content.subarray(headerEnd + 1);
  if (body.length !== header.bytes || crc32(body) !== header.crc32) throw corrupt('checksum mismatch');
  const records = JSON.parse(body.toString('utf8')) as unknown;
  if (!Array.isArray(records) || records.length !== header.count) throw corrupt('record count mismatch');
  return { seq: header.seq, schemaVersion: header.schemaVersion, records, bytes: content.length };
}

/** Serialises synchronously (so the content is the state of this instant), then replaces the file atomically. */
export function writeSnapshot(
  path: string,
  seq: number,
  records: readonly unknown[],
  options: { schemaVersion: number; sync: boolean; writeFile?: AtomicFileWriter },
): { bytes: number; done: Promise<void> } {
  const body = Buffer.from(JSON.stringify(records), 'utf8');
  const header: SnapshotHeader = {
    format: FORMAT,
    version: VERSION,
    seq,
    schemaVersion: options.schemaVersion,
    count: records.length,
    bytes: body.length,
    crc32: crc32(body),
  };
  const content = Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), body]);
  const writeFile = options.writeFile ?? writeFileAtomic;
  return { bytes: content.length, done: writeFile(path, content, { sync: options.sync }) };
}
