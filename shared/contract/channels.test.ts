import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type ChannelArgsInput, type ChannelName, type ChannelValue, channelNames, ipcChannel, parseArgs } from './api';
import { contract } from './channels';
import {
  SAMPLE_HOST_ID,
  SAMPLE_JOB_ID,
  SAMPLE_VM_ID,
  sampleDeleteJob,
  sampleHost,
  sampleLifecycleJob,
  sampleOutputLine,
  samplePlan,
  sampleSnapshot,
  sampleVm,
} from './fixtures';
import { ok } from './result';
import { findNonStrictObjects } from './schema-walk';
import { DEFAULT_SETTINGS } from './settings';

const hostStatus = {
  reachable: true,
  lastChecked: '2025-01-02T10:42:01.000Z',
  psEdition: 'Desktop' as const,
  psVersion: '5.1.20348.2849',
  hyperVModule: true,
  clusterName: null,
  error: null,
};
const target = { hostId: SAMPLE_HOST_ID, vmId: SAMPLE_VM_ID, vmName: 'web01' };
const page = { jobId: SAMPLE_JOB_ID, from: 0, nextSeq: 2, total: 2, lines: [sampleOutputLine(0), sampleOutputLine(1)] };

/** One valid call and one valid value per channel; the type makes a channel without a sample a compile error. */
const samples: { [C in ChannelName]: { args: ChannelArgsInput<C>; value: ChannelValue<C> } } = {
  'hosts.list': { args: {}, value: { hosts: [sampleHost()] } },
  'hosts.add': {
    args: {
      displayName: 'HV02',
      address: 'hv02.contoso.local',
      connection: { transport: 'winrm', useSsl: true, port: 5986, authentication: 'kerberos', username: 'CONTOSO\\a' },
      secret: 'p@ss',
    },
    value: sampleHost({ id: 'h-2', hasSecret: true, status: null }),
  },
  'hosts.update': { args: { id: 'h-2', displayName: 'HV02 (rack 4)', clearSecret: true }, value: sampleHost() },
  'hosts.remove': { args: { hostId: 'h-2' }, value: { hostId: 'h-2' } },
  'hosts.test': {
    args: {
      kind: 'draft',
      host: { displayName: 'HV03', address: '10.0.0.3', connection: { transport: 'ssh', username: 'admin' } },
    },
    value: {
      status: { ...hostStatus, clusterName: 'CL01' },
      computerName: 'HV03',
      hyperVModuleVersion: '2.0.0.0',
      durationMs: 840,
    },
  },
  'inventory.list': { args: {}, value: { snapshots: [sampleSnapshot()] } },
  'inventory.refresh': { args: { hostIds: [SAMPLE_HOST_ID] }, value: { snapshots: [sampleSnapshot()] } },
  'inventory.getVm': { args: { hostId: SAMPLE_HOST_ID, vmId: SAMPLE_VM_ID }, value: sampleVm() },
  'jobs.planDelete': { args: target, value: { plan: samplePlan(), warnings: [{ message: 'slow disk', path: null }] } },
  'jobs.submitDelete': {
    args: { targets: [{ ...target, force: false }] },
    value: { items: [{ hostId: SAMPLE_HOST_ID, vmId: SAMPLE_VM_ID, outcome: ok(sampleDeleteJob()) }] },
  },
  'jobs.submitLifecycle': { args: { ...target, action: 'shutdown' }, value: sampleLifecycleJob() },
  'jobs.list': { args: { status: ['running', 'queued'] }, value: { jobs: [sampleDeleteJob()], total: 1, offset: 0 } },
  'jobs.get': {
    args: { jobId: SAMPLE_JOB_ID, output: { from: 0, limit: 1000 } },
    value: { job: sampleDeleteJob(), output: page },
  },
  'jobs.getOutput': { args: { jobId: SAMPLE_JOB_ID, from: 0, limit: 2 }, value: page },
  'jobs.cancel': { args: { jobId: SAMPLE_JOB_ID }, value: sampleDeleteJob({ status: 'cancelled' }) },
  'jobs.retry': { args: { jobId: SAMPLE_JOB_ID }, value: sampleDeleteJob({ id: 'j-19', retryOf: SAMPLE_JOB_ID }) },
  'jobs.export': {
    args: { jobId: SAMPLE_JOB_ID, format: 'json', destination: 'save_dialog' },
    value: { kind: 'saved', fileName: 'web01-delete_vm-j-17.json' },
  },
  'settings.get': { args: {}, value: DEFAULT_SETTINGS },
  'settings.update': { args: { jobTimeouts: { deleteVmSeconds: 1800 } }, value: DEFAULT_SETTINGS },
  'lab.reset': { args: {}, value: { hostId: SAMPLE_HOST_ID } },
  'app.ready': { args: {}, value: {} },
};

