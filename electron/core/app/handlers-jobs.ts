// jobs.* channels: the job service's methods already take the contract's arguments and return its values.
import type { ChannelHandler } from '../../../shared/contract/api';
import type { JobService } from '../jobs/job-service';

export interface JobHandlers {
  'jobs.planDelete': ChannelHandler<'jobs.planDelete'>;
  'jobs.submitDelete': ChannelHandler<'jobs.submitDelete'>;
  'jobs.submitLifecycle': ChannelHandler<'jobs.submitLifecycle'>;
  'jobs.list': ChannelHandler<'jobs.list'>;
  'jobs.get': ChannelHandler<'jobs.get'>;
  'jobs.getOutput': ChannelHandler<'jobs.getOutput'>;
  'jobs.cancel': ChannelHandler<'jobs.cancel'>;
  'jobs.retry': ChannelHandler<'jobs.retry'>;
  'jobs.export': ChannelHandler<'jobs.export'>;
}

export function jobHandlers(jobs: JobService): JobHandlers {
  return {
    'jobs.planDelete': (args) => jobs.planDelete(args),
    'jobs.submitDelete': (args) => jobs.submitDelete(args),
    'jobs.submitLifecycle': (args) => jobs.submitLifecycle(args),
    'jobs.list': (args) => jobs.list(args),
    'jobs.get': (args) => jobs.get(args),
    'jobs.getOutput': (args) => jobs.getOutput(args),
    'jobs.cancel': (args) => jobs.cancel(args),
    'jobs.retry': (args) => jobs.retry(args),
    'jobs.export': (args) => jobs.export(args),
  };
}
