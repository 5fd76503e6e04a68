// Invalid call arguments for the IPC fuzz: a valid seed of the channel (fuzz-valid-args.ts) with one to three
// mutations drawn by fast-check (a seeded sample, so a run can be replayed): a value of the wrong type, a key
// removed or added (prototype-pollution names among them), a string too long or of a forbidden alphabet, a
// number out of range or not finite, deep nesting, an array where an object goes and back. A candidate counts
// only when the channel's schema rejects it both as sent over IPC (the raw value) and as the harness's server
// parses it (the JSON text): whatever the schema accepts is valid input, not a fuzz payload, and is skipped.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { type ChannelName, parseArgs } from '../../shared/contract/api';
import { VALID_ARGS } from './fuzz-valid-args';

export interface FuzzPayload {
  readonly channel: ChannelName;
  /** What an IPC caller would pass (may hold NaN, undefined, -0: structured clone keeps them). */
  readonly value: unknown;
  /** The HTTP body the harness receives (JSON turns NaN/Infinity into null and drops undefined). */
  readonly body: string;
  /** The mutations applied, for a failure message. */
  readonly label: string;
}

export interface FuzzBatch {
  readonly payloads: readonly FuzzPayload[];
  /** Candidates the schema accepted (so not invalid), or duplicates, or over the harness's body limit. */
  readonly skippedAccepted: number;
  readonly skippedDuplicate: number;
  readonly skippedTooLarge: number;
}

/** The harness refuses bodies over 1 MiB before parsing (server.ts): stay under it, so every payload is parsed. */
const MAX_BODY_BYTES = 900 * 1024;

const POLLUTION_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
];

function nested(depth: number, asArray: boolean): unknown {
  let value: unknown = asArray ? [] : {};
  for (let level = 0; level < depth; level += 1) value = asArray ? [value] : { a: value };
  return value;
}

/** An own property, even for `__proto__` (plain assignment would set the prototype instead). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A small JSON leaf (fc.jsonValue is too slow for tens of thousands of samples). */
const leaf = fc.oneof(fc.integer(), fc.string({ maxLength: 8 }), fc.boolean(), fc.constant(null), fc.double());

const hostileKey = fc.oneof(
  fc.constantFrom(...POLLUTION_KEYS, '', ' ', 'ok', 'secret', 'hostId ', 'HOSTID', '\u0000', '\u202e', '😀'),
  fc.string({ maxLength: 12 }),
  fc.constant('k'.repeat(5000)),
);

/** Values of every JSON type and then some: what a broken or hostile caller could put anywhere. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    true,
    false,
    0,
    -1,
    0.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    1e308,
    Number.MAX_SAFE_INTEGER + 2,
    '',
    ' ',
    '\u0000',
    'null',
    'true',
    '1',
    '[]',
    '{}',
    '\u202eevil\u202c',
    'zero\u200bwidth',
    '-Force',
    '$(calc)',
    '../../etc/passwd',
  ),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer({ min: 33_000, max: 120_000 }).map((length) => 'A'.repeat(length)),
  fc.integer({ min: 600, max: 12_000 }).map((count) => '😀\u202e'.repeat(count)),
  fc.integer({ min: 50, max: 1000 }).chain((depth) => fc.boolean().map((asArray) => nested(depth, asArray))),
  fc.constant(JSON.parse('{"__proto__":{"polluted":true}}') as unknown),
  fc.constant({ constructor: { prototype: { polluted: true } } }),
  fc.array(leaf, { maxLength: 5 }),
  fc.array(fc.array(leaf, { maxLength: 3 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), leaf, { maxKeys: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.dictionary(fc.string({ maxLength: 4 }), leaf, { maxKeys: 3 }), {
    maxKeys: 3,
  }),
);

const OPERATIONS = [
  'replace',
  'replace',
  'delete',
  'addKey',
  'wrapInArray',
  'mutateString',
  'mutateNumber',
  'mutateArray',
  'replaceRoot',
] as const;
type Operation = (typeof OPERATIONS)[number];

interface Mutation {
  readonly operation: Operation;
  readonly pick: number;
  readonly value: unknown;
  readonly key: string;
  readonly variant: number;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  operation: fc.constantFrom(...OPERATIONS),
  pick: fc.nat(),
  value: hostileValue,
  key: hostileKey,
  variant: fc.nat(),
});

const candidate = fc.record({ seed: fc.nat(), mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }) });

type Slot = { parent: Record<string, unknown> | unknown[]; key: string | number; path: string };

/** Seeds are at most four levels deep; below that is what an earlier mutation put there (deep nesting). */
const MAX_SLOT_DEPTH = 6;

/** Every place in the value that holds something (object keys, array items), depth first. */
function slotsOf(value: unknown, path = '', depth = 0): Slot[] {
  if (value === null || typeof value !== 'object' || depth > MAX_SLOT_DEPTH) return [];
  const slots: Slot[] = [];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : Object.entries(value);
  for (const [key, child] of entries) {
    const childPath = path === '' ? String(key) : `${path}.${key}`;
    slots.push({ parent: value as Record<string, unknown>, key, path: childPath });
    slots.push(...slotsOf(child, childPath, depth + 1));
  }
  return slots;
}

function objectsOf(value: unknown, depth = 0): Record<string, unknown>[] {
  if (value === null || typeof value !== 'object' || depth > MAX_SLOT_DEPTH) return [];
  const own = Array.isArray(value) ? [] : [value as Record<string, unknown>];
  const children = Array.isArray(value) ? value : Object.values(value);
  return [...own, ...children.flatMap((child) => objectsOf(child, depth + 1))];
}

