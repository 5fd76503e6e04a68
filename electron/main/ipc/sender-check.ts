// Who may call: only the main frame of the app's own window, showing the app's own page. A call from a
// subframe, from another web contents (DevTools extensions, a future second window), or from a page the
// window was somehow navigated to is refused with `forbidden_sender` before its arguments are even parsed.
import { isAppPageUrl, type RendererEntry } from '../renderer-entry';
import type { FrameLike, InvokeEventLike, WebContentsLike } from './ipc-ports';

export type SenderVerdict = { readonly trusted: true } | { readonly trusted: false; readonly reason: string };

const trusted: SenderVerdict = { trusted: true };
const refuse = (reason: string): SenderVerdict => ({ trusted: false, reason });

function sameFrame(a: FrameLike, b: FrameLike): boolean {
  return a.processId === b.processId && a.routingId === b.routingId;
}

/**
 * `appContents` is the app window's page right now (null while no window exists); `entry` says which URL the
 * app's page has.
 */
export function checkSender(
  event: InvokeEventLike,
  appContents: WebContentsLike | null,
  entry: RendererEntry,
): SenderVerdict {
  if (!appContents || appContents.isDestroyed()) return refuse('the app has no window');
  if (event.sender !== appContents) return refuse('the call did not come from the app window');
  const frame = event.senderFrame;
  // null when the frame navigated or was destroyed before the call was handled.
  if (!frame) return refuse('the calling frame is gone');
  if (frame.parent !== null || !sameFrame(frame, appContents.mainFrame)) {
    return refuse("the call came from a frame inside the page, not the window's main frame");
  }
  if (!isAppPageUrl(entry, frame.url)) return refuse("the calling page is not the app's own");
  return trusted;
}
