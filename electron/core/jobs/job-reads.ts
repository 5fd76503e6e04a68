// The read side of the job engine: list, get, output pages and exports. A running job is read from its live
// state (its output count and steps are newer than the stored record); every other job from the store.
import { APP_NAME, APP_VERSION } from '../../../shared/app-info';
import type { ChannelArgs, ChannelValue } from '../../../shared/contract/api';
import { AppException, appError } from '../../../shared/contract/errors';
import type { ExportResult } from '../../../shared/contract/job-export';
import type { JobInfo } from '../../../shared/contract/jobs';
import { type AppIdentity, buildExport } from './job-export-format';
import { readAllOutput, readOutputPage } from './job-output-pages';
import type { ExportSaver, JobEngineDeps } from './job-ports';
import { isoTime, type StoredJob, toJobInfo } from './job-record';
import { storeFailure, toAppError } from './job-service-support';

export interface JobReadsOptions {
  /** Main's save dialog, for exports to a file; without it only `destination: 'content'` works. */
  readonly exportSaver?: ExportSaver | undefined;
  readonly app?: AppIdentity | undefined;
}

export class JobReads {
  constructor(
    private readonly deps: Pick<JobEngineDeps, 'store' | 'outputs' | 'clock'>,
    /** The live state of a running job, undefined for any other. */
    private readonly liveInfo: (jobId: string) => JobInfo | undefined,
    private readonly options: JobReadsOptions = {},
  ) {}

  record(jobId: string): StoredJob {
    const record = this.deps.store.get(jobId);
    if (!record) throw new AppException(appError('job_not_found', `No job with id ${jobId}.`, { jobId }));
    return record;
  }

  info(jobId: string): JobInfo {
    return this.infoOf(this.record(jobId));
  }

  infoOf(record: StoredJob): JobInfo {
    return this.liveInfo(record.id) ?? toJobInfo(record);
  }

  /** Newest first, filtered, one page. */
  list(args: ChannelArgs<'jobs.list'>): ChannelValue<'jobs.list'> {
    const statuses = args.status ? new Set(args.status) : null;
    const matches = this.deps.store.list(
      (job) =>
        (statuses === null || statuses.has(job.status)) &&
        (args.type === undefined || job.type === args.type) &&
        (args.hostId === undefined || job.hostId === args.hostId) &&
        (args.vmId === undefined || job.vmId === args.vmId),
    );
    matches.sort(newestFirst);
    const page = matches.slice(args.offset, args.offset + args.limit).map((job) => this.infoOf(job));
    return { jobs: page, total: matches.length, offset: args.offset };
  }

  async get(args: ChannelArgs<'jobs.get'>): Promise<ChannelValue<'jobs.get'>> {
    const job = this.info(args.jobId);
    const output = args.output ? await this.outputPage(args.jobId, args.output.from, args.output.limit) : null;
    return { job, output };
  }

  async getOutput(args: ChannelArgs<'jobs.getOutput'>): Promise<ChannelValue<'jobs.getOutput'>> {
    this.record(args.jobId);
    return this.outputPage(args.jobId, args.from, args.limit);
  }

  async export(args: ChannelArgs<'jobs.export'>): Promise<ExportResult> {
    const job = this.info(args.jobId);
    let file: ReturnType<typeof buildExport>;
    try {
      const output = await readAllOutput(this.deps.outputs, job.id);
      const app = this.options.app ?? { name: APP_NAME, version: APP_VERSION };
      file = buildExport(job, output, args.format, isoTime(this.deps.clock.now()), app);
    } catch (error) {
      const message = `Job ${job.id} could not be exported: ${toAppError(error).message}`;
      throw new AppException(appError('export_failed', message, { jobId: job.id }));
    }
    if (args.destination === 'content') return { kind: 'content', ...file };
    if (!this.options.exportSaver) {
      const message = 'Saving to a file needs the desktop app; download the content instead.';
      throw new AppException(appError('export_failed', message, { jobId: job.id }));
    }
    return this.options.exportSaver.save(file.suggestedFileName, file.content, file.mimeType);
  }

  private async outputPage(jobId: string, from: number, limit: number) {
    try {
      return await readOutputPage(this.deps.outputs, jobId, from, limit);
    } catch (cause) {
      throw storeFailure(cause);
    }
  }
}

function newestFirst(a: StoredJob, b: StoredJob): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  if (a.id === b.id) return 0;
  return a.id < b.id ? 1 : -1;
}
