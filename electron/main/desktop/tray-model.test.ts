import { describe, expect, it } from 'vitest';
import type { ActiveJob } from './job-activity';
import { trayModel } from './tray-model';

const job = (id: string, status: ActiveJob['status'], overrides: Partial<ActiveJob> = {}): ActiveJob => ({
  id,
  hostId: 'lab',
  vmName: `vm-${id}`,
  status,
  label: { kind: 'delete' },
  createdAt: '2025-01-01T00:00:00.000Z',
  ...overrides,
});
const hostName = (id: string) => (id === 'lab' ? 'Lab host' : id);

describe('the tray model', () => {
  it('says no jobs are running when idle: plain icon, no title, show and quit', () => {
    const model = trayModel({ appName: 'Hyper-V VM Deleter', jobs: [], hostName });
    expect(model).toMatchObject({ tooltip: 'Hyper-V VM Deleter: no jobs running', title: '', badge: 0 });
    expect(model.items.map((item) => item.kind)).toEqual(['show', 'separator', 'note', 'separator', 'quit']);
  });

  it('shows the running count and lists each active job, which opens it', () => {
    const model = trayModel({
      appName: 'Hyper-V VM Deleter',
      jobs: [
        job('j-1', 'running'),
        job('j-2', 'running', { label: { kind: 'lifecycle', action: 'shutdown' } }),
        job('j-3', 'queued'),
      ],
      hostName,
    });
    expect(model.tooltip).toBe('Hyper-V VM Deleter: 2 jobs running, 1 queued');
    expect(model.title).toBe('2');
    expect(model.badge).toBe(2);
    expect(model.items.filter((item) => item.kind === 'job')).toEqual([
      { kind: 'job', label: "Delete 'vm-j-1' on Lab host (running)", jobId: 'j-1' },
      { kind: 'job', label: "Shut down 'vm-j-2' on Lab host (running)", jobId: 'j-2' },
      { kind: 'job', label: "Delete 'vm-j-3' on Lab host (queued)", jobId: 'j-3' },
    ]);
  });

  it("keeps menu labels to one short line and doubles '&' so Windows shows it", () => {
    const model = trayModel({
      appName: 'App',
      jobs: [job('j-1', 'running', { vmName: `R&D\nbuild ${'x'.repeat(80)}` })],
      hostName,
    });
    const label = model.items.find((item) => item.kind === 'job');
    expect(label).toMatchObject({ label: expect.stringMatching(/^Delete 'R&&D build x+…' on Lab host \(running\)$/) });
  });

  it('lists at most the configured number of jobs, then how many more', () => {
    const jobs = Array.from({ length: 14 }, (_, index) => job(`j-${index}`, 'queued'));
    const model = trayModel({ appName: 'App', jobs, hostName, maxJobItems: 10 });
    expect(model.items.filter((item) => item.kind === 'job')).toHaveLength(10);
    expect(model.items).toContainEqual({ kind: 'note', label: 'and 4 more in the jobs panel' });
    expect(model.title).toBe('');
    expect(model.tooltip).toBe('App: 0 jobs running, 14 queued');
  });
});
