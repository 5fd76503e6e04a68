// The output lines, virtualized with @tanstack/react-virtual. One fixed row height (lines never wrap; the view
// scrolls sideways). The virtualizer works on blocks of BLOCK_LINES lines, not on lines: it re-measures every
// item whenever the count changes, and with output growing many times a second 200,000 items would cost ~9 ms
// per batch; 6,250 blocks cost a few hundredths of that. Only the blocks on screen (plus one each side) are
// rendered, and each line is a memoized row, so a batch re-renders only the rows whose line changed.
// While following, the blocks rendered are the last ones, chosen in the same render that added the lines; the
// layout effect then scrolls to them before the frame is painted (no blank frame awaiting a scroll event).
import { defaultRangeExtractor, type Range, useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, memo, type RefObject, useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import { formatTimeOfDay } from './model/job-format';
import type { OutputBuffer, OutputStream } from './model/output-buffer';

export const OUTPUT_ROW_HEIGHT = 20;
export const BLOCK_LINES = 32;
const STOP_FOLLOW_KEYS = new Set(['ArrowUp', 'PageUp', 'Home']);

export interface OutputLinesProps {
  buffer: OutputBuffer | undefined;
  /** Lines the job has; the parent re-renders this on every change of the (in place mutated) buffer. */
  total: number;
  following: boolean;
  setFollowing(following: boolean): void;
  /** The rows [from, to) are rendered: read what is not held. */
  onRange(from: number, to: number): void;
  viewportRef: RefObject<HTMLDivElement | null>;
}

export function OutputLines({ buffer, total, following, setFollowing, onRange, viewportRef }: OutputLinesProps) {
  const lastTop = useRef(0);
  const rangeExtractor = useCallback(
    (range: Range) => (following ? tailIndexes(range) : defaultRangeExtractor(range)),
    [following],
  );
  const virtualizer = useVirtualizer({
    count: Math.ceil(total / BLOCK_LINES),
    getScrollElement: () => viewportRef.current,
    estimateSize: () => BLOCK_LINES * OUTPUT_ROW_HEIGHT,
    overscan: 1,
    rangeExtractor,
    useFlushSync: false,
  });
  const blocks = virtualizer.getVirtualItems();
  const firstLine = (blocks[0]?.index ?? 0) * BLOCK_LINES;
  const endLine = Math.min(total, ((blocks[blocks.length - 1]?.index ?? -1) + 1) * BLOCK_LINES);

  useEffect(() => {
    if (endLine > firstLine) onRange(firstLine, endLine);
  }, [firstLine, endLine, onRange]);

  useLayoutEffect(() => {
    const element = viewportRef.current;
    if (!following || !element || total === 0) return;
    element.scrollTop = element.scrollHeight;
    lastTop.current = element.scrollTop;
  }, [following, total, viewportRef]);

  const onScroll = () => {
    const element = viewportRef.current;
    if (!element) return;
    const top = element.scrollTop;
    const atEnd = element.scrollHeight - top - element.clientHeight <= OUTPUT_ROW_HEIGHT;
    if (top < lastTop.current - 1 && !atEnd) setFollowing(false);
    lastTop.current = top;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (STOP_FOLLOW_KEYS.has(event.key)) setFollowing(false);
    else if (event.key === 'End') setFollowing(true);
  };

  const rows = [];
  for (let seq = firstLine; seq < endLine; seq++) {
    const line = buffer?.line(seq);
    rows.push(<OutputRow key={seq} seq={seq} text={line?.text} stream={line?.stream} time={line?.time} />);
  }

  return (
    <div
      ref={viewportRef}
      className="job-output__viewport"
      data-testid="job-output"
      data-following={following ? 'true' : 'false'}
      role="log"
      aria-live="off"
      aria-label="Job output"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the log scrolls; keyboard users must reach it to scroll it.
      tabIndex={0}
      onScroll={onScroll}
      onWheel={(event) => {
        if (event.deltaY < 0) setFollowing(false);
      }}
      onKeyDown={onKeyDown}
    >
      {total === 0 ? (
        <p className="job-output__empty">No output yet.</p>
      ) : (
        <div className="job-output__canvas" style={{ height: total * OUTPUT_ROW_HEIGHT }}>
          {rows}
        </div>
      )}
    </div>
  );
}

interface OutputRowProps {
  seq: number;
  /** Undefined while the line is not held (being read). */
  text: string | undefined;
  stream: OutputStream | undefined;
  time: number | undefined;
}

const OutputRow = memo(function OutputRow({ seq, text, stream, time }: OutputRowProps) {
  const held = text !== undefined;
  return (
    <div
      className={`job-output__line job-output__line--${stream ?? 'pending'}`}
      data-testid={held ? 'job-output-line' : 'job-output-pending'}
      data-seq={seq}
      data-stream={stream}
      style={{ height: OUTPUT_ROW_HEIGHT, transform: `translateY(${seq * OUTPUT_ROW_HEIGHT}px)` }}
    >
      <span className="job-output__time">{held && time !== undefined ? formatTimeOfDay(time) : ''}</span>
      <span className="job-output__text">{held ? text : '…'}</span>
    </div>
  );
});

/** The last blocks: as many as the viewport shows, plus the overscan above them. */
function tailIndexes(range: Range): number[] {
  if (range.count === 0) return [];
  const visible = Math.max(1, range.endIndex - range.startIndex + 1);
  const start = Math.max(0, range.count - visible - range.overscan);
  return Array.from({ length: range.count - start }, (_, i) => start + i);
}
