import { describe, expect, it } from 'vitest';
import { AppException, appError, type ErrorCode, type ErrorDetails } from '../../../shared/contract/errors';
import type { HostExecutor } from '../ports';
import { bundleAwareExecutor } from './bundle-aware-executor';

function failing(code: ErrorCode, details?: ErrorDetails): HostExecutor {
  return {
    run: async () => {
      throw new AppException(appError(code, 'failed', details));
    },
  };
}

async function invalidations(executor: HostExecutor): Promise<string[]> {
  const invalidated: string[] = [];
  const wrapped = bundleAwareExecutor(executor, { invalidate: (hostId) => invalidated.push(hostId) });
  await wrapped.run('h1', 'delete', {}, { onLines: () => undefined }).catch(() => undefined);
  return invalidated;
}

describe('bundleAwareExecutor', () => {
  it('forgets the host bundle after a run the agent never reported on', async () => {
    expect(await invalidations(failing('script_failed', { hostId: 'h1', exitCode: 64 }))).toEqual(['h1']);
    expect(await invalidations(failing('protocol_error'))).toEqual(['h1']);
    expect(await invalidations(failing('bundle_verification_failed'))).toEqual(['h1']);
  });

  it('keeps it after the agent failed on its own terms, a transport failure, or success', async () => {
    expect(await invalidations(failing('script_failed', { hostCode: 'vm_not_found' }))).toEqual([]);
    for (const code of ['host_unreachable', 'timed_out', 'cancelled', 'powershell_missing'] as const) {
      expect(await invalidations(failing(code))).toEqual([]);
    }
    expect(await invalidations({ run: async () => ({ exitCode: 0, result: null }) })).toEqual([]);
  });

  it('passes the failure on unchanged', async () => {
    const wrapped = bundleAwareExecutor(failing('script_failed'), { invalidate: () => undefined });
    await expect(wrapped.run('h1', 'delete', {}, { onLines: () => undefined })).rejects.toSatisfy(
      (error) => error instanceof AppException && error.error.code === 'script_failed',
    );
  });
});
