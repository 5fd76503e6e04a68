// Getting a job's log out of the window: export (main's save dialog in the desktop app; a download of the
// content main returns in the browser harness, which has no save dialog), and copy to the clipboard (the async
// Clipboard API, or the old execCommand path where that is refused).
import type { ExportResult } from '@shared/contract/job-export';
import { OUTPUT_PAGE_MAX } from '@shared/contract/primitives';
import type { Result } from '@shared/contract/result';
import type { HvApi } from '@shared/preload-api';

/** The desktop app's preload reports Electron's version (digits); the harness reports none. */
export function exportDestination(api: HvApi): 'save_dialog' | 'content' {
  return /^\d/.test(api.version.electron) ? 'save_dialog' : 'content';
}

/** Offers `content` as a file download through a Blob URL (released once the click has been handled). */
export function downloadContent(fileName: string, mimeType: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** What the admin is told after an export: null when they closed the save dialog. */
export function exportOutcome(result: ExportResult): string | null {
  if (result.kind === 'saved') return `Saved ${result.fileName}`;
  if (result.kind === 'cancelled') return null;
  downloadContent(result.suggestedFileName, result.mimeType, result.content);
  return `Downloaded ${result.suggestedFileName}`;
}

/** Every line of the job's log as plain text, read page by page (the view holds only part of a long log). */
export async function readWholeLog(api: HvApi, jobId: string): Promise<Result<{ text: string; lines: number }>> {
  const parts: string[] = [];
  let from = 0;
  for (;;) {
    const result = await api.jobs.getOutput({ jobId, from, limit: OUTPUT_PAGE_MAX });
    if (!result.ok) return result;
    for (const line of result.value.lines) parts.push(line.text);
    if (result.value.nextSeq <= from || result.value.nextSeq >= result.value.total) break;
    from = result.value.nextSeq;
  }
  return { ok: true, value: { text: parts.join('\n'), lines: parts.length } };
}

/** Puts text on the clipboard; resolves false when neither way was allowed. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no focus, no permission): try the fallback below.
  }
  return copyWithTextarea(text);
}

function copyWithTextarea(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  const previousFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  area.select();
  let copied = false;
  try {
    copied = typeof document.execCommand === 'function' && document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  previousFocus?.focus();
  return copied;
}

/** The text the admin selected inside `container`, or '' when the selection is elsewhere or empty. */
export function selectedTextWithin(container: HTMLElement | null): string {
  const selection = window.getSelection();
  if (!container || !selection || selection.isCollapsed || selection.rangeCount === 0) return '';
  const range = selection.getRangeAt(0);
  if (!container.contains(range.commonAncestorContainer)) return '';
  return selection.toString();
}
