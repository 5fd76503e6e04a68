// When a job ran ON THE HOST: the agent starts every log line with the host's local time, `[HH:mm:ss] `. The
// line's `ts` (when the workstation received it) gives the date; the host's clock gives the time of day.
import type { JobOutputLine } from '../../../../shared/contract/jobs';

const HOST_TIME = /^\[(\d{2}):(\d{2}):(\d{2})\] /;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Epoch ms (whole seconds) of a log line by the host's clock, or null for event lines. */
export function hostTimeOf(line: Pick<JobOutputLine, 'text' | 'ts'>): number | null {
  const match = HOST_TIME.exec(line.text);
  if (!match) return null;
  const received = new Date(line.ts);
  const at = new Date(received);
  at.setHours(Number(match[1]), Number(match[2]), Number(match[3]), 0);
  // A line written just before midnight and received just after.
  if (at.getTime() - received.getTime() > DAY_MS / 2) return at.getTime() - DAY_MS;
  return at.getTime();
}

/** The first and last host time of a job's log lines. */
export function hostInterval(lines: readonly Pick<JobOutputLine, 'text' | 'ts'>[]): { first: number; last: number } {
  const times = lines.map(hostTimeOf).filter((time): time is number => time !== null);
  if (times.length === 0) throw new Error('no host-timed log line');
  return { first: Math.min(...times), last: Math.max(...times) };
}
