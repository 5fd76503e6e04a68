// VM and host names are data, never code (PRODUCT.md "Bad input"): whatever Hyper-V allows in a name, the
// contract carries unchanged, on the way in (calls) and on the way out (inventory, jobs, events).
import { describe, expect, it } from 'vitest';
import { parseArgs } from './api';
import { events } from './events';
import { SAMPLE_HOST_ID, SAMPLE_VM_ID, sampleDeleteJob, sampleVm } from './fixtures';
import { vmInfoSchema } from './inventory';
import { suggestExportFileName } from './job-export';
import { jobInfoSchema } from './jobs';
import { ok } from './result';

const HOSTILE_NAMES = [
  `web01'; Remove-Item C:\\ -Recurse; '`,
  'web01"; Stop-Computer; "',
  '$(Remove-VM -Name * -Force)',
  '`$env:PATH`',
  'web01; rm -rf /',
  'line one\nline two\r\nthree',
  'tab\there',
  'Ünïcødé 虚拟机 🖥️',
  '\u202Eevil\u202C',
  '[web01]*?',
  '-Force',
  '  padded  ',
  'x'.repeat(255),
  'y'.repeat(1024),
];

describe('hostile VM names are accepted as data', () => {
  it.each(HOSTILE_NAMES.map((name) => [JSON.stringify(name).slice(0, 40), name]))('%s', (_label, name) => {
    const args = { hostId: SAMPLE_HOST_ID, vmId: SAMPLE_VM_ID, vmName: name };
    expect(parseArgs('jobs.planDelete', args)).toEqual(ok(args));
    expect(parseArgs('jobs.submitDelete', { targets: [{ ...args, force: true }] })).toEqual(
      ok({ targets: [{ ...args, force: true }] }),
    );
    expect(vmInfoSchema.parse(sampleVm({ name })).name).toBe(name);
    expect(jobInfoSchema.parse(sampleDeleteJob({ vmName: name })).vmName).toBe(name);
    expect(events.notification.parse({ kind: 'error', title: 'Delete failed', body: name, jobId: null }).body).toBe(
      name,
    );
  });

  it('and as host display names, up to 255 characters', () => {
    for (const displayName of HOSTILE_NAMES.filter((name) => name.length <= 255)) {
      const draft = { displayName, address: 'hv01', connection: { transport: 'local' } };
      expect(parseArgs('hosts.add', draft)).toEqual(ok(draft));
    }
  });

  it('but a name is bounded, and not empty', () => {
    expect(
      parseArgs('jobs.planDelete', { hostId: SAMPLE_HOST_ID, vmId: SAMPLE_VM_ID, vmName: 'z'.repeat(1025) }).ok,
    ).toBe(false);
    expect(vmInfoSchema.safeParse(sampleVm({ name: '' })).success).toBe(false);
  });

  it('an export file name made from any VM name is a plain, safe file name', () => {
    for (const vmName of HOSTILE_NAMES) {
      const name = suggestExportFileName({ id: 'j-17', type: 'delete_vm', vmName }, 'text');
      expect(name).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*-delete_vm-j-17\.log$/);
      expect(name.length).toBeLessThanOrEqual(255);
    }
    expect(suggestExportFileName({ id: 'j-17', type: 'vm_lifecycle', vmName: 'web01' }, 'json')).toBe(
      'web01-vm_lifecycle-j-17.json',
    );
    expect(suggestExportFileName({ id: 'j-1', type: 'delete_vm', vmName: '../..' }, 'json')).toBe(
      'vm-delete_vm-j-1.json',
    );
  });
});

describe('VM ids', () => {
  it('are GUIDs, normalised to lower case as the agent reports them', () => {
    const upper = SAMPLE_VM_ID.toUpperCase();
    const parsed = parseArgs('inventory.getVm', { hostId: SAMPLE_HOST_ID, vmId: upper });
    expect(parsed).toEqual(ok({ hostId: SAMPLE_HOST_ID, vmId: SAMPLE_VM_ID }));
  });

  it.each(['', 'web01', '2c3e9a41-5b6d-4e8f-9a0b', `{${SAMPLE_VM_ID}}`, `${SAMPLE_VM_ID}; calc`, `${SAMPLE_VM_ID}\n`])(
    'reject %j',
    (vmId) => {
      expect(parseArgs('inventory.getVm', { hostId: SAMPLE_HOST_ID, vmId }).ok).toBe(false);
    },
  );
});
