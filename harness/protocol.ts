// The harness's HTTP protocol, shared by the server (Node) and the bridge (the page): every path, header and
// name both sides must agree on. Nothing here imports Node or the DOM.

/** Everything the harness adds lives under this prefix; the rest of the URL space is the built renderer. */
export const HARNESS_PREFIX = '/__harness';
export const BRIDGE_PATH = `${HARNESS_PREFIX}/bridge.js`;
/** POST `${CALL_PATH}<channel>` with the JSON arguments as the body; answers the `{ok, ...}` envelope. */
export const CALL_PATH = `${HARNESS_PREFIX}/call/`;
/** GET, text/event-stream: one `data:` frame per event batch (EventEnvelope[]). */
export const EVENTS_PATH = `${HARNESS_PREFIX}/events`;
/** POST `${CONTROL_PATH}<operation>`: test-only operations (lab faults), never reachable from the app's API. */
export const CONTROL_PATH = `${HARNESS_PREFIX}/control/`;

/** The per-run secret, on every call (a header) and on the event stream (a query parameter, which the stream
 *  kept from when it was an EventSource, which cannot set headers). */
export const SECRET_HEADER = 'x-harness-secret';
export const SECRET_PARAM = 'secret';
/** Which page a call or a stream belongs to: each page load has its own event stream and gate. */
export const CLIENT_HEADER = 'x-harness-client';
export const CLIENT_PARAM = 'client';
/** The meta tag the served index.html carries the secret in (readable by same-origin script only). */
export const SECRET_META_NAME = 'hvapi-harness-secret';

const CLIENT_ID_PATTERN = /^[A-Za-z0-9-]{8,64}$/;

export function isClientId(value: unknown): value is string {
  return typeof value === 'string' && CLIENT_ID_PATTERN.test(value);
}
