// The VM table's rows: one derived record per VM (cached per VM object, so an unchanged VM costs nothing on the
// next change), sorted by a column with precomputed keys (no collator call per comparison), then filtered by
// a precomputed lowercase search text, so a filter keystroke over 5,000 rows is a plain substring scan.
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
  /** Lowercase name, host and state for the filter. */
  readonly search: string;
}

export function rowKey(hostId: string, vmId: string): string {
  return `${hostId}/${vmId}`;
}

export function splitRowKey(key: string): { hostId: string; vmId: string } {
  const slash = key.indexOf('/');
  return { hostId: key.slice(0, slash), vmId: key.slice(slash + 1) };
}

function naturalKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, (digits) => digits.padStart(12, '0'));
}

export function stateLabelOf(vm: VmInfo): string {
  return vm.deleteFailed ? `${vm.state} · delete failed` : vm.state;
}

const rowCache = new WeakMap<VmInfo, VmRow>();

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
    hostKey: naturalKey(hostName),
    search: `${vm.name}\n${hostName}\n${stateLabel}`.toLowerCase(),
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

/** Rows matching every term, in their sorted order; the same array when the query is empty. */
export function filterRows(rows: readonly VmRow[], query: string): readonly VmRow[] {
  const terms = parseFilter(query);
  if (terms.length === 0) return rows;
  return rows.filter((row) =>
    terms.every((term) =>
      term.state ? row.stateLabel.toLowerCase().startsWith(term.text) : row.search.includes(term.text),
    ),
  );
}
