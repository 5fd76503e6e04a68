// The VM table's rows: one derived record per VM (cached per VM object, so an unchanged VM costs nothing on the
// next change), sorted by a column with precomputed keys (no collator call per comparison), then filtered by
// a lowercase search text made once per row on the first filter, so a keystroke over 5,000 rows is a plain
// substring scan.
import type { VmInfo } from '@shared/contract/inventory';

export const SORT_COLUMNS = ['name', 'host', 'state', 'cpu', 'memory', 'uptime', 'disks'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export type SortDirection = 'asc' | 'desc';
export interface SortSpec {
  readonly column: SortColumn;
  readonly direction: SortDirection;
}

export interface VmRow {
  /** `hostId/vmId`: unique across hosts. */
  readonly key: string;
  readonly vm: VmInfo;
  readonly hostName: string;
  /** What the state column shows and the filter matches: the state, plus "delete failed" when marked. */
  readonly stateLabel: string;
  /** Memory in use when running, else the startup memory. */
  readonly memoryBytes: number;
  /** Sum of the disk files' sizes (what deleting frees at most). */
  readonly diskBytes: number;
  /** Lowercase name with digit runs padded, so "web2" sorts before "web10" with a plain comparison. */
  readonly nameKey: string;
  readonly hostKey: string;
}

export function rowKey(hostId: string, vmId: string): string {
  return `${hostId}/${vmId}`;
}

export function splitRowKey(key: string): { hostId: string; vmId: string } {
  const slash = key.indexOf('/');
  return { hostId: key.slice(0, slash), vmId: key.slice(slash + 1) };
}

const KEY_DIGITS = 12;
const ZEROS = '0'.repeat(KEY_DIGITS);

/** Lowercase `text` with every digit run left-padded to 12 digits. A plain loop: with a regex and a replacer
 *  callback this was ~4x slower, and it runs for every VM when a fleet's inventory first arrives. */
export function naturalKey(text: string): string {
  const lower = text.toLowerCase();
  let key = '';
  let copied = 0;
  let padded = false;
  let runStart = -1;
  for (let i = 0; i <= lower.length; i++) {
    const code = i < lower.length ? lower.charCodeAt(i) : -1;
    if (code >= 48 && code <= 57) {
      if (runStart < 0) runStart = i;
      continue;
    }
    if (runStart < 0) continue;
    const length = i - runStart;
    if (length < KEY_DIGITS) {
      key += lower.slice(copied, runStart) + ZEROS.slice(length);
      copied = runStart;
      padded = true;
    }
    runStart = -1;
  }
  return padded ? key + lower.slice(copied) : lower;
}

export function stateLabelOf(vm: VmInfo): string {
  return vm.deleteFailed ? `${vm.state} · delete failed` : vm.state;
}

const rowCache = new WeakMap<VmInfo, VmRow>();
/** Host names are few and shared by hundreds of rows: each one's key is computed once. */
const hostKeys = new Map<string, string>();
const MAX_HOST_KEYS = 1000;

function hostKeyOf(hostName: string): string {
  let key = hostKeys.get(hostName);
  if (key === undefined) {
    if (hostKeys.size >= MAX_HOST_KEYS) hostKeys.clear();
    key = naturalKey(hostName);
    hostKeys.set(hostName, key);
  }
  return key;
}

/** The row of a VM, reused while the VM object and its host's name are unchanged. */
export function toRow(vm: VmInfo, hostName: string): VmRow {
  const cached = rowCache.get(vm);
  if (cached && cached.hostName === hostName) return cached;
  const stateLabel = stateLabelOf(vm);
  let diskBytes = 0;
  for (const disk of vm.disks) diskBytes += disk.fileSizeBytes ?? 0;
  const row: VmRow = {
    key: rowKey(vm.hostId, vm.id),
    vm,
    hostName,
    stateLabel,
    memoryBytes: vm.memoryAssignedBytes > 0 ? vm.memoryAssignedBytes : vm.memoryStartupBytes,
    diskBytes,
    nameKey: naturalKey(vm.name),
    hostKey: hostKeyOf(hostName),
  };
  rowCache.set(vm, row);
  return row;
}

type Compare = (a: VmRow, b: VmRow) => number;

function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const byName: Compare = (a, b) => byString(a.nameKey, b.nameKey) || byString(a.key, b.key);

const COMPARE: Record<SortColumn, Compare> = {
  name: byName,
  host: (a, b) => byString(a.hostKey, b.hostKey) || byName(a, b),
  state: (a, b) => byString(a.stateLabel, b.stateLabel) || byName(a, b),
  cpu: (a, b) => a.vm.cpuUsage - b.vm.cpuUsage || a.vm.cpuCount - b.vm.cpuCount || byName(a, b),
  memory: (a, b) => a.memoryBytes - b.memoryBytes || byName(a, b),
  uptime: (a, b) => a.vm.uptimeSeconds - b.vm.uptimeSeconds || byName(a, b),
  disks: (a, b) => a.diskBytes - b.diskBytes || byName(a, b),
};

export function sortRows(rows: readonly VmRow[], sort: SortSpec): VmRow[] {
  const compare = COMPARE[sort.column];
  const sorted = [...rows].sort(compare);
  if (sort.direction === 'desc') sorted.reverse();
  return sorted;
}

/** One filter term: `state:off` matches the state's start, anything else a substring of name, host or state. */
interface Term {
  readonly state: boolean;
  readonly text: string;
}

export function parseFilter(query: string): Term[] {
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .map((word) =>
      word.startsWith('state:') ? { state: true, text: word.slice('state:'.length) } : { state: false, text: word },
    )
    .filter((term) => term.text.length > 0);
}

const searchCache = new WeakMap<VmRow, string>();

/** Lowercase name, host and state, what a filter word matches; made on the first filter, not with the row, so
 *  a fleet's inventory arriving does not pay for it. */
function searchTextOf(row: VmRow): string {
  let text = searchCache.get(row);
  if (text === undefined) {
    text = `${row.vm.name}\n${row.hostName}\n${row.stateLabel}`.toLowerCase();
    searchCache.set(row, text);
  }
  return text;
}

/** Rows matching every term, in their sorted order; the same array when the query is empty. */
export function filterRows(rows: readonly VmRow[], query: string): readonly VmRow[] {
  const terms = parseFilter(query);
  if (terms.length === 0) return rows;
  return rows.filter((row) =>
    terms.every((term) =>
      term.state ? row.stateLabel.toLowerCase().startsWith(term.text) : searchTextOf(row).includes(term.text),
    ),
  );
}
