// The core's events on their way to the app window: one EventBatchGate (held until the renderer's `app.ready`,
// then batched) in front of whichever page the window shows now. When that page goes away (a reload or any
// other main-frame navigation, a renderer crash, the window closing) the gate closes again, so nothing is sent
// into a page that has not subscribed yet; the next page's `app.ready` opens it and receives what was held.
import { EVENT_CHANNEL, type EventEnvelope } from '../../../shared/contract/api';
import { EventBatchGate, type EventBatchGateOptions } from '../../core/app/event-batch-gate';
import type { WebContentsLike } from './ipc-ports';

interface StartNavigationDetails {
  readonly isMainFrame?: boolean;
  readonly isSameDocument?: boolean;
}

export class WindowEvents {
  /** The core's EventSink (createCore's `events`), and what main itself emits through. */
  readonly gate: EventBatchGate;
  private contents: WebContentsLike | null = null;

  constructor(gateOptions: Omit<EventBatchGateOptions, 'send'> = {}) {
    this.gate = new EventBatchGate({ ...gateOptions, send: (batch) => this.deliver(batch) });
  }

  /** The page events go to from now on (a new window); held until its renderer says `app.ready`. */
  attach(contents: WebContentsLike): void {
    this.gate.close();
    this.contents = contents;
    const pageGone = () => {
      if (this.contents === contents) this.gate.close();
    };
    // The start of the navigation rather than `did-navigate`: it certainly precedes the new page's
    // `app.ready`, so a late close can never shut the gate the new page has just opened.
    contents.on('did-start-navigation', (details: StartNavigationDetails | undefined) => {
      if (details?.isMainFrame && !details.isSameDocument) pageGone();
    });
    contents.on('render-process-gone', pageGone);
    contents.on('destroyed', () => {
      if (this.contents !== contents) return;
      this.contents = null;
      this.gate.close();
    });
  }

  /** A trusted `app.ready` from `contents`: start sending (what was held first). */
  rendererReady(contents: WebContentsLike): void {
    if (contents !== this.contents || contents.isDestroyed()) return;
    this.gate.open();
  }

  /** The page events currently go to (null while no window exists): the sender check compares with it. */
  current(): WebContentsLike | null {
    return this.contents;
  }

  private deliver(batch: EventEnvelope[]): void {
    const contents = this.contents;
    // Only reachable in the instant between a page dying and Electron telling us; the next page re-reads.
    if (!contents || contents.isDestroyed()) {
      this.gate.close();
      return;
    }
    contents.send(EVENT_CHANNEL, batch);
  }
}
