// Reading a job's stored output as the contract's pages: seq ranges, ISO times, the contract's stream names.
import { type JobOutputLine, OUTPUT_STREAMS, type OutputPage } from '../../../shared/contract/jobs';
import type { OutputLine, OutputLogStore } from '../store/output-log';
import { isoTime } from './job-record';

/** Lines with seq in [from, from + limit), and how many lines the log holds now. */
export async function readOutputPage(
  outputs: OutputLogStore,
  jobId: string,
  from: number,
  limit: number,
): Promise<OutputPage> {
  const total = await outputs.count(jobId);
  const end = Math.min(from + limit, total);
  const lines = end > from ? (await outputs.read(jobId, from, end)).map(toJobOutputLine) : [];
  return { jobId, from, nextSeq: from + lines.length, total, lines };
}

/** Every line of a job's log, for an export. */
export async function readAllOutput(outputs: OutputLogStore, jobId: string): Promise<JobOutputLine[]> {
  const total = await outputs.count(jobId);
  return total === 0 ? [] : (await outputs.read(jobId, 0, total)).map(toJobOutputLine);
}

function toJobOutputLine(line: OutputLine): JobOutputLine {
  const stream = (OUTPUT_STREAMS as readonly string[]).includes(line.stream)
    ? (line.stream as JobOutputLine['stream'])
    : 'out';
  return { seq: line.seq, ts: isoTime(line.ts), stream, text: line.text };
}
