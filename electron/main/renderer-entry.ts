// Where the window's renderer comes from, and which URLs are therefore "the app itself": the built index.html
// (file://) in a packaged or previewed app, or the Vite dev server during `npm run dev`. The IPC sender check
// and the session's request filter both ask this file, so they cannot disagree.
//
// File URLs are compared as paths, not as strings: Chromium and Node percent-encode a few characters
// differently, and Windows paths compare without regard to case; a string mismatch here would leave the app
// with a blank window or refuse every call.
import { posix, win32 } from 'node:path';

export type RendererEntry = { readonly url: string } | { readonly file: string };

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

type PathApi = typeof posix;

function pathApi(platform: NodeJS.Platform): PathApi {
  return platform === 'win32' ? win32 : posix;
}

/** The local path a file: URL names, or null (not a file URL, another machine's share, bad encoding). */
function localPathOf(url: URL, platform: NodeJS.Platform): string | null {
  if (url.protocol !== 'file:' || (url.host !== '' && url.host !== 'localhost')) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  if (platform !== 'win32') return path;
  // file:///C:/Program%20Files/... -> C:\Program Files\...
  return (/^\/[A-Za-z]:/.test(path) ? path.slice(1) : path).replaceAll('/', '\\');
}

function isInside(paths: PathApi, folder: string, path: string): boolean {
  const rest = paths.relative(folder, path);
  return rest !== '' && !rest.startsWith('..') && !paths.isAbsolute(rest);
}

/** True when `url` is the app's own page: the renderer's index.html (any fragment or query), or any page of the
 *  dev server. */
export function isAppPageUrl(entry: RendererEntry, url: string, platform: NodeJS.Platform = process.platform): boolean {
  const candidate = parse(url);
  if (!candidate) return false;
  if ('file' in entry) {
    const path = localPathOf(candidate, platform);
    const paths = pathApi(platform);
    return path !== null && paths.relative(paths.resolve(entry.file), path) === '';
  }
  const dev = parse(entry.url);
  return dev !== null && candidate.origin === dev.origin;
}

/**
 * True when the renderer may load `url`: its own files (below the folder of index.html), the dev server and
 * its hot-reload socket, inline `data:` images (the CSP allows them), and DevTools. Everything else, above
 * all any remote content, is cancelled before it leaves the machine.
 */
export function isAllowedRequestUrl(
  entry: RendererEntry,
  url: string,
  platform: NodeJS.Platform = process.platform,
): boolean {
  const candidate = parse(url);
  if (!candidate) return false;
  if (candidate.protocol === 'data:' || candidate.protocol === 'devtools:') return true;
  if ('file' in entry) {
    const path = localPathOf(candidate, platform);
    const paths = pathApi(platform);
    return path !== null && isInside(paths, paths.dirname(paths.resolve(entry.file)), path);
  }
  const dev = parse(entry.url);
  if (!dev) return false;
  if (candidate.origin === dev.origin) return true;
  // Vite's hot-module-reload socket: same host and port, ws(s) scheme.
  const socketScheme = dev.protocol === 'https:' ? 'wss:' : 'ws:';
  return candidate.protocol === socketScheme && candidate.host === dev.host;
}
