// Injection campaign (issue 5): hostile VM names, host names, user names, passwords, key paths and file paths
// (quotes, $(), backticks, ; | &, newlines, NUL, RTL and zero-width unicode, very long) through every path to a
// host: hosts.add/update/test over the lab, ssh (the ssh-lab server) and winrm transports, the inventory of a lab
// whose scenario holds VMs with hostile names and folders, planDelete, submitLifecycle, submitDelete, export.
// Every hostile string embeds a command that would create a canary file; none may exist at the end, and the
// hostile VMs must be handled exactly: each deleted, with only its planned files gone and the other VMs untouched.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf } from '../electron/core/integration/support/contract-calls';
import { changesBetween, readSandboxTree, type SandboxTree } from '../electron/core/integration/support/sandbox-files';
import { repoRoot } from '../electron/core/integration/support/test-core';
import {
  type SshTestHost,
  sshTestHostUnavailableReason,
  startSshTestHost,
} from '../electron/core/ssh-lab/ssh-test-host';
import type { DeletePlan } from '../shared/contract/delete-plan';
import { isAppException } from '../shared/contract/errors';
import type { HostDraft } from '../shared/contract/hosts';
import type { JobInfo } from '../shared/contract/jobs';
import { reportFigure } from './support/figure';
import { type CampaignCore, startCampaignCore } from './support/hostile-core';
import { type HostileVm, hostileVms, writeHostileScenario } from './support/hostile-scenario';
import { existingCanaries, HostileStrings } from './support/hostile-strings';

const runId = randomBytes(4).toString('hex');
const runDir = join(tmpdir(), `hv-inject-${runId}`);
const hostile = new HostileStrings(join(runDir, 'canaries'), runId);
/** Every path to the host a hostile string went through, with how many went that way. */
const paths = new Map<string, number>();
const through = (path: string, count = 1) => paths.set(path, (paths.get(path) ?? 0) + count);

let ssh: SshTestHost;
let app: CampaignCore;
let vms: HostileVm[];
let before: SandboxTree;
const plans = new Map<string, DeletePlan>();
const deleteJobs: JobInfo[] = [];

/** A typed outcome of a call: its value, or the code of its refusal (never anything untyped). */
async function outcome<T>(call: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; code: string }> {
  try {
    return { ok: true, value: await call };
  } catch (error) {
    if (!isAppException(error)) throw error;
    return { ok: false, code: error.error.code };
  }
}

beforeAll(async () => {
  mkdirSync(runDir, { recursive: true });
  expect(sshTestHostUnavailableReason(), 'the ssh-lab server (openssh-server, root)').toBeNull();
  ssh = await startSshTestHost();
  const nul = hostile.names(1)[0];
  // Every template in 5 names (4 each), so the lab deletes few VMs; plus NUL (the contract allows any character in
  // a VM name) and the longest name the contract takes, with its command at the end.
  const names = [...hostile.combined(5, 4).map((h) => h.text), `nul\u0000${nul?.text ?? ''}`, hostile.long(1024).text];
  vms = hostileVms(
    names,
    hostile.segments(7).map((h) => h.text),
  );
  app = await startCampaignCore({ labScenarioPath: writeHostileScenario(runDir, vms), sshHost: ssh });
}, 180_000);

afterAll(async () => {
  await app?.dispose();
  await ssh?.stop();
  rmSync(runDir, { recursive: true, force: true });
});

