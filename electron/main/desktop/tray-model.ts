// What the tray shows, as data: the tooltip (and macOS menu-bar title) with the running-job count, and the menu:
// show the window, the active jobs (each opens that job), quit. platform/tray.ts turns it into Electron's Menu.
import type { ActiveJob } from './job-activity';

export type TrayItem =
  | { readonly kind: 'show'; readonly label: string }
  | { readonly kind: 'separator' }
  | { readonly kind: 'note'; readonly label: string }
  | { readonly kind: 'job'; readonly label: string; readonly jobId: string }
  | { readonly kind: 'quit'; readonly label: string };

export interface TrayModel {
  /** Hover text; Windows cuts tooltips at 127 characters. */
  readonly tooltip: string;
  /** Beside the icon in the macOS menu bar: the running count, empty when idle. */
  readonly title: string;
  /** The number drawn on the icon: running jobs (0 = the plain icon). */
  readonly badge: number;
  readonly items: readonly TrayItem[];
}

export interface TrayModelInput {
  readonly appName: string;
  readonly jobs: readonly ActiveJob[];
  readonly hostName: (hostId: string) => string;
  /** Jobs listed before "and N more" (default 10). */
  readonly maxJobItems?: number;
}

const TOOLTIP_MAX = 127;
const NAME_MAX = 40;

const ACTION_WORDS: Readonly<Record<string, string>> = {
  start: 'Start',
  shutdown: 'Shut down',
  turnoff: 'Turn off',
  save: 'Save',
};

/** One line, bounded, and with '&' doubled: Windows menus read a single '&' as an access-key marker. */
function menuText(text: string, max = NAME_MAX): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is replaced
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim() || '(unnamed)';
  const short = flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
  return short.replaceAll('&', '&&');
}

export function jobMenuLabel(job: ActiveJob, hostName: string): string {
  const verb = job.label.kind === 'delete' ? 'Delete' : (ACTION_WORDS[job.label.action] ?? job.label.action);
  return `${verb} '${menuText(job.vmName)}' on ${menuText(hostName)} (${job.status})`;
}

function countText(running: number, queued: number): string {
  if (running === 0 && queued === 0) return 'no jobs running';
  const parts = [`${running} job${running === 1 ? '' : 's'} running`];
  if (queued > 0) parts.push(`${queued} queued`);
  return parts.join(', ');
}

export function trayModel(input: TrayModelInput): TrayModel {
  const running = input.jobs.filter((job) => job.status === 'running').length;
  const queued = input.jobs.length - running;
  const maxJobItems = input.maxJobItems ?? 10;
  const shown = input.jobs.slice(0, maxJobItems);
  const items: TrayItem[] = [{ kind: 'show', label: `Show ${input.appName}` }, { kind: 'separator' }];
  if (input.jobs.length === 0) {
    items.push({ kind: 'note', label: 'No jobs running' });
  } else {
    items.push({ kind: 'note', label: countText(running, queued).replace(/^./, (first) => first.toUpperCase()) });
    for (const job of shown) {
      items.push({ kind: 'job', label: jobMenuLabel(job, input.hostName(job.hostId)), jobId: job.id });
    }
    const hidden = input.jobs.length - shown.length;
    if (hidden > 0) items.push({ kind: 'note', label: `and ${hidden} more in the jobs panel` });
  }
  items.push({ kind: 'separator' }, { kind: 'quit', label: 'Quit' });
  const tooltip = `${input.appName}: ${countText(running, queued)}`;
  return {
    tooltip: tooltip.length <= TOOLTIP_MAX ? tooltip : `${tooltip.slice(0, TOOLTIP_MAX - 1)}…`,
    title: running > 0 ? String(running) : '',
    badge: running,
    items,
  };
}
