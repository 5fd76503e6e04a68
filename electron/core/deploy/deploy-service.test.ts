import { describe, expect, it } from 'vitest';
import { AppException, appError } from '../../../shared/contract/errors';
import type { ResolvedHost } from '../hosts/bundle-port';
import type { ResultEvent } from '../powershell/agent-events';
import type { BundleManifest, VerifiedBundle } from './bundle-manifest';
import { DEFAULT_VERIFY_INTERVAL_MS, DeployService } from './deploy-service';
import type { HostScriptOptions, RunHostScript } from './host-script-runner';

// The deploy service with a fake host: what it asks the host, when it deploys, what it caches and for how long,
// how concurrent callers share one flight and how failures come back.

const FILES = [
  { path: 'A.ps1', sha256: 'a'.repeat(64), bytes: 3 },
  { path: 'HvAgent/B.ps1', sha256: 'b'.repeat(64), bytes: 4 },
];

function bundleOf(version: string): VerifiedBundle {
  return {
    bundle: 'hvagent',
    version,
    files: FILES,
    contents: new Map([
      ['A.ps1', Buffer.from('aaa')],
      ['HvAgent/B.ps1', Buffer.from('bbbb')],
    ]),
  };
}

class FakeBundle {
  current = bundleOf('0.1.0+aaaaaaaaaaaa');
  verifyCalls = 0;
  failVerify: AppException | null = null;
  async readManifest(): Promise<BundleManifest> {
    return this.current;
  }
  async verify(): Promise<VerifiedBundle> {
    this.verifyCalls += 1;
    if (this.failVerify) throw this.failVerify;
    return this.current;
  }
}

interface Call {
  script: 'check' | 'install';
  payload: Record<string, unknown>;
  options: HostScriptOptions | undefined;
}

/** A host whose installed bundles are a map version -> files; install writes what the payload carries. */
class FakeHost {
  installed = new Map<string, { path: string; sha256: string; bytes: number }[]>();
  calls: Call[] = [];
  /** Held runs: resolve them to let the script "finish". */
  gate: Promise<void> | null = null;
  corruptInstall = false;
  installError: AppException | null = null;

  readonly runScript: RunHostScript = async (_target, scriptPath, payload, options) => {
    const script = scriptPath.endsWith('check.ps1') ? 'check' : 'install';
    this.calls.push({ script, payload: { ...payload }, options });
    if (this.gate !== null) await this.gate;
    options?.signal?.throwIfAborted();
    const version = String(payload.version);
    if (script === 'install') {
      if (this.installError) throw this.installError;
      const files = payload.files as { path: string; sha256: string; bytes: number; content: string }[];
      this.installed.set(
        version,
        files.map((file) => ({
          path: file.path,
          sha256: this.corruptInstall ? '0'.repeat(64) : file.sha256,
          bytes: Buffer.from(file.content, 'base64').length,
        })),
      );
      return result({ version, files_written: files.length });
    }
    const files = this.installed.get(version);
    return result({
      version,
      root: `C:\\ProgramData\\HvAgent\\bundle\\${version}`,
      path: `C:\\ProgramData\\HvAgent\\bundle\\${version}`,
      present: files !== undefined,
      files: files ?? [],
      owner_trusted: files === undefined ? null : true,
    });
  };

  count(script: 'check' | 'install'): number {
    return this.calls.filter((call) => call.script === script).length;
  }
}

function result(bundle: Record<string, unknown>): ResultEvent {
  return { type: 'result', job_id: 'x', status: 'succeeded', error: null, bundle } as ResultEvent;
}

const HOST: ResolvedHost = {
  id: 'h1',
  displayName: 'HV01',
  address: 'hv01.contoso.local',
  connection: { transport: 'winrm', useSsl: false },
  secret: null,
};

