// Secrets campaign (issue 5): after runs with credentialed hosts (a WinRM host whose password is stored, tested and
// replaced while its connection fails; SSH hosts against the ssh-lab server, offered a password and a key whose
// passphrase is the secret), plus jobs that succeed and fail on the lab host and their exports, no secret may be
// anywhere: not in any file of the app's data folder (settings and hosts, job store, output logs, inventory,
// exports, the lab), not in the ssh-lab server's files and log, not in any call's answer or event, not in what
// the test process printed. Searched byte for byte and as base64 (3 alignments), UTF-16LE/BE, JSON-escaped and
// URL-encoded. The secrets are random and distinctive; a positive control proves the search finds each encoding.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf } from '../electron/core/integration/support/contract-calls';
import { fastLabScenario, newDataDir } from '../electron/core/integration/support/test-core';
import {
  type SshTestHost,
  sshTestHostUnavailableReason,
  startSshTestHost,
} from '../electron/core/ssh-lab/ssh-test-host';
import { reportFigure } from './support/figure';
import { type CampaignCore, startCampaignCore } from './support/hostile-core';
import { type CapturedOutput, captureOutput } from './support/secret-output';
import { newTally, type SearchTally, searchBytes, searchFolder, secretNeedles } from './support/secret-search';

/** Distinctive, random, and with characters every escaping changes (quote, backslash, &, +, /, %, space, é). */
const newSecret = (tag: string) => `hv${tag}-${randomBytes(12).toString('base64url')}"\\&+/% é`;
const SECRETS = [newSecret('pw'), newSecret('pw2'), newSecret('pp'), newSecret('ssh')];
const [WINRM_PASSWORD, WINRM_NEW_PASSWORD, KEY_PASSPHRASE, SSH_PASSWORD] = SECRETS as [string, string, string, string];
const DB01 = { hostId: 'lab', vmId: '7f4d2a90-3c61-4e8b-a2d7-5b9e0c1f6a12', vmName: 'db01' };
const WEB01 = { hostId: 'lab', vmId: '2c3e0f7a-1d5b-4a51-9f0e-7c1d2b3a4e01', vmName: 'web01' };

const runDir = join(tmpdir(), `hv-secrets-${randomBytes(4).toString('hex')}`);
let output: CapturedOutput;
let ssh: SshTestHost;
let app: CampaignCore;
/** Every answer and refusal the calls gave, as the renderer would have received them. */
const transcript: unknown[] = [];

async function record<T>(call: Promise<T>): Promise<T | null> {
  try {
    const value = await call;
    transcript.push(value);
    return value;
  } catch (error) {
    transcript.push(error instanceof Error && 'error' in error ? error.error : String(error));
    return null;
  }
}

beforeAll(async () => {
  output = captureOutput();
  mkdirSync(runDir, { recursive: true });
  expect(sshTestHostUnavailableReason(), 'the ssh-lab server (openssh-server, root)').toBeNull();
  ssh = await startSshTestHost();
  const dataDir = newDataDir('hv-secrets-data-');
  app = await startCampaignCore({ dataDir, labScenarioPath: fastLabScenario(dataDir), sshHost: ssh });
}, 180_000);

afterAll(async () => {
  output?.stop();
  await app?.dispose();
  await ssh?.stop();
  rmSync(runDir, { recursive: true, force: true });
});