function mutatedString(text: string, variant: number): unknown {
  switch (variant % 9) {
    case 0:
      return text.repeat(Math.ceil(40_000 / Math.max(1, text.length)) + 1);
    case 1:
      return '';
    case 2:
      return `-${text}`;
    case 3:
      return `${text}\n`;
    case 4:
      return text.toUpperCase() === text ? text.toLowerCase() : text.toUpperCase();
    case 5:
      return `${text}\u0000`;
    case 6:
      return `${text}; calc`;
    case 7:
      return ` ${text} `;
    default:
      return [text];
  }
}

function mutatedNumber(value: number, variant: number): unknown {
  const choices = [-value - 1, value + 0.5, value * 1e9 + 1e9, Number.NaN, Number.POSITIVE_INFINITY, String(value), -1];
  return choices[variant % choices.length];
}

function mutatedArray(items: unknown[], variant: number): unknown {
  switch (variant % 4) {
    case 0:
      return [];
    case 1:
      return [...items, ...items];
    case 2:
      return Array.from({ length: 600 }, () => items[0] ?? null);
    default:
      return Object.fromEntries(items.map((item, index) => [String(index), item]));
  }
}

/** Applies one mutation in place; answers the new root (replaceRoot, or a mutation of the root itself). */
function apply(root: unknown, drawn: Mutation): { root: unknown; label: string } {
  // fast-check hands out the same instance for a constant: a later mutation must not change it for every sample.
  const change = { ...drawn, value: copy(drawn.value) };
  if (change.operation === 'replaceRoot') return { root: change.value, label: 'root replaced' };
  if (change.operation === 'addKey') {
    const objects = objectsOf(root);
    const target = objects[change.pick % Math.max(1, objects.length)];
    if (!target) return { root: change.value, label: 'root replaced' };
    setOwn(target, change.key, change.value);
    return { root, label: `key ${JSON.stringify(change.key.slice(0, 20))} added` };
  }
  const slots = slotsOf(root);
  const slot = slots[change.pick % Math.max(1, slots.length)];
  if (!slot) return { root: change.value, label: 'root replaced' };
  const { parent, key, path } = slot;
  const current = (parent as Record<string | number, unknown>)[key];
  const set = (value: unknown) => {
    if (Array.isArray(parent)) parent[key as number] = value;
    else setOwn(parent, String(key), value);
  };
  switch (change.operation) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[String(key)];
      return { root, label: `${path} deleted` };
    case 'wrapInArray':
      set([current]);
      return { root, label: `${path} wrapped in an array` };
    case 'mutateString':
      set(typeof current === 'string' ? mutatedString(current, change.variant) : change.value);
      return { root, label: `${path} string mutated` };
    case 'mutateNumber':
      set(typeof current === 'number' ? mutatedNumber(current, change.variant) : change.value);
      return { root, label: `${path} number mutated` };
    case 'mutateArray':
      set(Array.isArray(current) ? mutatedArray(current, change.variant) : change.value);
      return { root, label: `${path} array mutated` };
    default:
      set(change.value);
      return { root, label: `${path} replaced` };
  }
}

/** A deep copy that keeps own `__proto__` keys, NaN and undefined (structuredClone would too, but not all). */
function copy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copy);
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) setOwn(out, key, copy(child));
  return out;
}

function safeStringify(value: unknown): string | null {
  try {
    const text = JSON.stringify(value);
    // A root of `undefined` has no JSON text; the harness would read an empty body as `{}`.
    return text === undefined ? null : text;
  } catch {
    return null;
  }
}

/**
 * `count` distinct invalid payloads for `channel`, drawn from a fast-check sample seeded with `seed`. Throws when
 * the generator cannot find enough (it would mean the schema accepts nearly anything).
 */
export function invalidPayloads(channel: ChannelName, count: number, seed: number): FuzzBatch {
  const seeds = VALID_ARGS[channel] as readonly unknown[];
  const payloads: FuzzPayload[] = [];
  const seen = new Set<string>();
  let skippedAccepted = 0;
  let skippedDuplicate = 0;
  let skippedTooLarge = 0;
  for (let round = 0; payloads.length < count; round += 1) {
    if (round > 20) throw new Error(`only ${payloads.length} invalid payloads found for ${channel}`);
    for (const drawn of fc.sample(candidate, { numRuns: count, seed: seed + round * 7919 })) {
      if (payloads.length >= count) break;
      let root = copy(seeds[drawn.seed % seeds.length]);
      const labels: string[] = [];
      for (const change of drawn.mutations) {
        const applied = apply(root, change);
        root = applied.root;
        labels.push(applied.label);
      }
      const body = safeStringify(root);
      if (body === null || Buffer.byteLength(body) > MAX_BODY_BYTES) {
        skippedTooLarge += 1;
        continue;
      }
      const fingerprint = createHash('sha256').update(body).digest('hex');
      if (seen.has(fingerprint)) {
        skippedDuplicate += 1;
        continue;
      }
      if (parseArgs(channel, root).ok || parseArgs(channel, JSON.parse(body)).ok) {
        skippedAccepted += 1;
        continue;
      }
      seen.add(fingerprint);
      payloads.push({ channel, value: root, body, label: labels.join(', ') });
    }
  }
  return { payloads, skippedAccepted, skippedDuplicate, skippedTooLarge };
}
