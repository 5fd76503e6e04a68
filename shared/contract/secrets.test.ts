// A host's secret goes renderer -> main only (hosts.add/update/test args). Nothing main sends back can hold
// one: every result schema, every event schema and the JSON export are walked, and any field named like a
// credential (other than a boolean flag such as hasSecret), or any open-ended shape that could carry one, fails.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channelNames, eventNames } from './api';
import { contract } from './channels';
import { events } from './events';
import { jobExportDocumentSchema } from './job-export';
import { resultSchema } from './result';
import { findNonStrictObjects, findSecretLeaks, walkSchema } from './schema-walk';

describe('no secret can be returned', () => {
  it.each(channelNames)('result of %s', (name) => {
    expect(findSecretLeaks(resultSchema(contract[name].result))).toEqual([]);
  });

  it.each(eventNames)('event %s', (name) => {
    expect(findSecretLeaks(events[name])).toEqual([]);
  });

  it('the JSON export of a job', () => {
    expect(findSecretLeaks(jobExportDocumentSchema)).toEqual([]);
  });

  it('while the secret does go in, write-only, on add, update and test', () => {
    const paths = (schema: z.ZodType) => {
      const found: string[] = [];
      walkSchema(schema, ({ path, key }) => {
        if (key === 'secret') found.push(path);
      });
      return found;
    };
    expect(paths(contract['hosts.add'].args)).toEqual(['secret']);
    expect(paths(contract['hosts.update'].args)).toEqual(['secret']);
    expect(paths(contract['hosts.test'].args)).toEqual(['host.secret']);
  });
});

describe('the walk itself catches what it looks for', () => {
  const host = (extra: z.ZodRawShape) => z.strictObject({ id: z.string(), hasSecret: z.boolean(), ...extra });

  it('allows a boolean flag named like a secret and nothing else', () => {
    expect(findSecretLeaks(host({}))).toEqual([]);
    expect(findSecretLeaks(host({ secret: z.string().optional() }))).toEqual([
      'secret: field "secret" could carry a secret',
    ]);
    expect(findSecretLeaks(host({ hasSecret: z.string() }))).toHaveLength(1);
  });

  it('finds names like password, credential, passphrase, token, private key, in any case and any depth', () => {
    for (const key of ['password', 'adminPassword', 'Credential', 'keyPassphrase', 'apiToken', 'privateKey', 'pwd']) {
      const schema = z.strictObject({
        items: z.array(
          z.union([z.strictObject({ a: z.string() }), z.strictObject({ deep: host({ [key]: z.string() }) })]),
        ),
      });
      expect(findSecretLeaks(schema), key).toEqual([`items[].deep.${key}: field "${key}" could carry a secret`]);
    }
  });

  it('finds shapes that could carry anything', () => {
    expect(findSecretLeaks(z.strictObject({ extra: z.unknown() }))).toEqual(['extra: accepts any value']);
    expect(findSecretLeaks(z.strictObject({ params: z.record(z.string(), z.string()) }))).toEqual([
      'params: open-ended keys',
    ]);
    expect(findSecretLeaks(z.looseObject({ id: z.string() }))).toEqual([
      '(root): keeps unknown keys',
      '*: accepts any value',
    ]);
    expect(findSecretLeaks(z.string().transform((text) => text.length))).toEqual([
      "(root): a transform's output is not described",
    ]);
  });

  it('finds objects that do not reject unknown keys', () => {
    expect(findNonStrictObjects(z.strictObject({ a: z.array(z.object({ b: z.string() })).optional() }))).toEqual([
      'a[]',
    ]);
    expect(findNonStrictObjects(z.strictObject({ a: z.strictObject({}) }))).toEqual([]);
  });
});
