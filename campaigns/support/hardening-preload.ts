// Runs the built preload (out/preload/index.cjs) as Electron's sandboxed preload would, against a stand-in
// contextBridge and ipcRenderer: records what it exposes to the page, which modules it asks for, and every IPC
// call and subscription it makes, so the campaign can prove the page gets exactly the API object and nothing that
// reaches Electron or Node.
import { readFileSync } from 'node:fs';
import { compileFunction } from 'node:vm';

export interface PreloadRun {
  /** What exposeInMainWorld received, by key. */
  readonly exposed: Map<string, unknown>;
  readonly required: string[];
  readonly invokes: { channel: string; args: unknown }[];
  /** Channels the preload listens on with ipcRenderer.on/once/addListener. */
  readonly subscribed: string[];
  /** Objects that must never be reachable from the exposed API. */
  readonly forbidden: ReadonlyMap<unknown, string>;
}

export function runPreload(path: string): PreloadRun {
  const exposed = new Map<string, unknown>();
  const required: string[] = [];
  const invokes: { channel: string; args: unknown }[] = [];
  const subscribed: string[] = [];
  const listen = (channel: string) => {
    subscribed.push(channel);
  };
  const ipcRenderer = {
    invoke: async (channel: string, args: unknown) => {
      invokes.push({ channel, args });
      return { ok: true, value: {} };
    },
    on: listen,
    once: listen,
    addListener: listen,
    removeListener: () => undefined,
    send: (channel: string) => invokes.push({ channel, args: 'send' }),
    sendSync: (channel: string) => invokes.push({ channel, args: 'sendSync' }),
  };
  const contextBridge = {
    exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value),
    exposeInIsolatedWorld: (_world: number, key: string, value: unknown) => exposed.set(`isolated:${key}`, value),
  };
  const electron = { contextBridge, ipcRenderer };
  // A sandboxed preload's `process` is a small object; the versions are what the preload reads.
  const fakeProcess = { versions: { electron: '45.5.0', chrome: '140.0.0.0', node: '22.0.0' }, env: {} };
  const require = (id: string) => {
    required.push(id);
    if (id === 'electron') return electron;
    throw new Error(`the preload asked for '${id}', which a sandboxed preload cannot load`);
  };
  const module = { exports: {} as unknown };
  const run = compileFunction(readFileSync(path, 'utf8'), ['require', 'module', 'exports', 'process'], {
    filename: path,
  });
  run(require, module, module.exports, fakeProcess);
  const forbidden = new Map<unknown, string>([
    [ipcRenderer, 'ipcRenderer'],
    [ipcRenderer.invoke, 'ipcRenderer.invoke'],
    [ipcRenderer.on, 'ipcRenderer.on'],
    [ipcRenderer.send, 'ipcRenderer.send'],
    [contextBridge, 'contextBridge'],
    [electron, 'the electron module'],
    [require, 'require'],
    [fakeProcess, 'process'],
    [module, 'module'],
  ]);
  return { exposed, required, invokes, subscribed, forbidden };
}

export interface GraphProblem {
  readonly path: string;
  readonly problem: string;
}

/** Walks every own property (and prototype) reachable from `root`: objects must be frozen, leaves functions or
 *  strings, nothing forbidden reachable, no key that names a way out. */
export function inspectExposed(root: unknown, forbidden: ReadonlyMap<unknown, string>): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const seen = new Set<unknown>();
  const badKey = /^(require|process|module|ipcRenderer|ipc|invoke|send|sendSync|electron|global|Buffer)$/;
  const visit = (value: unknown, path: string) => {
    const name = forbidden.get(value);
    if (name !== undefined) problems.push({ path, problem: `reaches ${name}` });
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
      if (typeof value !== 'string') problems.push({ path, problem: `a ${typeof value} value` });
      return;
    }
    if (seen.has(value)) return;
    seen.add(value);
    if (typeof value === 'object') {
      if (!Object.isFrozen(value)) problems.push({ path, problem: 'an object that is not frozen' });
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) problems.push({ path, problem: 'an object with a class' });
    }
    for (const key of Reflect.ownKeys(value)) {
      if (typeof value === 'function' && (key === 'length' || key === 'name' || key === 'prototype')) continue;
      const keyName = String(key);
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      // A version string may be called `electron`; a function or object under such a name would be a way out.
      if (badKey.test(keyName) && typeof descriptor?.value !== 'string') {
        problems.push({ path: `${path}.${keyName}`, problem: 'a key that names a way out' });
      }
      if (descriptor?.get || descriptor?.set) problems.push({ path: `${path}.${keyName}`, problem: 'an accessor' });
      visit(descriptor?.value, `${path}.${keyName}`);
    }
  };
  visit(root, 'hvapi');
  return problems;
}
