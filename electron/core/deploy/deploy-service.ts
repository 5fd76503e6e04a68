// Makes sure a host runs the current agent bundle before a script of it is dispatched there (C6). Per host: ask the
// host for the hashes of its installed copy (one read-only script run), compare them with the local manifest, and
// when missing or different send the files (base64, in the piped payload), have the host stage, verify and move
// them into place, then check the host again. One flight per host at a time: concurrent callers share it. The
// outcome is cached per host until the local bundle version changes, the host's record changes, invalidate() is
// called, or verifyIntervalMs has passed (why not before every job: README.md in this folder).
import { AppException } from '../../../shared/contract/errors';
import type { BundleDeployer, ResolvedHost } from '../hosts/bundle-port';
import type { Clock } from '../ports';
import type { BundleManifest, LocalBundle, VerifiedBundle } from './bundle-manifest';
import { deployFailure } from './deploy-errors';
import { differencesFromManifest, type HostBundleState, readHostBundleState } from './host-bundle-state';
import type { HostScriptOptions, RunHostScript } from './host-script-runner';

export interface DeployedBundle {
  /** Where the entry scripts are, as the host's PowerShell reaches them (the sandbox path for the lab host). */
  bundleRoot: string;
  version: string;
}

export interface DeployScripts {
  /** Absolute path of scripts/Get-AgentBundleState.ps1 as shipped. */
  check: string;
  /** Absolute path of scripts/Install-AgentBundle.ps1 as shipped. */
  install: string;
}

export interface DeployServiceOptions {
  bundle: Pick<LocalBundle, 'readManifest' | 'verify'>;
  runScript: RunHostScript;
  scripts: DeployScripts;
  clock?: Clock;
  /** How long a host's verified bundle is trusted without asking the host again. */
  verifyIntervalMs?: number;
  checkTimeoutMs?: number;
  installTimeoutMs?: number;
}

export const DEFAULT_VERIFY_INTERVAL_MS = 5 * 60_000;
const DEFAULT_CHECK_TIMEOUT_MS = 2 * 60_000;
const DEFAULT_INSTALL_TIMEOUT_MS = 10 * 60_000;
/** Windows PowerShell 5.1's ConvertFrom-Json refuses JSON over 2 MiB characters (JavaScriptSerializer's limit). */
const MAX_INSTALL_JSON_CHARS = 2_000_000;

interface CacheEntry extends DeployedBundle {
  fingerprint: string;
  verifiedAt: number;
}

interface Flight {
  fingerprint: string;
  version: string;
  promise: Promise<DeployedBundle>;
  controller: AbortController;
  /** Callers waiting with a signal; when all of them gave up (and none waits without one), the flight stops. */
  waiting: number;
  pinned: boolean;
}

const noop = () => undefined;

/** Anything about how the host is reached: a changed record must not reuse another target's verification. */
function fingerprintOf(target: ResolvedHost): string {
  return JSON.stringify([target.address, target.connection]);
}

function cancelled(hostId: string): AppException {
  return deployFailure('cancelled', 'Preparing the host was cancelled.', hostId);
}

export class DeployService implements BundleDeployer {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly flights = new Map<string, Flight>();
  /** Every flight still running per host, joinable or not (a stopped one may still be winding down). */
  private readonly running = new Map<string, Promise<void>>();
  /** Bumped by invalidate(): a flight that started before must not cache its outcome. */
  private readonly generations = new Map<string, number>();
  private readonly clock: Clock;

  constructor(private readonly options: DeployServiceOptions) {
    this.clock = options.clock ?? { now: Date.now };
  }

  async ensureCurrent(target: ResolvedHost, signal?: AbortSignal): Promise<DeployedBundle> {
    if (signal?.aborted) throw cancelled(target.id);
    const manifest = await this.options.bundle.readManifest();
    const fingerprint = fingerprintOf(target);
    const cached = this.cache.get(target.id);
    const interval = this.options.verifyIntervalMs ?? DEFAULT_VERIFY_INTERVAL_MS;
    if (
      cached !== undefined &&
      cached.fingerprint === fingerprint &&
      cached.version === manifest.version &&
      this.clock.now() - cached.verifiedAt < interval
    ) {
      return { bundleRoot: cached.bundleRoot, version: cached.version };
    }
    let flight = this.flights.get(target.id);
    if (flight === undefined || flight.fingerprint !== fingerprint || flight.version !== manifest.version) {
      flight = this.startFlight(target, manifest, fingerprint);
    }
    return this.join(flight, target.id, signal);
  }

  /** Forget what is known about a host's bundle (a run reported it missing or changed): the next call checks. */
  invalidate(hostId: string): void {
    this.cache.delete(hostId);
    this.generations.set(hostId, (this.generations.get(hostId) ?? 0) + 1);
  }

