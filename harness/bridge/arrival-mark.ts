// The moment an event batch reaches the page (its frame is complete, before the bridge parses it): a User
// Timing mark the UI benchmarks start their "from data arriving" clocks at (bench/lib/browser.ts). Only the
// latest is kept, so a page receiving batches for hours holds one entry, not thousands.
export const EVENT_BATCH_MARK = 'harness:event-batch';

interface MarkingPerformance {
  mark(name: string): unknown;
  clearMarks(name?: string): void;
}

export function markBatchArrival(performance: MarkingPerformance): void {
  performance.clearMarks(EVENT_BATCH_MARK);
  performance.mark(EVENT_BATCH_MARK);
}
