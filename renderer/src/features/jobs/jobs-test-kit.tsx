// Test support for the jobs feature: the app's stores over a fake API with only the jobs events connected, a
// known host name, the jobs panel rendered, and a DOM size for the virtualized output (happy-dom lays nothing
// out, so every element would be 0 px tall and the virtualizer would show no row).
import { SAMPLE_HOST_ID, sampleHost } from '@shared/contract/fixtures';
import type { JobInfo, JobOutputLine } from '@shared/contract/jobs';
import type { HvApi } from '@shared/preload-api';
import { act, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type AppStores, createAppStores, StoresProvider } from '../../stores/app-stores';
import { connectJobsEvents } from '../../stores/jobs-store';
import { createFakeApi, type FakeApi, type FakeHandlers } from '../../test-support/fake-api';
import { JobsPanel } from './JobsPanel';

export const HOST_NAME = 'hv-lab-01';

export const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));

/** A job's stored log served page by page, as main's jobs.getOutput does. */
export function servedLog(log: JobOutputLine[]): NonNullable<FakeHandlers['jobs.getOutput']> {
  return ({ jobId, from, limit }) => {
    const lines = log.slice(from, from + limit);
    return { jobId, from, nextSeq: from + lines.length, total: log.length, lines };
  };
}

export interface RenderJobsOptions {
  readonly openJobId?: string;
  /** Replaces the fake API's versions (the desktop app reports Electron's). */
  readonly version?: HvApi['version'];
}

export interface RenderedJobs {
  fake: FakeApi;
  stores: AppStores;
  user: ReturnType<typeof userEvent.setup>;
}

export async function renderJobsPanel(
  jobs: JobInfo[],
  handlers: FakeHandlers = {},
  options: RenderJobsOptions = {},
): Promise<RenderedJobs> {
  const fake = createFakeApi({
    'jobs.list': () => ({ jobs, total: jobs.length, offset: 0 }),
    'jobs.getOutput': servedLog([]),
    ...handlers,
  });
  const api: HvApi = options.version ? { ...fake.api, version: options.version } : fake.api;
  const stores = createAppStores(api);
  stores.hosts.setState({ loaded: true, hosts: [sampleHost({ id: SAMPLE_HOST_ID, displayName: HOST_NAME })] });
  connectJobsEvents(api, stores.jobs);
  await settle();
  if (options.openJobId) stores.ui.getState().openJob(options.openJobId);
  const user = userEvent.setup();
  render(
    <StoresProvider stores={stores}>
      <JobsPanel />
    </StoresProvider>,
  );
  await settle();
  return { fake, stores, user };
}

/** Gives every element a height, so the virtualized output renders rows (restore with the returned function). */
export function fakeElementHeight(height: number): () => void {
  const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => height });
  return () => {
    if (original) Object.defineProperty(HTMLElement.prototype, 'clientHeight', original);
    else Reflect.deleteProperty(HTMLElement.prototype, 'clientHeight');
  };
}
