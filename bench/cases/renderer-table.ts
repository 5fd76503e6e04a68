// The VM table with 5,000 VMs over 20 hosts (issue 4), in Chromium through the browser harness with a fake
// backend (harness/fake-fleet.ts): the page loads with the 20 hosts and no VMs yet; then the 20 inventory
// snapshots arrive as one event batch (4 MB of JSON), and we measure, in the page, from that batch's arrival
// (the bridge's mark: the frame is complete, not yet parsed) to the end of the first frame that shows the
// table holding all rows (target < 100 ms). So the bridge's JSON parse, the store merge, the row model, React
// and the frame's style, layout and paint are all inside; the server's encoding and the transfer are not.
// Baseline: the same with one host of 50 VMs.
// Then a filter keystroke: keydown to the next frame, median over typing a VM name (target < 16 ms); baseline:
// the same keystrokes in an input with no listener (what typing costs the page anyway).

import { type Fleet, fakeFleet, fleetBackend } from '../../harness/fake-fleet';
import type { EventPayload } from '../../shared/contract/api';
import type { InventorySnapshot } from '../../shared/contract/inventory';
import type { BenchCase, BenchContext, BenchResult } from '../lib/bench-case';
import { type HarnessBrowser, msFromLastBatchToRendered, openHarnessBrowser } from '../lib/browser';
import { runRounds } from '../lib/rounds';
import { median } from '../lib/stats';

const TABLE = '[data-testid="vm-table"]';
const FILTER = '[data-testid="vm-filter"]';
/** The VM view with no VMs yet (VmsView's empty state), or a table left from before. */
const VM_VIEW_READY = `${TABLE}, [data-testid="vm-empty"]`;

function changedEvent(snapshot: InventorySnapshot): EventPayload<'inventory.changed'> {
  const { vms, ...status } = snapshot;
  return { ...status, change: { kind: 'snapshot', vms } };
}

/** Reloads the page (no VMs served yet), waits for the empty table, sends `snapshots`, times the render. */
async function renderOnce(
  session: HarnessBrowser,
  emit: (payload: EventPayload<'inventory.changed'>) => void,
  snapshots: readonly InventorySnapshot[],
): Promise<number> {
  await session.page.reload();
  await session.page.waitForSelector(VM_VIEW_READY, { timeout: 30_000 });
  const rows = snapshots.reduce((sum, snapshot) => sum + snapshot.vms.length, 0);
  const rendered = msFromLastBatchToRendered(session.page, `${TABLE}[aria-rowcount="${rows + 1}"] tbody tr`, 2);
  for (const snapshot of snapshots) emit(changedEvent(snapshot));
  return rendered;
}

/** Median ms from keydown to the next frame over typing `text` into `selector`. */
async function keystrokeMs(session: HarnessBrowser, selector: string, text: string): Promise<number> {
  const { page } = session;
  await page.fill(selector, '');
  await page.focus(selector);
  await page.evaluate(() => {
    const inPage = globalThis as unknown as {
      __benchKeys: number[];
      document: { addEventListener(type: string, listener: () => void, capture: boolean): void };
      requestAnimationFrame(callback: () => void): number;
    };
    inPage.__benchKeys = [];
    inPage.document.addEventListener(
      'keydown',
      () => {
        const start = performance.now();
        inPage.requestAnimationFrame(() => inPage.__benchKeys.push(performance.now() - start));
      },
      true,
    );
  });
  for (const key of text) {
    await page.keyboard.type(key);
    // One keystroke at a time, as a person types: let its frame happen before the next.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
  }
  const times = await page.evaluate(() => (globalThis as unknown as { __benchKeys: number[] }).__benchKeys);
  await page.reload();
  return median(times);
}

const rendererTable: BenchCase = {
  name: 'renderer-table',
  description: 'VM table, 5,000 VMs over 20 hosts: render after the data arrives; filter keystroke',
  async run(context: BenchContext): Promise<BenchResult[]> {
    const fleet: Fleet = fakeFleet(20, 250);
    const small = fakeFleet(1, 50).snapshots;
    // The page starts with the hosts and no VMs: the snapshots are what "arrives".
    const backend = fleetBackend({ hosts: fleet.hosts, snapshots: [] });
    const session = await openHarnessBrowser({ backend: backend.factory });
    try {
      const sink = await backend.events;
      const emit = (payload: EventPayload<'inventory.changed'>) => sink.emit('inventory.changed', payload);
      const renders = await runRounds(
        [
          { name: '5000', run: () => renderOnce(session, emit, fleet.snapshots) },
          { name: '50', run: () => renderOnce(session, emit, small) },
        ],
        context.runs,
        context.log,
        (ms) => `${ms.toFixed(1)} ms`,
      );
      // For typing, the table holds the 5,000 VMs; the baseline input is one the app does not listen to.
      await renderOnce(session, emit, fleet.snapshots);
      const filterMs = await keystrokeMs(session, FILTER, 'hv07-vm01');
      await session.page.evaluate(() => {
        const inPage = globalThis as unknown as {
          document: { createElement(tag: string): { id: string }; body: { append(node: unknown): void } };
        };
        const input = inPage.document.createElement('input');
        input.id = 'bench-plain-input';
        inPage.document.body.append(input);
      });
      const plainMs = await keystrokeMs(session, '#bench-plain-input', 'hv07-vm01');
      context.log(`filter keystroke: median ${filterMs.toFixed(1)} ms; plain input ${plainMs.toFixed(1)} ms`);
      return [
        {
          name: 'table render, 5,000 VMs / 20 hosts',
          unit: 'ms',
          measured: median(renders.get('5000') ?? []),
          baseline: median(renders.get('50') ?? []),
          baselineLabel: '50 VMs / 1 host',
          target: { kind: 'below', limit: 100 },
          runs: context.runs,
          note: 'batch arrived in the page (before its JSON parse) to the end of the first frame with the rows',
        },
        {
          name: 'filter keystroke, 5,000 VMs',
          unit: 'ms',
          measured: filterMs,
          baseline: plainMs,
          baselineLabel: 'a plain input',
          target: { kind: 'below', limit: 16 },
          runs: 9,
          note: 'median over 9 keystrokes: keydown to the next frame',
        },
      ];
    } finally {
      await session.close();
    }
  },
};

export default rendererTable;
