// The job store's journal entries and how they rebuild the state: snapshot records first, then every entry with
// a sequence number above the snapshot's, in order. Entries carry raw JSON; validation happens once at the end.

export interface StoredRecord {
  readonly id: string;
  /** ISO-8601 time of the last change; orders list() and drives retention. */
  readonly updatedAt: string;
}

export type JournalEntry =
  | { readonly seq: number; readonly op: 'put'; readonly record: StoredRecord }
  | { readonly seq: number; readonly op: 'patch'; readonly id: string; readonly patch: Record<string, unknown> }
  | { readonly seq: number; readonly op: 'delete'; readonly ids: readonly string[] };

// The store writes entries as text it already has (the validated record's JSON), so each entry is serialised once.
export const putLine = (seq: number, recordJson: string) => `{"seq":${seq},"op":"put","record":${recordJson}}`;
export const patchLine = (seq: number, id: string, patchJson: string) =>
  `{"seq":${seq},"op":"patch","id":${JSON.stringify(id)},"patch":${patchJson}}`;
export const deleteLine = (seq: number, ids: readonly string[]) =>
  `{"seq":${seq},"op":"delete","ids":${JSON.stringify(ids)}}`;

export interface ReplayResult {
  /** Raw records by id, not yet validated. */
  readonly records: Map<string, Record<string, unknown>>;
  /** The highest sequence number seen; the next write uses seq + 1. */
  readonly seq: number;
  /** Entries that were not a known shape, were out of order, or patched a record that did not exist. */
  readonly skippedEntries: number;
}

export function replay(
  snapshotSeq: number,
  snapshotRecords: readonly unknown[],
  entries: readonly unknown[],
): ReplayResult {
  const records = new Map<string, Record<string, unknown>>();
  let skippedEntries = 0;
  for (const record of snapshotRecords) {
    if (isRecordLike(record)) records.set(record.id, record);
    else skippedEntries++;
  }
  let seq = snapshotSeq;
  for (const entry of entries) {
    if (!isEntry(entry)) {
      skippedEntries++;
      continue;
    }
    // At or below the snapshot: already in it (the journal was not yet reset when a compaction was cut short).
    if (entry.seq <= seq) continue;
    seq = entry.seq;
    if (!apply(records, entry)) skippedEntries++;
  }
  return { records, seq, skippedEntries };
}

function apply(records: Map<string, Record<string, unknown>>, entry: JournalEntry): boolean {
  switch (entry.op) {
    case 'put':
      if (!isRecordLike(entry.record)) return false;
      records.set(entry.record.id, entry.record);
      return true;
    case 'patch': {
      const current = records.get(entry.id);
      if (current === undefined || !isPlainObject(entry.patch)) return false;
      records.set(entry.id, { ...current, ...entry.patch, id: entry.id });
      return true;
    }
    case 'delete':
      for (const id of entry.ids) records.delete(id);
      return true;
  }
}

function isEntry(value: unknown): value is JournalEntry {
  if (!isPlainObject(value) || !Number.isSafeInteger(value.seq)) return false;
  switch (value.op) {
    case 'put':
      return true;
    case 'patch':
      return typeof value.id === 'string';
    case 'delete':
      return Array.isArray(value.ids) && value.ids.every((id) => typeof id === 'string');
    default:
      return false;
  }
}

function isRecordLike(value: unknown): value is Record<string, unknown> & StoredRecord {
  return isPlainObject(value) && typeof value.id === 'string';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Freezes a JSON value all the way down, so a caller cannot change the store's copy behind its back. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