describe('the channel map', () => {
  it('gives every channel an args and a result schema, named domain.method', () => {
    expect(channelNames.length).toBeGreaterThanOrEqual(21);
    for (const name of channelNames) {
      expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      expect(contract[name].args).toBeInstanceOf(z.ZodType);
      expect(contract[name].result).toBeInstanceOf(z.ZodType);
    }
    expect(Object.keys(samples).sort()).toEqual([...channelNames].sort());
  });

  it('names each IPC channel with the hvapi: prefix, once', () => {
    const ipcNames = channelNames.map((name) => ipcChannel(name));
    expect(new Set(ipcNames).size).toBe(channelNames.length);
    expect(ipcChannel('jobs.submitDelete')).toBe('hvapi:jobs.submitDelete');
  });

  it('rejects unknown keys in every argument object, however deeply nested', () => {
    for (const name of channelNames) expect(findNonStrictObjects(contract[name].args), name).toEqual([]);
  });

  it('keeps every result object strict too, so a stray field is an error rather than a silent pass', () => {
    for (const name of channelNames) expect(findNonStrictObjects(contract[name].result), name).toEqual([]);
  });

  it.each(channelNames)('%s: a valid call and a valid value parse', (name) => {
    const sample = samples[name];
    expect(parseArgs(name, sample.args).ok).toBe(true);
    const parsed = contract[name].result.safeParse(sample.value);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('fills defaults the caller left out', () => {
    expect(parseArgs('jobs.list', {})).toEqual(ok({ offset: 0, limit: 100 }));
  });
});

function rejectedPaths(name: ChannelName, args: unknown): string[] {
  const result = parseArgs(name, args);
  if (result.ok) return expect.fail(`${name} accepted ${JSON.stringify(args)}`);
  expect(result.error.code).toBe('validation_failed');
  return (result.error.details?.issues ?? []).map((issue) => issue.path);
}

describe('invalid calls are rejected with the path of the bad field', () => {
  it('an unknown key', () => {
    const result = parseArgs('jobs.cancel', { jobId: SAMPLE_JOB_ID, force: true });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('force');
    expect(rejectedPaths('hosts.add', { ...samples['hosts.add'].args, password: 'x' })).toEqual(['']);
    expect(rejectedPaths('jobs.submitDelete', { targets: [{ ...target, force: false, mode: 'execute' }] })).toEqual([
      'targets.0',
    ]);
  });

  it('a VM id that is not a GUID', () => {
    expect(rejectedPaths('inventory.getVm', { hostId: SAMPLE_HOST_ID, vmId: 'web01' })).toEqual(['vmId']);
    expect(rejectedPaths('jobs.submitDelete', { targets: [{ ...target, vmId: '2c3e9a41', force: false }] })).toEqual([
      'targets.0.vmId',
    ]);
  });

  it('an overlong or empty name', () => {
    expect(rejectedPaths('jobs.planDelete', { ...target, vmName: 'x'.repeat(1025) })).toEqual(['vmName']);
    expect(rejectedPaths('jobs.planDelete', { ...target, vmName: '' })).toEqual(['vmName']);
    expect(rejectedPaths('hosts.update', { id: 'h-2', displayName: 'h'.repeat(256) })).toEqual(['displayName']);
    expect(rejectedPaths('hosts.update', { id: 'h-2', displayName: '  \n ' })).toEqual(['displayName']);
  });

  it('a value outside its enum', () => {
    expect(rejectedPaths('jobs.submitLifecycle', { ...target, action: 'reboot' })).toEqual(['action']);
    expect(rejectedPaths('jobs.list', { status: ['done'] })).toEqual(['status.0']);
    expect(rejectedPaths('jobs.export', { jobId: SAMPLE_JOB_ID, format: 'pdf', destination: 'content' })).toEqual([
      'format',
    ]);
    expect(rejectedPaths('hosts.add', { ...samples['hosts.add'].args, connection: { transport: 'telnet' } })).toEqual([
      'connection.transport',
    ]);
  });

  it('ids outside their alphabet or length, and out-of-range numbers', () => {
    expect(rejectedPaths('jobs.get', { jobId: '../../etc/passwd' })).toEqual(['jobId']);
    expect(rejectedPaths('jobs.get', { jobId: 'j'.repeat(129) })).toEqual(['jobId']);
    expect(rejectedPaths('jobs.getOutput', { jobId: SAMPLE_JOB_ID, from: -1, limit: 10 })).toEqual(['from']);
    expect(rejectedPaths('jobs.getOutput', { jobId: SAMPLE_JOB_ID, from: 0, limit: 10_001 })).toEqual(['limit']);
    expect(rejectedPaths('settings.update', { inventoryRefreshSeconds: 1 })).toEqual(['inventoryRefreshSeconds']);
    expect(rejectedPaths('settings.update', { jobTimeouts: { deleteVmSeconds: 900, other: 1 } })).toEqual([
      'jobTimeouts',
    ]);
  });

  it('host addresses that could read as options or commands', () => {
    for (const address of ['-oProxyCommand=x', 'hv01;calc', 'hv 01', '$(calc)', 'hv01\n']) {
      expect(rejectedPaths('hosts.add', { ...samples['hosts.add'].args, address })).toEqual(['address']);
    }
    for (const address of ['hv01', 'hv01.contoso.local', '10.0.0.1', '[fe80::1%eth0]', 'fe80::1', 'HV_01']) {
      expect(parseArgs('hosts.add', { ...samples['hosts.add'].args, address }).ok).toBe(true);
    }
  });

  it('the same VM twice in one multi-delete, and a secret given and cleared at once', () => {
    const twice = {
      targets: [
        { ...target, force: false },
        { ...target, force: true },
      ],
    };
    expect(rejectedPaths('jobs.submitDelete', twice)).toEqual(['targets']);
    expect(rejectedPaths('jobs.submitDelete', { targets: [] })).toEqual(['targets']);
    expect(rejectedPaths('hosts.update', { id: 'h-2', secret: 'x', clearSecret: true })).toEqual(['clearSecret']);
  });

  it('not an object at all', () => {
    for (const raw of [undefined, null, 'hosts', 42, []]) expect(rejectedPaths('jobs.cancel', raw)).toEqual(['']);
  });
});
