// The harness's test-only operations on the lab host (POST /__harness/control/<operation>, JSON body): what
// the e2e suite needs to inject a fault, clear it, lock a file, or slow the simulator down. They are not part
// of the app's API (the renderer never sees them) and need the same secret and origin as any call.
import { z } from 'zod';
import type { LabHosts } from '../electron/core/app/lab-hosts';
import { LAB_HOST_ID } from '../electron/core/hosts/host-record';

export class UnknownControlError extends Error {}

const hostId = z.string().min(1).max(64).default(LAB_HOST_ID);
const schemas = {
  'lab.faults.inject': z.strictObject({
    hostId,
    commandName: z.string().min(1).max(128),
    target: z.string().max(1024).optional(),
    kind: z.enum(['fail', 'hang']),
    message: z.string().max(1024).optional(),
    seconds: z.number().positive().optional(),
    count: z.int().positive().optional(),
  }),
  'lab.faults.clear': z.strictObject({ hostId, id: z.string().optional(), commandName: z.string().optional() }),
  'lab.faults.list': z.strictObject({ hostId }),
  'lab.lockFile': z.strictObject({ hostId, path: z.string().min(1).max(1024), seconds: z.number().optional() }),
  'lab.unlockFile': z.strictObject({ hostId, path: z.string().min(1).max(1024) }),
  'lab.behaviour': z.strictObject({
    hostId,
    releaseDelayMs: z.int().min(0).optional(),
    mergeDelayMs: z.int().min(0).optional(),
    transitionDelayMs: z.int().min(0).optional(),
  }),
} as const;

export type ControlOperation = keyof typeof schemas;
export const CONTROL_OPERATIONS = Object.keys(schemas) as ControlOperation[];

/** Drops the keys zod left undefined (the lab's option types are exact: absent, never undefined). */
function strip<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}

/** Runs one operation; throws UnknownControlError for an unknown name and a ZodError for a bad body. */
export async function labControl(labs: LabHosts, operation: string, body: unknown): Promise<unknown> {
  if (!Object.hasOwn(schemas, operation)) throw new UnknownControlError(`unknown control operation ${operation}`);
  const raw = body ?? {};
  const faultsOf = (id: string) => labs.forHost(id).faults;
  switch (operation as ControlOperation) {
    case 'lab.faults.inject': {
      const { hostId: id, ...spec } = schemas['lab.faults.inject'].parse(raw);
      return faultsOf(id).inject(strip(spec));
    }
    case 'lab.faults.clear': {
      const { hostId: id, ...filter } = schemas['lab.faults.clear'].parse(raw);
      return faultsOf(id).clear(strip(filter));
    }
    case 'lab.faults.list':
      return faultsOf(schemas['lab.faults.list'].parse(raw).hostId).list();
    case 'lab.lockFile': {
      const { hostId: id, path, seconds } = schemas['lab.lockFile'].parse(raw);
      return faultsOf(id).lockFile(path, seconds);
    }
    case 'lab.unlockFile': {
      const { hostId: id, path } = schemas['lab.unlockFile'].parse(raw);
      return faultsOf(id).unlockFile(path);
    }
    case 'lab.behaviour': {
      const { hostId: id, ...behaviour } = schemas['lab.behaviour'].parse(raw);
      return faultsOf(id).setBehaviour(strip(behaviour));
    }
  }
}
