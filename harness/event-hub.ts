// The core's events on their way to the harness's pages. Each page load (a client id) gets its own
// EventBatchGate, as each Electron window would: closed until that page says `app.ready`, then batching.
// Events emitted while no page is connected (start-up, the gap of a reload) are held in a lobby and handed to
// the next page, so a single page sees what an Electron window would. A stream that drops and reconnects
// (EventSource retries on its own) resumes its session; a session without a stream for GRACE_MS is dropped.
import type { ServerResponse } from 'node:http';
import { EventBatchGate } from '../electron/core/app/event-batch-gate';
import type { EventSink } from '../electron/core/ports';
import type { EventEnvelope, EventName, EventPayload } from '../shared/contract/api';

const GRACE_MS = 10_000;
const MAX_SESSIONS = 32;
/** Like the gate's own bound: output lines beyond it are dropped (the page re-reads a job's output). */
const MAX_LOBBY = 20_000;

interface Session {
  readonly id: string;
  readonly gate: EventBatchGate;
  response: ServerResponse | null;
  /** Frames sent while the stream was (re)connecting. */
  readonly queued: string[];
  ready: boolean;
  expiry: ReturnType<typeof setTimeout> | null;
}

export class EventHub implements EventSink {
  private readonly sessions = new Map<string, Session>();
  private readonly lobby: EventEnvelope[] = [];

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    if (this.sessions.size === 0) {
      if (this.lobby.length >= MAX_LOBBY && event === 'job.output') return;
      this.lobby.push({ event, payload } as EventEnvelope);
      return;
    }
    for (const session of this.sessions.values()) session.gate.emit(event, payload);
  }

  /** A page's event stream connected (or reconnected). False when too many sessions are open. */
  attach(clientId: string, response: ServerResponse): boolean {
    const session = this.sessionFor(clientId);
    if (session === null) return false;
    session.response?.end();
    session.response = response;
    this.clearExpiry(session);
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    response.write('retry: 1000\n\n');
    for (const frame of session.queued.splice(0)) response.write(frame);
    response.on('close', () => {
      if (session.response !== response) return;
      session.response = null;
      session.gate.close();
      this.scheduleExpiry(session);
    });
    if (session.ready) session.gate.open();
    return true;
  }

  /** The page said `app.ready`: open its gate (its stream may still be connecting; frames wait for it). */
  ready(clientId: string): boolean {
    const session = this.sessionFor(clientId);
    if (session === null) return false;
    session.ready = true;
    session.gate.open();
    return true;
  }

  get sessionCount(): number {
    return this.sessions.size;
  }

  /** Ends every stream (the harness is stopping). */
  closeAll(): void {
    for (const session of this.sessions.values()) {
      this.clearExpiry(session);
      session.gate.close();
      session.response?.end();
    }
    this.sessions.clear();
  }

  private sessionFor(clientId: string): Session | null {
    const existing = this.sessions.get(clientId);
    if (existing) return existing;
    if (this.sessions.size >= MAX_SESSIONS) return null;
    const session: Session = {
      id: clientId,
      response: null,
      queued: [],
      ready: false,
      expiry: null,
      gate: new EventBatchGate({ send: (batch) => this.send(session, batch) }),
    };
    for (const envelope of this.lobby.splice(0)) session.gate.emit(envelope.event, envelope.payload as never);
    this.sessions.set(clientId, session);
    this.scheduleExpiry(session);
    return session;
  }

  private send(session: Session, batch: EventEnvelope[]): void {
    const frame = `data: ${JSON.stringify(batch)}\n\n`;
    if (session.response) session.response.write(frame);
    else session.queued.push(frame);
  }

  private scheduleExpiry(session: Session): void {
    this.clearExpiry(session);
    session.expiry = setTimeout(() => {
      if (session.response !== null) return;
      session.gate.close();
      this.sessions.delete(session.id);
    }, GRACE_MS);
    session.expiry.unref();
  }

  private clearExpiry(session: Session): void {
    if (session.expiry) clearTimeout(session.expiry);
    session.expiry = null;
  }
}
