// The warm sessions, one per host: created on a host's first read-only call, replaced when it died or when the way
// to start it changed (a new lab sandbox, another PowerShell), closed after a quiet period, all closed at quit.
import type { ProcessLaunch } from './host-connection';
import { type WarmRequest, type WarmRunOptions, type WarmRunResult, WarmSession } from './warm-session';

export interface WarmSessionPoolOptions {
  /** A session with no request for this long is closed (default 10 minutes: longer than an inventory interval). */
  idleMs?: number;
  createSession?: (launch: ProcessLaunch) => WarmSession;
}

interface PoolEntry {
  launchKey: string;
  session: WarmSession;
  pending: number;
  idleTimer: ReturnType<typeof setTimeout> | null;
}

export const DEFAULT_WARM_IDLE_MS = 10 * 60 * 1000;

export class WarmSessionPool {
  private readonly entries = new Map<string, PoolEntry>();
  private readonly idleMs: number;
  private readonly createSession: (launch: ProcessLaunch) => WarmSession;

  constructor(options: WarmSessionPoolOptions = {}) {
    this.idleMs = options.idleMs ?? DEFAULT_WARM_IDLE_MS;
    this.createSession = options.createSession ?? ((launch) => new WarmSession(launch));
  }

  /** Runs one request in the host's session (started now if needed). Rejects as WarmSession.run does. */
  async run(
    hostId: string,
    launch: ProcessLaunch,
    request: WarmRequest,
    options: WarmRunOptions,
  ): Promise<WarmRunResult> {
    const entry = this.entryFor(hostId, launch);
    entry.pending += 1;
    this.clearIdle(entry);
    try {
      return await entry.session.run(request, options);
    } finally {
      entry.pending -= 1;
      if (entry.pending === 0 && this.entries.get(hostId) === entry) this.armIdle(hostId, entry);
    }
  }

  /** The pid of the host's live session, if any (for diagnostics and tests). */
  pidOf(hostId: string): number | undefined {
    const entry = this.entries.get(hostId);
    return entry?.session.alive ? entry.session.pid : undefined;
  }

  close(hostId: string): void {
    const entry = this.entries.get(hostId);
    if (!entry) return;
    this.entries.delete(hostId);
    this.clearIdle(entry);
    entry.session.close();
  }

  closeAll(): void {
    for (const hostId of [...this.entries.keys()]) this.close(hostId);
  }

  private entryFor(hostId: string, launch: ProcessLaunch): PoolEntry {
    const launchKey = JSON.stringify(launch);
    const existing = this.entries.get(hostId);
    if (existing?.session.alive && existing.launchKey === launchKey) return existing;
    if (existing) this.close(hostId);
    const entry: PoolEntry = { launchKey, session: this.createSession(launch), pending: 0, idleTimer: null };
    this.entries.set(hostId, entry);
    return entry;
  }

  private armIdle(hostId: string, entry: PoolEntry): void {
    this.clearIdle(entry);
    entry.idleTimer = setTimeout(() => {
      if (this.entries.get(hostId) === entry && entry.pending === 0) this.close(hostId);
    }, this.idleMs);
    entry.idleTimer.unref();
  }

  private clearIdle(entry: PoolEntry): void {
    if (entry.idleTimer !== null) clearTimeout(entry.idleTimer);
    entry.idleTimer = null;
  }
}
