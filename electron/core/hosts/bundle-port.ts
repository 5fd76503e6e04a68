// The seam between host execution and the two services that prepare a host before a script runs on it: bundle
// deployment (electron/core/deploy/) and the lab host (electron/core/lab/). The executor knows them only through
// these interfaces, so each side is tested with a small fake of the other.
import type { HostConnection } from '../../../shared/contract/hosts';

/**
 * A host record with its secret decrypted: what a transport needs to reach the host. It exists only in memory,
 * for the duration of one run; never log, emit, store or put it in an error.
 */
export interface ResolvedHost {
  readonly id: string;
  readonly displayName: string;
  readonly address: string;
  readonly connection: HostConnection;
  /** The WinRM password, decrypted; null when the host uses the workstation user's own credentials. */
  readonly secret: string | null;
}

export interface BundleDeployer {
  /**
   * Makes sure the host runs the current bundle (compare with the manifest, deploy + re-verify when stale; once
   * per host at a time; cached until the bundle changes). Returns where the entry scripts are ON THE HOST (a
   * Windows path for winrm/ssh/local; for lab, the sandbox path form the lab's pwsh understands).
   * Rejects with an AppException (bundle_verification_failed, host_unreachable, authentication_failed, ...);
   * an aborted signal rejects with code `cancelled`.
   */
  ensureCurrent(target: ResolvedHost, signal?: AbortSignal): Promise<{ bundleRoot: string; version: string }>;
}

export interface LabHostProvider {
  /** Sandbox folder of the lab host, seeded on first use; `modulesPath` is the simulator's modules folder. */
  ensureSandbox(): Promise<{ sandboxPath: string; modulesPath: string }>;
}
