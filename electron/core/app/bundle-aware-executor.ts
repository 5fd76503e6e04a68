// The deploy service trusts a host's verified bundle for a while without asking the host again (deploy/README.md).
// When a run then fails in a way that says the bundle was not there or did not load (the script ended without
// the agent reporting anything of its own: no result, no host error code), the deploy service forgets the host,
// so the next run checks and, if needed, deploys again instead of failing the same way until the interval ends.
import { isAppException } from '../../../shared/contract/errors';
import type { HostExecutor } from '../ports';

export interface BundleInvalidator {
  invalidate(hostId: string): void;
}

/** Failures after which the host's bundle is checked again on the next run. */
export function suggestsBrokenBundle(error: unknown): boolean {
  if (!isAppException(error)) return false;
  const { code, details } = error.error;
  if (code === 'bundle_verification_failed' || code === 'protocol_error') return true;
  // The agent reports its own failures with a host code; a script failure without one never reached the agent.
  return code === 'script_failed' && details?.hostCode === undefined;
}

export function bundleAwareExecutor(executor: HostExecutor, deployer: BundleInvalidator): HostExecutor {
  return {
    async run(hostId, script, payload, options) {
      try {
        return await executor.run(hostId, script, payload, options);
      } catch (error) {
        if (suggestsBrokenBundle(error)) deployer.invalidate(hostId);
        throw error;
      }
    },
  };
}
