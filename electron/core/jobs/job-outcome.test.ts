import { describe, expect, it } from 'vitest';
import { readAgentLine } from '../../../shared/contract/agent/read-line';
import { AppException, appError } from '../../../shared/contract/errors';
import { describeDuration, type OutcomeContext, outcomeOfFailure, outcomeOfRun, type ResultEvent } from './job-outcome';
import { deleteResultLine } from './test-support/agent-lines';

function result(error: Parameters<typeof deleteResultLine>[1] = null): ResultEvent {
  const read = readAgentLine(deleteResultLine('j-1', error), { script: 'delete', hostId: 'h' });
  if (!read.ok || read.value?.type !== 'result') throw new Error('not a result');
  return read.value;
}

const context = (overrides: Partial<OutcomeContext> = {}): OutcomeContext => ({
  seenResult: null,
  timeoutMs: 900_000,
  abortCause: null,
  openStep: null,
  ...overrides,
});

const hostError = { code: 'verify_failed', message: "role 'web01' still present", step: 'cluster', object: 'web01' };

describe('outcomeOfRun', () => {
  it('succeeds only with exit 0 and a succeeded result', () => {
    expect(outcomeOfRun({ exitCode: 0, result: result() }, context())).toEqual({ status: 'succeeded', error: null });
    expect(outcomeOfRun({ exitCode: 0, result: null }, context({ seenResult: result() })).status).toBe('succeeded');
  });

  it('fails with the host error when the result says failed', () => {
    expect(outcomeOfRun({ exitCode: 1, result: result(hostError) }, context())).toEqual({
      status: 'failed',
      error: {
        code: 'script_failed',
        message: "role 'web01' still present",
        hostCode: 'verify_failed',
        step: 'cluster',
        object: 'web01',
      },
    });
  });

  it('fails when success is reported with a non-zero exit, or no result at all', () => {
    expect(outcomeOfRun({ exitCode: 3, result: result() }, context()).error).toMatchObject({
      code: 'script_failed',
      message: expect.stringContaining('exited with code 3'),
    });
    expect(outcomeOfRun({ exitCode: 0, result: null }, context()).error).toMatchObject({ code: 'protocol_error' });
  });
});

describe('outcomeOfFailure', () => {
  it('maps a user cancel to cancelled and an app shutdown to interrupted, whatever the run reported', () => {
    const error = new AppException(appError('script_failed', 'pipeline stopped'));
    expect(outcomeOfFailure(error, context({ abortCause: 'cancel', openStep: 'disks' }))).toMatchObject({
      status: 'cancelled',
      error: { code: 'cancelled', step: 'disks' },
    });
    expect(outcomeOfFailure(error, context({ abortCause: 'shutdown' }))).toMatchObject({
      status: 'interrupted',
      error: { code: 'interrupted' },
    });
  });

  it('maps timed_out with the limit in words', () => {
    const outcome = outcomeOfFailure(new AppException(appError('timed_out', '')), context({ openStep: 'checkpoints' }));
    expect(outcome).toMatchObject({ status: 'timed_out', error: { code: 'timed_out', step: 'checkpoints' } });
    expect(outcome.error?.message).toBe('Did not finish within 15 minutes; the host script was stopped.');
  });

  it('keeps a transport error typed, with its details', () => {
    const error = new AppException(appError('bundle_verification_failed', 'hash mismatch', { object: 'HvAgent.psm1' }));
    expect(outcomeOfFailure(error, context())).toEqual({
      status: 'failed',
      error: {
        code: 'bundle_verification_failed',
        message: 'hash mismatch',
        hostCode: null,
        step: null,
        object: 'HvAgent.psm1',
      },
    });
  });

  it('prefers the host result error for a script failure', () => {
    const error = new AppException(appError('script_failed', 'exit code 1'));
    expect(outcomeOfFailure(error, context({ seenResult: result(hostError) })).error).toMatchObject({
      hostCode: 'verify_failed',
      message: "role 'web01' still present",
    });
  });

  it('reports anything untyped as internal', () => {
    expect(outcomeOfFailure(new TypeError('x is undefined'), context()).error).toMatchObject({
      code: 'internal',
      message: 'The job could not run: x is undefined',
    });
  });
});

it('describes durations', () => {
  expect(describeDuration(60_000)).toBe('1 minute');
  expect(describeDuration(300_000)).toBe('5 minutes');
  expect(describeDuration(90_000)).toBe('90 seconds');
});