  invalidateAll(): void {
    for (const hostId of new Set([...this.cache.keys(), ...this.flights.keys()])) this.invalidate(hostId);
  }

  private startFlight(target: ResolvedHost, manifest: BundleManifest, fingerprint: string): Flight {
    const hostId = target.id;
    const controller = new AbortController();
    const generation = this.generations.get(hostId) ?? 0;
    // Once per host at a time: a new flight (another version or record) starts when the previous one has ended.
    const previous = this.running.get(hostId) ?? Promise.resolve();
    const promise = previous.then(async () => {
      const deployed = await this.deploy(target, controller.signal);
      if ((this.generations.get(hostId) ?? 0) === generation) {
        this.cache.set(hostId, { ...deployed, fingerprint, verifiedAt: this.clock.now() });
      }
      return deployed;
    });
    const flight: Flight = { fingerprint, version: manifest.version, promise, controller, waiting: 0, pinned: false };
    this.flights.set(hostId, flight);
    const settled = promise.then(noop, noop).finally(() => {
      if (this.flights.get(hostId) === flight) this.flights.delete(hostId);
      if (this.running.get(hostId) === settled) this.running.delete(hostId);
    });
    this.running.set(hostId, settled);
    return flight;
  }

  private join(flight: Flight, hostId: string, signal: AbortSignal | undefined): Promise<DeployedBundle> {
    if (signal === undefined) {
      flight.pinned = true;
      return flight.promise;
    }
    flight.waiting += 1;
    return new Promise<DeployedBundle>((resolve, reject) => {
      const onAbort = () => {
        flight.waiting -= 1;
        if (flight.waiting === 0 && !flight.pinned) {
          // Nobody wants it any more: stop it, and let the next caller start afresh.
          if (this.flights.get(hostId) === flight) this.flights.delete(hostId);
          flight.controller.abort();
        }
        reject(cancelled(hostId));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      flight.promise.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }

  /** Check, and when needed install and check again. */
  private async deploy(target: ResolvedHost, signal: AbortSignal): Promise<DeployedBundle> {
    // The local copy is checked against its own manifest before anything is compared or sent.
    const bundle = await this.options.bundle.verify();
    const before = await this.check(target, bundle, signal);
    if (differencesFromManifest(bundle, before).length === 0)
      return { bundleRoot: before.path, version: bundle.version };

    await this.install(target, bundle, signal);
    const after = await this.check(target, bundle, signal);
    const differences = differencesFromManifest(bundle, after);
    if (differences.length > 0) {
      throw deployFailure(
        'bundle_verification_failed',
        `The agent bundle ${bundle.version} on the host does not match the manifest after deploying it (${differences.join('; ')}).`,
        target.id,
      );
    }
    return { bundleRoot: after.path, version: bundle.version };
  }

  private async check(target: ResolvedHost, bundle: VerifiedBundle, signal: AbortSignal): Promise<HostBundleState> {
    const options: HostScriptOptions = {
      signal,
      timeoutMs: this.options.checkTimeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS,
      what: 'Checking the agent bundle on the host',
    };
    const payload = { job_id: 'bundle-check', version: bundle.version };
    const result = await this.options.runScript(target, this.options.scripts.check, payload, options);
    const state = readHostBundleState(result);
    if (state === null) {
      throw deployFailure('protocol_error', 'The bundle check reported no valid bundle state.', target.id);
    }
    return state;
  }

  private async install(target: ResolvedHost, bundle: VerifiedBundle, signal: AbortSignal): Promise<void> {
    const files = bundle.files.map((file) => ({
      ...file,
      content: (bundle.contents.get(file.path) ?? Buffer.alloc(0)).toString('base64'),
    }));
    const payload = { job_id: 'bundle-install', version: bundle.version, files };
    if (JSON.stringify(payload).length > MAX_INSTALL_JSON_CHARS) {
      throw deployFailure('internal', 'The agent bundle is too large to send in one install payload.', target.id);
    }
    const options: HostScriptOptions = {
      signal,
      timeoutMs: this.options.installTimeoutMs ?? DEFAULT_INSTALL_TIMEOUT_MS,
      what: 'Deploying the agent bundle to the host',
    };
    try {
      await this.options.runScript(target, this.options.scripts.install, payload, options);
    } catch (error) {
      // The files arrived but do not hash as the manifest says (the transfer or the host changed them), or the
      // host's differing copy could not be replaced (a read-only or immutable folder): either way the host has no
      // bundle that verifies, which is what the job must fail with (not as if its script had failed).
      const hostCode = error instanceof AppException ? error.error.details?.hostCode : undefined;
      if (hostCode === 'bundle_hash_mismatch' || hostCode === 'bundle_install_failed') {
        throw deployFailure('bundle_verification_failed', (error as AppException).message, target.id, hostCode);
      }
      throw error;
    }
  }
}
