// Valid arguments for every channel of the contract, as complete as the schemas allow (every optional field
// filled in), built from shared/contract/fixtures.ts: the seeds the IPC fuzz mutates into invalid payloads. The
// more fields a seed has, the more places a mutation can break. The campaign checks each seed is accepted.
import type { ChannelArgsInput, ChannelName } from '../../shared/contract/api';
import { SAMPLE_HOST_ID, SAMPLE_JOB_ID, SAMPLE_VM_ID, sampleHost, sampleVm } from '../../shared/contract/fixtures';

type Seeds = { readonly [C in ChannelName]: readonly ChannelArgsInput<C>[] };

const host = sampleHost();
const vm = sampleVm();

const winrmDraft = {
  displayName: host.displayName,
  address: 'hv01.contoso.local',
  connection: {
    transport: 'winrm' as const,
    port: 5986,
    useSsl: true,
    authentication: 'kerberos' as const,
    username: 'CONTOSO\\admin',
  },
  secret: 'correct horse battery staple',
};
const sshDraft = {
  displayName: 'HV02 over SSH',
  address: '192.0.2.10',
  connection: { transport: 'ssh' as const, username: 'admin', keyPath: '/home/admin/.ssh/id_ed25519', port: 22 },
};
const target = { hostId: SAMPLE_HOST_ID, vmId: SAMPLE_VM_ID, vmName: vm.name };

export const VALID_ARGS: Seeds = {
  'hosts.list': [{}],
  'hosts.add': [winrmDraft, sshDraft, { displayName: 'Lab', address: 'lab.local', connection: { transport: 'lab' } }],
  'hosts.update': [
    { id: SAMPLE_HOST_ID, ...winrmDraft },
    { id: SAMPLE_HOST_ID, displayName: 'Renamed', clearSecret: true, connection: { transport: 'local' } },
  ],
  'hosts.remove': [{ hostId: SAMPLE_HOST_ID }],
  'hosts.test': [
    { kind: 'saved', hostId: SAMPLE_HOST_ID },
    { kind: 'draft', host: winrmDraft, useSecretOf: SAMPLE_HOST_ID },
  ],
  'inventory.list': [{ hostId: SAMPLE_HOST_ID }],
  'inventory.refresh': [{ hostIds: [SAMPLE_HOST_ID, 'h-2'] }],
  'inventory.getVm': [{ hostId: SAMPLE_HOST_ID, vmId: SAMPLE_VM_ID }],
  'jobs.planDelete': [{ ...target, force: true }],
  'jobs.submitDelete': [
    {
      targets: [
        { ...target, force: false },
        { hostId: SAMPLE_HOST_ID, vmId: '7f4d2a90-3c61-4e8b-a2d7-5b9e0c1f6a12', vmName: 'db01', force: true },
      ],
    },
  ],
  'jobs.submitLifecycle': [{ ...target, action: 'shutdown' }],
  'jobs.list': [
    {
      status: ['running', 'failed'],
      type: 'delete_vm',
      hostId: SAMPLE_HOST_ID,
      vmId: SAMPLE_VM_ID,
      offset: 0,
      limit: 100,
    },
  ],
  'jobs.get': [{ jobId: SAMPLE_JOB_ID, output: { from: 0, limit: 50 } }],
  'jobs.getOutput': [{ jobId: SAMPLE_JOB_ID, from: 10, limit: 100 }],
  'jobs.cancel': [{ jobId: SAMPLE_JOB_ID }],
  'jobs.retry': [{ jobId: SAMPLE_JOB_ID }],
  'jobs.export': [{ jobId: SAMPLE_JOB_ID, format: 'json', destination: 'content' }],
  'settings.get': [{}],
  'settings.update': [
    {
      historyRetentionDays: 30,
      inventoryRefreshSeconds: 600,
      jobTimeouts: { deleteVmSeconds: 900, vmLifecycleSeconds: 300, planSeconds: 120, inventorySeconds: 120 },
      notifyOnJobEnd: false,
    },
  ],
  'lab.reset': [{}],
  'app.ready': [{}],
};