describe('injection', () => {
  it('host display names, user names, passwords and key paths over lab, ssh and winrm', async () => {
    // The lab host renamed: its name reaches events, notifications and every job's record.
    for (const name of hostile.names(6, 255)) {
      const renamed = await app.call['hosts.update']({ id: 'lab', displayName: name.text });
      expect(renamed.displayName).toBe(name.text);
      through('lab host display name (hosts.update)');
    }
    const labTest = await app.call['hosts.test']({ kind: 'saved', hostId: 'lab' });
    expect(labTest.status.reachable).toBe(true);
    through('lab host test (hosts.test saved)');

    // An ssh host with a hostile display name and the right key: added, tested, reachable.
    const sshName = hostile.names(1, 255)[0]?.text ?? '';
    const sshHost = await app.call['hosts.add']({
      displayName: sshName,
      address: ssh.host,
      connection: { transport: 'ssh', username: ssh.user, port: ssh.port, keyPath: ssh.keyFilePath },
    });
    expect(sshHost.displayName).toBe(sshName);
    through('ssh host display name (hosts.add)');
    const sshTest = await app.call['hosts.test']({ kind: 'saved', hostId: sshHost.id });
    expect(sshTest.status.reachable, JSON.stringify(sshTest.status.error)).toBe(true);
    through('ssh host test (hosts.test saved, real sshd)');

    // Hostile user names and key paths against the real sshd; hostile users and passwords over winrm (no WinRM
    // here: the connection fails). Each answer is typed: a refusal of the value, or a failed connection.
    const drafts: [string, HostDraft][] = [
      ...hostile.names(5, 256).map((user): [string, HostDraft] => [
        'ssh user name (hosts.test draft, real sshd)',
        {
          displayName: 'ssh user',
          address: ssh.host,
          connection: { transport: 'ssh', username: user.text, port: ssh.port, keyPath: ssh.keyFilePath },
        },
      ]),
      ...hostile.names(2).map((key): [string, HostDraft] => [
        'ssh key path (hosts.test draft, real sshd)',
        {
          displayName: 'ssh key',
          address: ssh.host,
          connection: { transport: 'ssh', username: ssh.user, port: ssh.port, keyPath: join(runDir, key.text) },
        },
      ]),
      ...hostile.names(3, 256).map((user, index): [string, HostDraft] => [
        'winrm user name and password (hosts.test draft)',
        {
          displayName: 'winrm',
          address: '127.0.0.1',
          connection: { transport: 'winrm', useSsl: false, port: 1, username: user.text },
          secret: hostile.names(1)[0]?.text ?? `p${index}`,
        },
      ]),
    ];
    const answers = await Promise.all(
      drafts.map(([, host]) => outcome(app.call['hosts.test']({ kind: 'draft', host }))),
    );
    for (const [index, answer] of answers.entries()) {
      const [path] = drafts[index] as [string, HostDraft];
      // Never signed in as someone else: a typed failure (sign-in refused, host unreachable), or a refused value.
      if (answer.ok) expect(answer.value.status.error?.code, path).toMatch(/^[a-z_]+$/);
      else expect(answer.code, path).toBe('validation_failed');
      through(path);
    }

    // Addresses have a narrow alphabet: every hostile one is refused before anything runs.
    for (const address of hostile.names(5, 253)) {
      const refused = await codeOf(
        app.call['hosts.add']({ displayName: 'x', address: address.text, connection: { transport: 'local' } }),
      );
      expect(refused).toBe('validation_failed');
      through('host address (hosts.add, refused by the schema)');
    }
    await app.call['hosts.remove']({ hostId: sshHost.id });
  });

  it('the inventory shows every hostile VM with its exact name, folder and disk', async () => {
    const snapshot = (await app.call['inventory.refresh']({ hostIds: ['lab'] })).snapshots[0];
    expect(snapshot?.error ?? null).toBeNull();
    for (const vm of vms) {
      const seen = snapshot?.vms.find((candidate) => candidate.id === vm.id);
      expect(seen?.name, vm.name.slice(0, 60)).toBe(vm.name);
      expect(seen?.path).toBe(vm.folder);
      expect(seen?.disks.map((disk) => disk.path)).toEqual([vm.disk]);
    }
    through('VM name, folder and disk file (inventory)', vms.length);
    before = readSandboxTree(app.sandbox());
  });

  it('planDelete names each VM and its files as data', async () => {
    for (const vm of vms) {
      const { plan } = await app.call['jobs.planDelete']({ hostId: 'lab', vmId: vm.id, vmName: vm.name, force: true });
      expect(plan.vm.name).toBe(vm.name);
      expect(
        plan.filesToDelete.map((file) => file.path),
        vm.name.slice(0, 60),
      ).toContain(vm.disk);
      plans.set(vm.id, plan);
    }
    through('VM name and paths (jobs.planDelete)', vms.length);
  });

  it('submitLifecycle acts on the hostile VMs', async () => {
    const running = vms.filter((vm) => vm.state === 'Running');
    const off = vms.filter((vm) => vm.state === 'Off').slice(0, 1);
    const jobs = [
      ...(await Promise.all(
        running.map((vm) =>
          app.call['jobs.submitLifecycle']({ hostId: 'lab', vmId: vm.id, vmName: vm.name, action: 'turnoff' }),
        ),
      )),
      ...(await Promise.all(
        off.map((vm) =>
          app.call['jobs.submitLifecycle']({ hostId: 'lab', vmId: vm.id, vmName: vm.name, action: 'start' }),
        ),
      )),
    ];
    await app.core.services.jobs.whenIdle();
    for (const submitted of jobs) {
      const { job } = await app.call['jobs.get']({ jobId: submitted.id });
      expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    }
    through('VM name (jobs.submitLifecycle)', jobs.length);
  });

  it('submitDelete deletes exactly the hostile VMs and their planned files', async () => {
    const submitted = await app.call['jobs.submitDelete']({
      targets: vms.map((vm) => ({ hostId: 'lab', vmId: vm.id, vmName: vm.name, force: true })),
    });
    for (const item of submitted.items) {
      if (!item.outcome.ok) throw new Error(`refused: ${JSON.stringify(item.outcome.error)}`);
      deleteJobs.push(item.outcome.value);
    }
    await app.core.services.jobs.whenIdle();
    for (const [index, vm] of vms.entries()) {
      const { job } = await app.call['jobs.get']({ jobId: deleteJobs[index]?.id ?? '' });
      expect(job.status, `${vm.name.slice(0, 60)}: ${JSON.stringify(job.error)}`).toBe('succeeded');
      expect(job.vmName).toBe(vm.name);
    }
    through('VM name (jobs.submitDelete)', vms.length);

    const state = JSON.parse(readFileSync(join(app.sandbox(), 'state.json'), 'utf8')) as { vms: { name: string }[] };
    expect(state.vms.map((vm) => vm.name).sort()).toEqual(['db01', 'web01']);
    const listed = (await app.call['inventory.list']({ hostId: 'lab' })).snapshots[0]?.vms ?? [];
    expect(listed.map((vm) => vm.name).sort()).toEqual(['db01', 'web01']);

    // Exactly the planned files went; nothing of db01 or web01 was touched.
    const changes = changesBetween(before, readSandboxTree(app.sandbox()));
    const planned = new Set([...plans.values()].flatMap((plan) => plan.filesToDelete.map((file) => file.path)));
    expect(changes.removedFiles.length).toBeGreaterThan(0);
    expect(changes.removedFiles.filter((path) => !planned.has(path))).toEqual([]);
    expect([...changes.addedFiles, ...changes.changedFiles, ...changes.addedFolders]).toEqual([]);
    const prunable = new Set([...plans.values()].flatMap((plan) => plan.foldersToPrune));
    expect(changes.removedFolders.filter((path) => !prunable.has(path))).toEqual([]);
  });

  it('export carries each name as data, in a safe file name', async () => {
    for (const job of deleteJobs) {
      const text = await app.call['jobs.export']({ jobId: job.id, format: 'text', destination: 'content' });
      const json = await app.call['jobs.export']({ jobId: job.id, format: 'json', destination: 'content' });
      const saved = await app.call['jobs.export']({ jobId: job.id, format: 'json', destination: 'save_dialog' });
      if (text.kind !== 'content' || json.kind !== 'content' || saved.kind !== 'saved') throw new Error('not exported');
      expect((JSON.parse(json.content) as { job: JobInfo }).job.vmName).toBe(job.vmName);
      expect(saved.fileName).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*\.json$/);
      const file = JSON.parse(readFileSync(join(app.exportsDir, saved.fileName), 'utf8')) as { job: JobInfo };
      expect(file.job.vmName).toBe(job.vmName);
    }
    through('VM and host names (jobs.export text, json, saved file)', deleteJobs.length * 3);
  });

  it('no canary exists', () => {
    const found = existingCanaries(hostile.all, {
      top: [process.cwd(), repoRoot, tmpdir(), runDir, app.exportsDir],
      deep: [app.dataDir, ssh.sandboxPath, runDir],
    });
    expect(found).toEqual([]);
    expect(app.events.invalid).toEqual([]);
    const routes = [...paths.values()].reduce((sum, count) => sum + count, 0);
    reportFigure(
      'injection',
      `${hostile.all.length} hostile strings over ${paths.size} paths to the host (${routes} uses; ` +
        `${vms.length} hostile VMs inventoried, planned, deleted exactly): 0 canaries`,
    );
  });
});
