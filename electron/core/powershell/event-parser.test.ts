import { describe, expect, it } from 'vitest';
import { parseOutputLine } from './event-parser';

const event = (body: Record<string, unknown>) => `##hvagent ${JSON.stringify(body)}`;

const plan = {
  type: 'plan',
  job_id: 'j-17',
  vm: { id: '2c3e0f7a-1d5b-4a51-9f0e-7c1d2b3a4e01', name: 'web01', state: 'Off', path: 'C:\\VMs\\web01' },
  cluster_role: { name: 'web01', state: 'Offline' },
  power_action: 'none',
  checkpoints: [{ id: 'c1', name: 'before patch' }],
  files_to_delete: [{ path: 'C:\\VMs\\web01\\web01.vhdx', kind: 'disk', size_bytes: 42 }],
  files_to_keep: [{ path: 'D:\\ISO\\ws2022.iso', kind: 'iso', reason: 'outside_vm_folders' }],
  drives_to_detach: [
    { kind: 'disk', controller: 'SCSI 0:0', path: 'C:\\VMs\\web01\\web01.vhdx' },
    { kind: 'passthrough', controller: 'SCSI 0:1', disk_number: 3 },
    { kind: 'dvd', controller: 'SCSI 0:2', path: null },
  ],
  folders_to_prune: ['C:\\VMs\\web01'],
  protected_roots: ['C:\\', 'C:\\VMs'],
  requires_force: false,
};
const step = {
  type: 'step',
  job_id: 'j-17',
  id: 'cluster',
  name: 'Remove cluster role',
  status: 'succeeded',
  detail: '',
};
const warning = { type: 'warning', job_id: 'j-17', message: 'file in use, retrying', path: 'C:\\VMs\\web01\\a.vhdx' };
const result = {
  type: 'result',
  job_id: 'j-17',
  status: 'failed',
  error: { code: 'host_error', message: 'The process cannot access the file', step: 'disks', object: 'C:\\x.vhdx' },
  files_deleted: [],
  files_kept: [{ path: 'C:\\x.vhdx', reason: 'shared' }],
  folders_removed: [],
  folders_kept: [{ path: 'C:\\VMs\\web01', holds: ['notes.txt'] }],
};

describe('parseOutputLine', () => {
  it('keeps an ordinary line as a log line', () => {
    expect(parseOutputLine('[10:42:01] Removing cluster role')).toEqual({
      kind: 'log',
      text: '[10:42:01] Removing cluster role',
    });
  });

  it('requires the exact marker at the start of the line', () => {
    for (const text of [` ${event(step)}`, event(step).replace('##hvagent ', '##hvagent'), '##HVAGENT {}']) {
      expect(parseOutputLine(text)).toEqual({ kind: 'log', text });
    }
  });

  it.each([
    ['plan', plan],
    ['step', step],
    ['warning', warning],
    ['result', result],
  ])('parses a valid %s event', (type, body) => {
    const parsed = parseOutputLine(event(body));
    expect(parsed.kind).toBe('event');
    if (parsed.kind === 'event') {
      expect(parsed.event.type).toBe(type);
      expect(parsed.event).toEqual(body); // unknown fields (requires_force) pass through
    }
  });

  it('accepts the forms the agent uses before it knows the job', () => {
    const early = { type: 'result', job_id: null, status: 'failed', error: { code: 'invalid_payload', message: 'x' } };
    expect(parseOutputLine(event(early)).kind).toBe('event');
    expect(parseOutputLine(event({ ...early, job_id: '' })).kind).toBe('event');
    expect(parseOutputLine(event({ ...warning, path: undefined })).kind).toBe('event');
  });

  it.each([
    ['plan without vm', { ...plan, vm: undefined }, 'vm'],
    ['plan with a bad power action', { ...plan, power_action: 'reboot' }, 'power_action'],
    ['plan with a drive of unknown kind', { ...plan, drives_to_detach: [{ kind: 'floppy', controller: 'x' }] }, 'kind'],
    ['step with a bad status', { ...step, status: 'done' }, 'status'],
    ['step without an id', { ...step, id: undefined }, 'id'],
    ['warning without a message', { ...warning, message: undefined }, 'message'],
    ['result with a bad status', { ...result, status: 'ok' }, 'status'],
    ['result error without a message', { ...result, error: { code: 'x' } }, 'error.message'],
    ['result with a non-string job id', { ...result, job_id: 17 }, 'job_id'],
  ])('keeps an invalid event (%s) as a log line with a warning diagnostic', (_name, body, field) => {
    const text = event(body);
    const parsed = parseOutputLine(text);
    expect(parsed.kind).toBe('log');
    expect(parsed.text).toBe(text);
    if (parsed.kind === 'log') {
      expect(parsed.diagnostic?.kind).toBe('warning');
      expect(parsed.diagnostic?.message).toContain(`invalid '${body.type}' event`);
      expect(parsed.diagnostic?.message).toContain(field);
    }
  });

  it.each([
    ['an unknown type', event({ type: 'progress', job_id: 'j' }), 'unknown agent event type "progress"'],
    ['no type', event({ job_id: 'j' }), 'unknown agent event type null'],
    ['broken JSON', '##hvagent {"type":"step",', 'not valid JSON'],
    ['a truncated line', `##hvagent {"type":"result" [... line truncated: 9 more characters]`, 'not valid JSON'],
    ['an array', '##hvagent [1,2]', 'not a JSON object'],
    ['null', '##hvagent null', 'not a JSON object'],
    ['nothing after the marker', '##hvagent ', 'not valid JSON'],
  ])('never throws on %s: a log line with a warning diagnostic', (_name, text, message) => {
    const parsed = parseOutputLine(text);
    expect(parsed).toMatchObject({ kind: 'log', text, diagnostic: { kind: 'warning' } });
    if (parsed.kind === 'log') expect(parsed.diagnostic?.message).toContain(message);
  });

  it('keeps diagnostics short for huge invalid lines', () => {
    const parsed = parseOutputLine(`##hvagent {"type":"nope${'x'.repeat(10_000)}"}`);
    expect(parsed.kind === 'log' && (parsed.diagnostic?.message.length ?? 0) < 400).toBe(true);
  });
});