describe('secrets', () => {
  it('a WinRM host keeps its password through add, test, replace, read and jobs refused', async () => {
    const host = await record(
      app.call['hosts.add']({
        displayName: 'HV-WINRM',
        address: '127.0.0.1',
        connection: { transport: 'winrm', useSsl: false, port: 1, username: 'CONTOSO\\svc-hv' },
        secret: WINRM_PASSWORD,
      }),
    );
    expect(host?.hasSecret).toBe(true);
    const hostId = host?.id ?? '';
    const tested = await record(app.call['hosts.test']({ kind: 'saved', hostId }));
    expect(tested?.status.reachable).toBe(false);
    const draft = await record(
      app.call['hosts.test']({
        kind: 'draft',
        host: {
          displayName: 'HV-WINRM',
          address: '127.0.0.1',
          connection: { transport: 'winrm', useSsl: true, username: 'u' },
        },
        useSecretOf: hostId,
      }),
    );
    expect(draft?.status.reachable).toBe(false);
    expect((await record(app.call['hosts.update']({ id: hostId, secret: WINRM_NEW_PASSWORD })))?.hasSecret).toBe(true);
    await record(app.call['hosts.test']({ kind: 'saved', hostId }));
    const snapshot = (await record(app.call['inventory.refresh']({ hostIds: [hostId] })))?.snapshots[0];
    expect(snapshot?.error).not.toBeNull();
    const refused = await codeOf(
      app.call['jobs.submitLifecycle']({ hostId, vmId: DB01.vmId, vmName: 'db01', action: 'start' }),
    );
    expect(refused).toBe('vm_not_found');
    transcript.push(refused);
  });

  it('SSH hosts: a password is refused, a key with a passphrase fails to sign in, the plain key works', async () => {
    const connection = { transport: 'ssh' as const, username: ssh.user, port: ssh.port, keyPath: ssh.keyFilePath };
    expect(
      await codeOf(
        app.call['hosts.add']({ displayName: 'HV-SSH-PW', address: ssh.host, connection, secret: SSH_PASSWORD }),
      ),
    ).toBe('validation_failed');
    const host = await record(app.call['hosts.add']({ displayName: 'HV-SSH', address: ssh.host, connection }));
    expect((await record(app.call['hosts.test']({ kind: 'saved', hostId: host?.id ?? '' })))?.status.reachable).toBe(
      true,
    );
    expect(await codeOf(app.call['hosts.update']({ id: host?.id ?? '', secret: SSH_PASSWORD }))).toBe(
      'validation_failed',
    );
    const draft = { displayName: 'HV-SSH-2', address: ssh.host, connection, secret: SSH_PASSWORD };
    expect(await codeOf(app.call['hosts.test']({ kind: 'draft', host: draft }))).toBe('validation_failed');

    // A key protected by a passphrase (the secret): runs never prompt, so signing in fails, typed.
    const lockedKey = join(runDir, 'id_locked');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', KEY_PASSPHRASE, '-f', lockedKey], { stdio: 'ignore' });
    const locked = await record(
      app.call['hosts.test']({
        kind: 'draft',
        host: { displayName: 'HV-SSH-LOCKED', address: ssh.host, connection: { ...connection, keyPath: lockedKey } },
      }),
    );
    // The host answered (reachable) and refused the key: the test says so, typed.
    expect(locked?.status.error?.code).toBe('authentication_failed');
    // The locked key file itself holds (encrypted) key material, not the passphrase; it is not the app's and is
    // removed before the search of the run folder.
    rmSync(lockedKey);
  });

  it('jobs that succeed and fail on the lab host, retried and exported', async () => {
    const lab = app.core.services.labs.forHost('lab');
    await lab.faults.inject({ commandName: 'Remove-VM', target: 'web01', kind: 'fail', message: 'injected', count: 1 });
    const submitted = await record(
      app.call['jobs.submitDelete']({
        targets: [
          { ...DB01, force: false },
          { ...WEB01, force: true },
        ],
      }),
    );
    await app.core.services.jobs.whenIdle();
    const jobIds = (submitted?.items ?? []).flatMap((item) => (item.outcome.ok ? [item.outcome.value.id] : []));
    expect(jobIds).toHaveLength(2);
    const statuses = await Promise.all(jobIds.map(async (jobId) => (await app.call['jobs.get']({ jobId })).job.status));
    expect(statuses).toEqual(['succeeded', 'failed']);
    const retry = await record(app.call['jobs.retry']({ jobId: jobIds[1] ?? '' }));
    await app.core.services.jobs.whenIdle();
    for (const jobId of [...jobIds, retry?.id ?? '']) {
      await record(app.call['jobs.get']({ jobId, output: { from: 0, limit: 10_000 } }));
      for (const format of ['text', 'json'] as const) {
        await record(app.call['jobs.export']({ jobId, format, destination: 'content' }));
        await record(app.call['jobs.export']({ jobId, format, destination: 'save_dialog' }));
      }
    }
    await record(app.call['jobs.list']({}));
    await record(app.call['hosts.list']({}));
    await record(app.call['inventory.list']({}));
  });

  it('no secret anywhere', async () => {
    const needles = SECRETS.flatMap(secretNeedles);
    const encodings = new Set(needles.map((needle) => needle.encoding)).size;

    // Positive control: every needle is found when it is there, inside other bytes.
    const control = newTally();
    for (const needle of needles) {
      searchBytes(needle.encoding, Buffer.concat([randomBytes(7), needle.bytes, randomBytes(5)]), [needle], control);
    }
    expect(control.hits).toHaveLength(needles.length);

    await app.core.stop();
    const tally: SearchTally = newTally();
    searchFolder(app.dataDir, needles, tally);
    searchFolder(ssh.dir, needles, tally);
    searchFolder(runDir, needles, tally);
    searchBytes('sshd log', Buffer.from(ssh.log()), needles, tally);
    searchBytes('call answers', Buffer.from(JSON.stringify(transcript)), needles, tally);
    searchBytes('events', Buffer.from(JSON.stringify(app.events.events)), needles, tally);
    searchBytes('test output', Buffer.from(output.text()), needles, tally);
    expect(tally.hits).toEqual([]);
    expect(app.events.invalid).toEqual([]);
    // The store really holds a credential (ciphertext), so the search looked where a leak would be.
    expect(JSON.stringify(transcript)).toContain('"hasSecret":true');

    reportFigure(
      'secrets',
      `${tally.files} files, ${tally.bytes} bytes searched for ${SECRETS.length} secrets in ${encodings} encodings: ` +
        `${tally.hits.length} hits`,
    );
  });
});