function setup(options: { verifyIntervalMs?: number } = {}) {
  const bundle = new FakeBundle();
  const host = new FakeHost();
  let now = 1_000_000;
  const clock = { now: () => now };
  const service = new DeployService({
    bundle,
    runScript: host.runScript,
    scripts: { check: '/app/check.ps1', install: '/app/install.ps1' },
    clock,
    ...options,
  });
  return { bundle, host, service, advance: (ms: number) => (now += ms) };
}

async function failureOf(promise: Promise<unknown>): Promise<AppException> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppException);
  return error as AppException;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return (await failureOf(promise)).error.code;
}

describe('DeployService', () => {
  it('deploys a missing bundle: check, install the verified files, check again; then serves from the cache', async () => {
    const { host, service, bundle } = setup();
    const deployed = await service.ensureCurrent(HOST);
    expect(deployed).toEqual({
      version: '0.1.0+aaaaaaaaaaaa',
      bundleRoot: 'C:\\ProgramData\\HvAgent\\bundle\\0.1.0+aaaaaaaaaaaa',
    });
    expect(host.calls.map((call) => call.script)).toEqual(['check', 'install', 'check']);
    const install = host.calls[1]?.payload as { files: { path: string; content: string }[] };
    expect(install.files.map((file) => [file.path, Buffer.from(file.content, 'base64').toString()])).toEqual([
      ['A.ps1', 'aaa'],
      ['HvAgent/B.ps1', 'bbbb'],
    ]);
    expect(bundle.verifyCalls).toBe(1);

    await service.ensureCurrent(HOST);
    expect(host.calls).toHaveLength(3);
  });

  it('does not install when the host already has the current bundle', async () => {
    const { host, service, bundle } = setup();
    host.installed.set(bundle.current.version, FILES);
    await service.ensureCurrent(HOST);
    expect(host.calls.map((call) => call.script)).toEqual(['check']);
  });

  it('re-checks after verifyIntervalMs, and redeploys a file changed on the host', async () => {
    const { host, service, bundle, advance } = setup();
    await service.ensureCurrent(HOST);
    const files = host.installed.get(bundle.current.version) ?? [];
    files[1] = { path: 'HvAgent/B.ps1', sha256: 'c'.repeat(64), bytes: 4 };
    advance(DEFAULT_VERIFY_INTERVAL_MS - 1);
    await service.ensureCurrent(HOST);
    expect(host.calls).toHaveLength(3);
    advance(1);
    await service.ensureCurrent(HOST);
    expect(host.calls.map((call) => call.script)).toEqual(['check', 'install', 'check', 'check', 'install', 'check']);
    expect(host.installed.get(bundle.current.version)?.[1]?.sha256).toBe('b'.repeat(64));
  });

  it('re-checks after invalidate(hostId), after a new local version and after the host record changed', async () => {
    const { host, service, bundle } = setup();
    await service.ensureCurrent(HOST);
    service.invalidate('h1');
    await service.ensureCurrent(HOST);
    expect(host.count('check')).toBe(3);

    bundle.current = bundleOf('0.1.1+bbbbbbbbbbbb');
    const deployed = await service.ensureCurrent(HOST);
    expect(deployed.version).toBe('0.1.1+bbbbbbbbbbbb');
    expect(host.count('install')).toBe(2);

    await service.ensureCurrent({ ...HOST, address: 'hv01b.contoso.local' });
    expect(host.count('check')).toBe(6);
  });

  it('concurrent callers share one flight: one check, one install', async () => {
    const { host, service } = setup();
    let open!: () => void;
    host.gate = new Promise((resolve) => {
      open = resolve;
    });
    const calls = [service.ensureCurrent(HOST), service.ensureCurrent(HOST), service.ensureCurrent(HOST)];
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(host.calls).toHaveLength(1);
    host.gate = null;
    open();
    const results = await Promise.all(calls);
    expect(new Set(results.map((item) => item.bundleRoot)).size).toBe(1);
    expect(host.calls.map((call) => call.script)).toEqual(['check', 'install', 'check']);
  });

  it('hosts are independent: two hosts deploy in parallel', async () => {
    const { host, service } = setup();
    await Promise.all([service.ensureCurrent(HOST), service.ensureCurrent({ ...HOST, id: 'h2' })]);
    expect(host.count('install')).toBe(2);
  });

  it('fails with bundle_verification_failed when the host still differs after deploying', async () => {
    const { host, service } = setup();
    host.corruptInstall = true;
    const error = await failureOf(service.ensureCurrent(HOST));
    expect(error.error.code).toBe('bundle_verification_failed');
    expect(error.message).toContain('changed: A.ps1, HvAgent/B.ps1');
    // Nothing was cached: the next call tries again.
    host.corruptInstall = false;
    await service.ensureCurrent(HOST);
    expect(host.count('install')).toBe(2);
  });

  it('turns a hash mismatch found by the install script into bundle_verification_failed', async () => {
    const { host, service } = setup();
    host.installError = new AppException(
      appError('script_failed', 'the staged file A.ps1 does not match', { hostCode: 'bundle_hash_mismatch' }),
    );
    expect(await codeOf(service.ensureCurrent(HOST))).toBe('bundle_verification_failed');
    // The host's changed copy could not be replaced (an immutable folder): no verified bundle there either.
    host.installError = new AppException(
      appError('script_failed', 'Access to the path is denied', { hostCode: 'bundle_install_failed' }),
    );
    expect(await codeOf(service.ensureCurrent(HOST))).toBe('bundle_verification_failed');
    host.installError = new AppException(appError('host_unreachable', 'no route'));
    expect(await codeOf(service.ensureCurrent(HOST))).toBe('host_unreachable');
  });

  it('never sends a local bundle that does not match its manifest', async () => {
    const { host, service, bundle } = setup();
    bundle.failVerify = new AppException(appError('bundle_verification_failed', 'changed: A.ps1'));
    expect(await codeOf(service.ensureCurrent(HOST))).toBe('bundle_verification_failed');
    expect(host.calls).toEqual([]);
  });

  it('a malformed check result is a protocol_error', async () => {
    const bundle = new FakeBundle();
    const service = new DeployService({
      bundle,
      runScript: async () => result({ version: 'x' }),
      scripts: { check: '/app/check.ps1', install: '/app/install.ps1' },
    });
    expect(await codeOf(service.ensureCurrent(HOST))).toBe('protocol_error');
  });

  it('an aborted caller gets cancelled; the flight stops only when every caller gave up', async () => {
    const { host, service } = setup();
    let open!: () => void;
    host.gate = new Promise((resolve) => {
      open = resolve;
    });
    const first = new AbortController();
    const second = new AbortController();
    const one = service.ensureCurrent(HOST, first.signal);
    const two = service.ensureCurrent(HOST, second.signal);
    await new Promise((resolve) => setTimeout(resolve, 10));
    first.abort();
    expect(await codeOf(one)).toBe('cancelled');
    expect(host.calls[0]?.options?.signal?.aborted).toBe(false);
    second.abort();
    expect(await codeOf(two)).toBe('cancelled');
    expect(host.calls[0]?.options?.signal?.aborted).toBe(true);
    host.gate = null;
    open();
    // A new caller starts afresh once the stopped flight has ended.
    await service.ensureCurrent(HOST);
    expect(host.count('install')).toBe(1);
  });

  it('an already aborted signal is refused at once', async () => {
    const { host, service } = setup();
    expect(await codeOf(service.ensureCurrent(HOST, AbortSignal.abort()))).toBe('cancelled');
    expect(host.calls).toEqual([]);
  });

  it('invalidate during a flight: its outcome is not cached', async () => {
    const { host, service } = setup();
    let open!: () => void;
    host.gate = new Promise((resolve) => {
      open = resolve;
    });
    const pending = service.ensureCurrent(HOST);
    await new Promise((resolve) => setTimeout(resolve, 10));
    service.invalidate('h1');
    host.gate = null;
    open();
    await pending;
    await service.ensureCurrent(HOST);
    expect(host.count('check')).toBe(3);
  });
});
