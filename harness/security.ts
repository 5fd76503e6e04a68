// Who may talk to the harness. It serves a page that can delete VMs (on the lab host, or on any host an
// admin adds), so a request is refused unless it comes from the harness's own page:
// - the Host header must be the loopback address it is bound to (no DNS rebinding: evil.example resolving
//   to 127.0.0.1 would otherwise be same-origin with us);
// - an Origin or Referer, when present, must be the harness's own origin; calls must carry an Origin (every
//   browser sends one on POST);
// - calls and the event stream must carry the per-run secret, which only a same-origin page can read (it is
//   in the served index.html).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export type Refusal = { status: 401 | 403; reason: string };

export function newSecret(): string {
  return randomBytes(32).toString('hex');
}

export function secretMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** The checks every request passes, whatever it asks for. */
export function checkRequestSource(
  request: IncomingMessage,
  ownOrigin: string,
  { requireOrigin }: { requireOrigin: boolean },
): Refusal | null {
  const host = single(request.headers.host);
  if (host === undefined || `http://${host}` !== ownOrigin) {
    return { status: 403, reason: `wrong Host header; open ${ownOrigin}/` };
  }
  const origin = single(request.headers.origin);
  if (origin !== undefined && origin !== ownOrigin) return { status: 403, reason: 'foreign Origin' };
  if (origin === undefined && requireOrigin) return { status: 403, reason: 'missing Origin' };
  const referer = single(request.headers.referer);
  if (referer !== undefined && originOf(referer) !== ownOrigin) return { status: 403, reason: 'foreign Referer' };
  return null;
}

export function checkSecret(expected: string, given: unknown): Refusal | null {
  return secretMatches(expected, given) ? null : { status: 401, reason: 'missing or wrong harness secret' };
}
