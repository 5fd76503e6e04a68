// Walks a zod schema's structure (objects, arrays, unions, wrappers) and reports every node with the path of
// object keys that leads to it. The contract's tests use it to prove properties of whole schemas: no field that
// could carry a secret is ever returned, every argument object rejects unknown keys.
import { z } from 'zod';

export interface SchemaNode {
  /** Dotted path of object keys from the root; `[]` marks an array element. */
  path: string;
  /** The object key this node is the value of, or null (root, array element, union option). */
  key: string | null;
  schema: z.ZodType;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** Wrappers whose definition holds one inner schema. */
function innerOf(schema: z.ZodType): z.ZodType | null {
  if (
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodNullable ||
    schema instanceof z.ZodDefault ||
    schema instanceof z.ZodPrefault ||
    schema instanceof z.ZodNonOptional ||
    schema instanceof z.ZodReadonly ||
    schema instanceof z.ZodCatch
  ) {
    return schema.def.innerType as z.ZodType;
  }
  return null;
}

/** The schema under optional/nullable/default wrappers. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let inner = innerOf(current); inner !== null; inner = innerOf(current)) current = inner;
  return current;
}

export function walkSchema(root: z.ZodType, visit: (node: SchemaNode) => void): void {
  const seen = new Set<z.ZodType>();
  const walk = (schema: z.ZodType, path: string, key: string | null): void => {
    visit({ path, key, schema });
    // A schema used in several places (hostIdSchema, jobInfoSchema) is descended into once.
    if (seen.has(schema)) return;
    seen.add(schema);
    const inner = innerOf(schema);
    // The wrapped schema is the same field: report its key once, on the outermost node.
    if (inner !== null) {
      walk(inner, path, null);
      return;
    }
    if (schema instanceof z.ZodObject) {
      for (const [name, field] of Object.entries(schema.shape)) walk(field as z.ZodType, join(path, name), name);
      const catchall = schema.def.catchall as z.ZodType | undefined;
      if (catchall !== undefined) walk(catchall, join(path, '*'), '*');
    } else if (schema instanceof z.ZodArray) {
      walk(schema.element as z.ZodType, `${path}[]`, null);
    } else if (schema instanceof z.ZodUnion) {
      for (const option of schema.options) walk(option as z.ZodType, path, null);
    } else if (schema instanceof z.ZodIntersection) {
      walk(schema.def.left as z.ZodType, path, null);
      walk(schema.def.right as z.ZodType, path, null);
    } else if (schema instanceof z.ZodPipe) {
      walk(schema.def.in as z.ZodType, path, null);
      walk(schema.def.out as z.ZodType, path, null);
    } else if (schema instanceof z.ZodLazy) {
      walk(schema.def.getter() as z.ZodType, path, key);
    } else if (schema instanceof z.ZodRecord) {
      walk(schema.def.valueType as z.ZodType, join(path, '*'), '*');
    } else if (schema instanceof z.ZodTuple) {
      for (const item of schema.def.items) walk(item as z.ZodType, `${path}[]`, null);
    }
  };
  walk(root, '', null);
}

/** Field names that suggest a credential. */
export const SECRET_FIELD_PATTERN = /secret|passw|pwd|credential|passphrase|token|private.?key|api.?key/i;

/** Why a schema could return a secret: a secret-like field that is not a plain flag, or a shape that accepts
 *  anything (any, unknown, records, loose objects, transforms), since any of those could carry one. */
export function findSecretLeaks(root: z.ZodType): string[] {
  const leaks: string[] = [];
  walkSchema(root, ({ path, key, schema }) => {
    const where = path === '' ? '(root)' : path;
    if (key !== null && SECRET_FIELD_PATTERN.test(key) && !(unwrap(schema) instanceof z.ZodBoolean)) {
      leaks.push(`${where}: field "${key}" could carry a secret`);
    }
    if (schema instanceof z.ZodAny || schema instanceof z.ZodUnknown) leaks.push(`${where}: accepts any value`);
    if (schema instanceof z.ZodRecord || schema instanceof z.ZodMap) leaks.push(`${where}: open-ended keys`);
    if (schema instanceof z.ZodTransform) leaks.push(`${where}: a transform's output is not described`);
    if (schema instanceof z.ZodObject) {
      const catchall = schema.def.catchall as z.ZodType | undefined;
      if (catchall !== undefined && !(catchall instanceof z.ZodNever)) leaks.push(`${where}: keeps unknown keys`);
    }
  });
  return leaks;
}

/** Object schemas that would accept (strip or keep) unknown keys instead of rejecting them. */
export function findNonStrictObjects(root: z.ZodType): string[] {
  const loose: string[] = [];
  walkSchema(root, ({ path, schema }) => {
    if (schema instanceof z.ZodObject && !(schema.def.catchall instanceof z.ZodNever)) {
      loose.push(path === '' ? '(root)' : path);
    }
  });
  return loose;
}
