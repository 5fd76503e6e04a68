// The toast (and, in main, the native notification) when a job ends: the title names the VM and the host, the
// body says what happened. VM names are data of any length and may hold control characters, so they are
// flattened and shortened to fit a title.
import type { EventPayload } from '../../../shared/contract/api';
import type { JobInfo } from '../../../shared/contract/jobs';
import { clip } from '../../../shared/contract/primitives';

const NAME_IN_TITLE_MAX = 80;
const TITLE_MAX = 255;

const LIFECYCLE_WORDS = {
  start: { done: 'Started', noun: 'Start' },
  shutdown: { done: 'Shut down', noun: 'Shutdown' },
  turnoff: { done: 'Turned off', noun: 'Turn off' },
  save: { done: 'Saved', noun: 'Save' },
} as const;

const ENDINGS = {
  failed: 'failed',
  cancelled: 'was cancelled',
  timed_out: 'timed out',
  interrupted: 'was interrupted',
} as const;

function shortName(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is replaced
  const flat = name.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim() || '(unnamed)';
  return flat.length <= NAME_IN_TITLE_MAX ? flat : `${flat.slice(0, NAME_IN_TITLE_MAX - 1)}…`;
}

export function jobEndNotification(job: JobInfo, hostName: string): EventPayload<'notification'> {
  const vm = `'${shortName(job.vmName)}'`;
  const host = shortName(hostName);
  const words = job.type === 'delete_vm' ? { done: 'Deleted', noun: 'Delete' } : LIFECYCLE_WORDS[job.params.action];
  let title: string;
  let kind: EventPayload<'notification'>['kind'];
  if (job.status === 'succeeded') {
    title = `${words.done} ${vm} on ${host}`;
    kind = 'success';
  } else {
    const ending = ENDINGS[job.status as keyof typeof ENDINGS] ?? job.status;
    title = `${words.noun} of ${vm} on ${host} ${ending}`;
    kind = job.status === 'cancelled' ? 'info' : 'error';
  }
  return { kind, title: clip(title, TITLE_MAX), body: clip(notificationBody(job)), jobId: job.id };
}

function notificationBody(job: JobInfo): string {
  const prefix = `Job ${job.id}: `;
  if (job.status !== 'succeeded') return prefix + (job.error?.message ?? `ended ${job.status}.`);
  if (job.type === 'delete_vm' && job.result) {
    const deleted = job.result.filesDeleted.length;
    const kept = job.result.filesKept.length + job.result.foldersKept.length;
    return `${prefix}${plural(deleted, 'file')} deleted, ${plural(job.result.foldersRemoved.length, 'folder')} removed, ${plural(kept, 'item')} kept.`;
  }
  if (job.type === 'vm_lifecycle' && job.result?.vm) return `${prefix}the VM is now ${job.result.vm.state}.`;
  return `${prefix}done.`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
