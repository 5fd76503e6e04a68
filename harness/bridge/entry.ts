// The script the harness injects into the served index.html before the app's own: reads the per-run secret
// from its meta tag (then removes the tag), and defines `window.hvapi` as the preload would, frozen and not
// writable. Bundled for the browser by harness/bridge-bundle.ts. The page's globals are typed structurally
// here because this file is type-checked with the Node configuration (no DOM library).
// First: configures zod before any contract schema is built (see the module).
import '../../shared/zod-jitless';
import { APP_VERSION } from '../../shared/app-info';
import { PRELOAD_API_KEY } from '../../shared/preload-api';
import { SECRET_META_NAME } from '../protocol';
import { markBatchArrival } from './arrival-mark';
import { openFetchEventStream, type StreamResponseLike } from './fetch-event-stream';
import { createHarnessApi, type HarnessApiOptions } from './harness-api';

interface PageGlobals {
  readonly document: {
    querySelector(selector: string): { getAttribute(name: string): string | null; remove(): void } | null;
  };
  readonly location: { readonly origin: string };
  readonly navigator: { readonly userAgent: string };
  readonly crypto: { randomUUID(): string };
  readonly fetch: HarnessApiOptions['fetch'] &
    ((url: string, init: { signal: AbortSignal; headers: Record<string, string> }) => Promise<StreamResponseLike>);
  readonly performance: { mark(name: string): unknown; clearMarks(name?: string): void };
}

const page = globalThis as unknown as PageGlobals;
const meta = page.document.querySelector(`meta[name="${SECRET_META_NAME}"]`);
const secret = meta?.getAttribute('content') ?? '';
meta?.remove();

if (secret === '') {
  console.error('harness bridge: the page carries no harness secret; was it served by `npm run harness`?');
} else {
  const { api } = createHarnessApi({
    origin: page.location.origin,
    secret,
    clientId: page.crypto.randomUUID(),
    fetch: (url, init) => page.fetch(url, init),
    // fetch, not EventSource: see fetch-event-stream.ts (a debugger copies every EventSource message).
    openEventStream: (url) =>
      openFetchEventStream(url, {
        fetch: (streamUrl, init) => page.fetch(streamUrl, init),
        onFrameArrived: () => markBatchArrival(page.performance),
      }),
    version: {
      app: APP_VERSION,
      electron: '',
      chrome: /Chrome\/([\d.]+)/.exec(page.navigator.userAgent)?.[1] ?? '',
      node: '',
    },
  });
  Object.defineProperty(globalThis, PRELOAD_API_KEY, { value: api, writable: false, configurable: false });
}
