// Exports (C10) carry the job's metadata and its whole log; nothing the engine writes or sends carries a secret.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jobExportDocumentSchema } from '../../../shared/contract/job-export';
import type { JobInfo } from '../../../shared/contract/jobs';
import type { ExportSaver } from './job-ports';
import { deleteResultLine, log, planLine, stepLine } from './test-support/agent-lines';
import { createTestEngine, HOST_A, type TestEngine, VM_1 } from './test-support/engine';
import { FAKE_HOST_SECRET } from './test-support/fake-executor';

let engine: TestEngine;
const LOCKED = 'C:\\VMs\\web01\\web01.vhdx';

beforeEach(async () => {
  engine = await createTestEngine();
  engine.inventory.addVm(HOST_A, VM_1, 'web01', 'Off');
  engine.executor.behaviour = async (run) => {
    const id = run.jobId;
    run.print(log('validating web01'), stepLine(id, 'validate', 'started'), stepLine(id, 'validate', 'succeeded'));
    run.print(planLine(id, VM_1, 'web01'));
    run.printErr('WARNING: slow disk');
    run.print(stepLine(id, 'disks', 'failed', `could not delete '${LOCKED}'`));
    run.print(
      deleteResultLine(id, {
        code: 'file_locked',
        message: `could not delete '${LOCKED}'`,
        step: 'disks',
        object: LOCKED,
      }),
    );
    return run.exit(1);
  };
});
afterEach(async () => {
  await engine.close();
});

async function failedJob(): Promise<JobInfo> {
  const { items } = await engine.service.submitDelete({
    targets: [{ hostId: HOST_A, vmId: VM_1, vmName: 'web01', force: true }],
  });
  const outcome = items[0]?.outcome;
  if (!outcome?.ok) throw new Error('refused');
  await engine.service.whenIdle();
  return (await engine.service.get({ jobId: outcome.value.id })).job;
}

async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

describe('export', () => {
  it('as text: a header with the job metadata, the steps and the error, then every output line in order', async () => {
    const job = await failedJob();
    const result = await engine.service.export({ jobId: job.id, format: 'text', destination: 'content' });
    if (result.kind !== 'content') throw new Error(result.kind);
    expect(result.mimeType).toBe('text/plain');
    expect(result.suggestedFileName).toBe(`web01-delete_vm-${job.id}.log`);
    const text = result.content;
    for (const expected of [
      `Job:          ${job.id}`,
      'Type:         delete_vm',
      `Host:         ${HOST_A}`,
      `VM:           web01 (${VM_1})`,
      'Parameters:   force=true, mode=execute',
      'Status:       failed',
      'Requested by: CONTOSO\\admin',
      `Created:      ${job.createdAt}`,
      `Error:        [script_failed] could not delete '${LOCKED}' (host code file_locked, step disks, object ${LOCKED})`,
      '  [succeeded] validate: Validate the request',
      `  [failed] disks: Detach and delete disks - could not delete '${LOCKED}'`,
      'Output:       7 lines',
    ]) {
      expect(text).toContain(`${expected}\n`);
    }
    const { lines } = await engine.service.getOutput({ jobId: job.id, from: 0, limit: 100 });
    const body = text.slice(text.indexOf('Output:')).split('\n').slice(2, -1);
    expect(body).toEqual(lines.map((line) => `${line.ts} ${line.stream.padEnd(5)} ${line.text}`));
    expect(body[4]).toContain('err   WARNING: slow disk');
  });

  it('as JSON: the contract document with the job record and the whole output', async () => {
    const job = await failedJob();
    const result = await engine.service.export({ jobId: job.id, format: 'json', destination: 'content' });
    if (result.kind !== 'content') throw new Error(result.kind);
    expect(result.mimeType).toBe('application/json');
    const document = jobExportDocumentSchema.parse(JSON.parse(result.content));
    expect(document.job).toEqual(job);
    expect(document.app).toEqual({ name: 'Hyper-V VM Deleter', version: '0.1.0-test' });
    expect(document.output).toEqual((await engine.service.getOutput({ jobId: job.id, from: 0, limit: 100 })).lines);
    expect(document.output).toHaveLength(7);
  });

  it('saves through main save dialog when asked, and refuses it when there is none', async () => {
    const job = await failedJob();
    await expect(
      engine.service.export({ jobId: job.id, format: 'text', destination: 'save_dialog' }),
    ).rejects.toMatchObject({
      error: { code: 'export_failed' },
    });
    const saved: string[] = [];
    const saver: ExportSaver = {
      save: async (name, content) => {
        saved.push(name, content.slice(0, 2));
        return { kind: 'saved', fileName: name };
      },
    };
    await engine.close();
    engine = await createTestEngine({ exportSaver: saver });
    engine.inventory.addVm(HOST_A, VM_1, 'web01', 'Off');
    const other = await failedJob();
    const result = await engine.service.export({ jobId: other.id, format: 'json', destination: 'save_dialog' });
    expect(result).toEqual({ kind: 'saved', fileName: `web01-delete_vm-${other.id}.json` });
    expect(saved).toEqual([`web01-delete_vm-${other.id}.json`, '{\n']);
  });

  it('keeps a hostile VM name on one header line', async () => {
    const hostile = 'evil\nStatus:       succeeded';
    engine.inventory.addVm(HOST_A, VM_1, hostile, 'Off');
    const { items } = await engine.service.submitDelete({
      targets: [{ hostId: HOST_A, vmId: VM_1, vmName: hostile, force: false }],
    });
    if (!items[0]?.outcome.ok) throw new Error('refused');
    await engine.service.whenIdle();
    const result = await engine.service.export({
      jobId: items[0].outcome.value.id,
      format: 'text',
      destination: 'content',
    });
    if (result.kind !== 'content') throw new Error(result.kind);
    expect(result.content.match(/^Status: /gm)).toHaveLength(1);
    expect(result.content).toContain('VM:           evil Status:       succeeded (');
  });

  it('lets no secret out: not in job records, events, exports or any file the engine wrote', async () => {
    expect(engine.executor.environment.HVAGENT_PASSWORD).toBe(FAKE_HOST_SECRET);
    const job = await failedJob();
    const exports = await Promise.all(
      (['text', 'json'] as const).map((format) =>
        engine.service.export({ jobId: job.id, format, destination: 'content' }),
      ),
    );
    const seen = [
      JSON.stringify(exports),
      JSON.stringify(engine.events.all),
      JSON.stringify(engine.store.list()),
      JSON.stringify(engine.executor.runs.map((run) => run.payload)),
    ];
    await engine.outputs.closeAll();
    await engine.store.compact();
    for (const file of await allFiles(engine.dir)) seen.push(await readFile(file, 'utf8'));
    expect(seen.length).toBeGreaterThan(5);
    for (const text of seen) expect(text).not.toContain(FAKE_HOST_SECRET);
    // The check itself can fail: the secret is found where it is.
    expect(JSON.stringify(engine.executor.environment)).toContain(FAKE_HOST_SECRET);
  });

  it('answers job_not_found for an unknown job', async () => {
    await expect(
      engine.service.export({ jobId: 'j-none', format: 'json', destination: 'content' }),
    ).rejects.toMatchObject({
      error: { code: 'job_not_found' },
    });
  });
});
