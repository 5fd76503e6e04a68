// History retention: which records to delete under "keep the newest N" and/or "keep the last D days".
// A record survives only if it satisfies every limit that is set; protected records (e.g. jobs still queued
// or running) always survive and still count towards the newest N.

export interface RetentionPolicy {
  /** Keep at most this many records, the most recently updated first. */
  readonly keepNewest?: number;
  /** Delete records last updated more than this many days before `now`. */
  readonly maxAgeDays?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function selectExpired<T extends { readonly id: string; readonly updatedAt: string }>(
  records: readonly T[],
  policy: RetentionPolicy,
  now: Date,
  isProtected: (record: T) => boolean = () => false,
): string[] {
  const cutoff = policy.maxAgeDays === undefined ? undefined : now.getTime() - policy.maxAgeDays * DAY_MS;
  // An unparseable timestamp sorts as the oldest, so a damaged record is the first to go, never a good one.
  const timeOf = (record: T) => {
    const time = Date.parse(record.updatedAt);
    return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
  };
  const newestFirst = records
    .map((record) => ({ record, time: timeOf(record) }))
    .sort((a, b) => (a.time === b.time ? compareIds(a.record.id, b.record.id) : b.time > a.time ? 1 : -1));
  const expired: string[] = [];
  newestFirst.forEach(({ record, time }, rank) => {
    const tooMany = policy.keepNewest !== undefined && rank >= policy.keepNewest;
    const tooOld = cutoff !== undefined && time < cutoff;
    if ((tooMany || tooOld) && !isProtected(record)) expired.push(record.id);
  });
  return expired;
}

function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
