// Searching bytes for a secret in every form it could have been written in: as is (UTF-8), base64 and base64url
// at each of the 3 byte alignments (the secret need not start a base64 group), UTF-16LE and UTF-16BE, JSON-escaped,
// URL-encoded (component and form style, upper- and lower-case hex) and hex. Each needle is only the part of the
// encoding that the secret's own bytes determine, so a secret embedded anywhere in a larger encoded text is found.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface Needle {
  readonly encoding: string;
  readonly bytes: Buffer;
}

/** The base64 characters fixed by the secret alone when it starts `offset` bytes into a 3-byte group. */
function base64Core(secret: Buffer, offset: 0 | 1 | 2, url: boolean): string {
  const encoded = Buffer.concat([Buffer.alloc(offset), secret]).toString(url ? 'base64url' : 'base64');
  // With 1 or 2 bytes of something else in front, the first 2 or 3 characters also depend on those bytes.
  const skip = [0, 2, 3][offset] as number;
  // A last, partial group depends on whatever follows.
  const end = Math.floor((offset + secret.length) / 3) * 4;
  return encoded.slice(skip, end);
}

export function secretNeedles(secret: string): Needle[] {
  const utf8 = Buffer.from(secret, 'utf8');
  const utf16le = Buffer.from(secret, 'utf16le');
  const utf16be = Buffer.from(utf16le).swap16();
  const jsonEscaped = JSON.stringify(secret).slice(1, -1);
  const asciiJson = jsonEscaped.replace(
    /[^\x20-\x7e]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  const url = encodeURIComponent(secret);
  const form = new URLSearchParams({ s: secret }).toString().slice(2);
  const lowerHex = (text: string) => text.replace(/%[0-9A-F]{2}/g, (percent) => percent.toLowerCase());
  const needles: [string, string | Buffer][] = [
    ['utf-8', utf8],
    ['utf-16le', utf16le],
    ['utf-16be', utf16be],
    ['json-escaped', jsonEscaped],
    ['json-escaped (ascii)', asciiJson],
    ['url-encoded', url],
    ['url-encoded (lower-case hex)', lowerHex(url)],
    ['form-encoded', form],
    ['hex', utf8.toString('hex')],
    ['HEX', utf8.toString('hex').toUpperCase()],
  ];
  for (const offset of [0, 1, 2] as const) {
    needles.push([`base64 (offset ${offset})`, base64Core(utf8, offset, false)]);
    needles.push([`base64url (offset ${offset})`, base64Core(utf8, offset, true)]);
    needles.push([`base64 of utf-16le (offset ${offset})`, base64Core(utf16le, offset, false)]);
  }
  // Distinct byte sequences only (the escaped forms equal the raw one for a secret without special characters).
  const seen = new Set<string>();
  return needles.flatMap(([encoding, value]) => {
    const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
    const key = bytes.toString('hex');
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ encoding, bytes }];
  });
}

export interface Hit {
  readonly where: string;
  readonly encoding: string;
}

export interface SearchTally {
  files: number;
  bytes: number;
  readonly hits: Hit[];
}

export function newTally(): SearchTally {
  return { files: 0, bytes: 0, hits: [] };
}

export function searchBytes(where: string, content: Buffer, needles: readonly Needle[], tally: SearchTally): void {
  tally.files += 1;
  tally.bytes += content.length;
  for (const needle of needles)
    if (content.includes(needle.bytes)) tally.hits.push({ where, encoding: needle.encoding });
}

/** Every regular file under `root`, recursively (symlinks are not followed). */
export function searchFolder(root: string, needles: readonly Needle[], tally: SearchTally): void {
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    // Sparse simulator disks are capped small in the campaigns (labMaxFileSizeBytes); read anything else whole.
    if (statSync(path).size > 256 * 1024 * 1024) throw new Error(`${path} is too large to search`);
    searchBytes(path, readFileSync(path), needles, tally);
  }
}
