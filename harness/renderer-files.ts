// The built renderer (out/renderer) as the harness serves it: index.html with the secret's meta tag and the
// bridge script put in front of the app's own script, and every other file as it is, never outside the folder.
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { BRIDGE_PATH, SECRET_META_NAME } from './protocol';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export class RendererNotBuiltError extends Error {}

export interface StaticFile {
  readonly body: Buffer;
  readonly contentType: string;
}

/** Reads index.html once at start; fails clearly when the renderer has not been built. */
export async function loadIndexHtml(rendererDir: string): Promise<string> {
  const path = join(rendererDir, 'index.html');
  if (!existsSync(path)) {
    throw new RendererNotBuiltError(
      `The built renderer is missing (${path}). Run \`npm run build\` first; the harness serves out/renderer.`,
    );
  }
  return readFile(path, 'utf8');
}

/** index.html with the secret and the bridge; the bridge runs before the app's (module, so deferred) script. */
export function injectBridge(indexHtml: string, secret: string): string {
  const firstScript = indexHtml.indexOf('<script');
  if (firstScript === -1) throw new RendererNotBuiltError('out/renderer/index.html has no <script>: rebuild it.');
  const injected =
    `<meta name="${SECRET_META_NAME}" content="${secret}" />\n    ` + `<script src="${BRIDGE_PATH}"></script>\n    `;
  return indexHtml.slice(0, firstScript) + injected + indexHtml.slice(firstScript);
}

/** A file under the renderer folder, or null (missing, a folder, or a path that tries to leave it). */
export async function readRendererFile(rendererDir: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const root = normalize(rendererDir + sep);
  const path = normalize(join(root, decoded));
  if (!path.startsWith(root)) return null;
  try {
    if (!(await stat(path)).isFile()) return null;
    return {
      body: await readFile(path),
      contentType: CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
    };
  } catch {
    return null;
  }
}
