// The live output of the viewed job: a toolbar (line count, follow-output, jump to end, copy) over the
// virtualized lines. Follow-output keeps the end in view as lines arrive; scrolling up (wheel, keys, scrollbar)
// stops following; "Jump to end" resumes it. Copy takes the selection inside the output, or the whole log
// (read page by page from main, since the view holds only part of a long log).
import { useCallback, useRef, useState } from 'react';
import { ErrorNotice } from '../../lib/ErrorNotice';
import { useAppStores, useStoreOf } from '../../stores/app-stores';
import { copyText, readWholeLog, selectedTextWithin } from './model/job-transfer';
import { OutputLines } from './OutputLines';

const numberFormat = new Intl.NumberFormat();

export function JobOutput({ jobId }: { jobId: string }) {
  const { api, jobs } = useAppStores();
  const output = useStoreOf('jobs', (s) => (s.output?.jobId === jobId ? s.output : null));
  const total = output?.total ?? 0;
  const viewportRef = useRef<HTMLDivElement>(null);
  const [following, setFollowing] = useState(true);
  const [copyMessage, setCopyMessage] = useState<string | null>(null);
  const [copying, setCopying] = useState(false);
  const onRange = useCallback((from: number, to: number) => jobs.getState().ensureOutput(from, to), [jobs]);

  const copy = async () => {
    setCopying(true);
    setCopyMessage(null);
    try {
      const selected = selectedTextWithin(viewportRef.current);
      if (selected) {
        setCopyMessage((await copyText(selected)) ? 'Copied the selection.' : 'The clipboard is not available.');
        return;
      }
      const log = await readWholeLog(api, jobId);
      if (!log.ok) {
        setCopyMessage(`The log could not be read: ${log.error.message}`);
        return;
      }
      const copied = await copyText(log.value.text);
      setCopyMessage(
        copied ? `Copied ${numberFormat.format(log.value.lines)} lines.` : 'The clipboard is not available.',
      );
    } finally {
      setCopying(false);
    }
  };

  return (
    <section className="job-output" aria-labelledby="job-output-title">
      <div className="job-output__toolbar">
        <h3 id="job-output-title" className="job-view__section-title">
          Output
        </h3>
        <span className="job-output__count" data-testid="job-output-count">
          {numberFormat.format(total)} {total === 1 ? 'line' : 'lines'}
        </span>
        <label className="job-output__follow">
          <input
            type="checkbox"
            data-testid="follow-output"
            checked={following}
            onChange={(event) => setFollowing(event.target.checked)}
          />
          Follow output
        </label>
        <button
          type="button"
          data-testid="job-output-jump-end"
          disabled={following}
          title={following ? 'Already following the end' : 'Scroll to the last line and follow new ones'}
          onClick={() => setFollowing(true)}
        >
          Jump to end
        </button>
        <button
          type="button"
          data-testid="job-copy"
          disabled={copying}
          title="Copy the selected lines, or the whole log when nothing is selected"
          onClick={() => void copy()}
        >
          {copying ? 'Copying…' : 'Copy'}
        </button>
        {copyMessage && (
          <span className="job-output__message" role="status">
            {copyMessage}
          </span>
        )}
      </div>
      {output?.error && <ErrorNotice error={output.error} />}
      <OutputLines
        buffer={output?.buffer}
        total={total}
        following={following}
        setFollowing={setFollowing}
        onRange={onRange}
        viewportRef={viewportRef}
      />
    </section>
  );
}
