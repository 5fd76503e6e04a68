// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderVmsView, shownNames, testVm, vmIdOf } from './vms-test-support';

afterEach(cleanup);

function checkboxOf(index: number): HTMLElement {
  return within(screen.getByTestId(`vm-row-${vmIdOf(index)}`)).getByRole('checkbox');
}

describe('VM table', () => {
  it('lists the VMs with their facts and state badges, sorted by name (natural order)', async () => {
    await renderVmsView([
      testVm(10, { name: 'web10' }),
      testVm(2, { name: 'web2', state: 'Running', cpuUsage: 12, uptimeSeconds: 3_700 }),
      testVm(3, { name: 'db1', state: 'Deleting', activeJobId: 'j-9' }),
      testVm(4, { name: 'app1', deleteFailed: { jobId: 'j-7', message: 'file locked' } }),
    ]);
    expect(shownNames()).toEqual(['app1', 'db1', 'web2', 'web10']);
    const running = screen.getByTestId(`vm-row-${vmIdOf(2)}`);
    expect(within(running).getByTestId('vm-state').textContent).toBe('Running');
    expect(running.textContent).toContain('12%');
    expect(running.textContent).toContain('1h 1m');
    expect(running.textContent).toContain('Lab host');
    expect(within(screen.getByTestId(`vm-row-${vmIdOf(3)}`)).getByTestId('vm-state').textContent).toBe('Deleting');
    expect(within(screen.getByTestId(`vm-row-${vmIdOf(4)}`)).getByTestId('vm-delete-failed').textContent).toBe(
      'delete failed',
    );
  });

  it('sorts by a column with the header buttons, toggling direction, and says so with aria-sort', async () => {
    const { user } = await renderVmsView([
      testVm(1, { name: 'a', cpuUsage: 50 }),
      testVm(2, { name: 'b', cpuUsage: 5 }),
      testVm(3, { name: 'c', cpuUsage: 90 }),
    ]);
    const cpu = screen.getByTestId('vm-sort-cpu');
    await user.click(cpu);
    expect(shownNames()).toEqual(['b', 'a', 'c']);
    expect(cpu.closest('th')?.getAttribute('aria-sort')).toBe('ascending');
    expect(screen.getByTestId('vm-sort-name').closest('th')?.getAttribute('aria-sort')).toBe('none');
    // Keyboard: the header button works with Enter.
    cpu.focus();
    await user.keyboard('{Enter}');
    expect(shownNames()).toEqual(['c', 'a', 'b']);
    expect(cpu.closest('th')?.getAttribute('aria-sort')).toBe('descending');
  });

  it('filters by name, host or state, and by state: prefix', async () => {
    const { user } = await renderVmsView([
      testVm(1, { name: 'web01', state: 'Running' }),
      testVm(2, { name: 'web02' }),
      testVm(3, { name: 'db01', state: 'Running' }),
    ]);
    const filter = screen.getByTestId('vm-filter');
    await user.type(filter, 'web');
    expect(shownNames()).toEqual(['web01', 'web02']);
    expect(screen.getByTestId('vm-count').textContent).toContain('2 of 3 VMs');
    await user.clear(filter);
    await user.type(filter, 'state:running');
    expect(shownNames()).toEqual(['db01', 'web01']);
    await user.clear(filter);
    await user.type(filter, 'nothing-like-this');
    expect(shownNames()).toEqual([]);
    expect(screen.getByTestId('vm-empty').textContent).toContain('No VM matches');
  });

  it('renders only the rows in view for thousands of VMs', async () => {
    const vms = Array.from({ length: 5_000 }, (_, i) => testVm(i + 1));
    await renderVmsView(vms);
    const rendered = shownNames().length;
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(100);
    expect(screen.getByTestId('vm-table').getAttribute('aria-rowcount')).toBe('5001');
    expect(screen.getByTestId('vm-count').textContent).toContain('5000 VMs');
  });

  it('selects several rows, a shift-click range, and all of the filtered rows', async () => {
    const { user } = await renderVmsView(Array.from({ length: 8 }, (_, i) => testVm(i + 1)));
    await user.click(checkboxOf(2));
    expect(screen.getByTestId('vm-count').textContent).toContain('1 selected');
    // Shift-click from the anchor (vm2) to vm5 selects vm2..vm5.
    fireEvent.click(checkboxOf(5), { shiftKey: true });
    for (const index of [2, 3, 4, 5]) expect((checkboxOf(index) as HTMLInputElement).checked).toBe(true);
    for (const index of [1, 6]) expect((checkboxOf(index) as HTMLInputElement).checked).toBe(false);
    expect(screen.getByTestId('vm-count').textContent).toContain('4 selected');

    // Select all takes the filtered rows only.
    await user.click(screen.getByRole('button', { name: 'Clear selection' }));
    await user.type(screen.getByTestId('vm-filter'), 'vm1');
    expect(shownNames()).toEqual(['vm1']);
    await user.click(screen.getByTestId('vm-select-all'));
    await user.clear(screen.getByTestId('vm-filter'));
    expect(screen.getByTestId('vm-count').textContent).toContain('1 selected');
    expect((checkboxOf(1) as HTMLInputElement).checked).toBe(true);
  });

  it('moves through rows with the arrow keys and toggles selection with Space', async () => {
    const { user } = await renderVmsView([testVm(1), testVm(2), testVm(3)]);
    await user.click(screen.getByTestId(`vm-row-${vmIdOf(1)}`));
    expect(screen.getByTestId('vm-details').textContent).toContain('vm1');
    screen.getByTestId(`vm-row-${vmIdOf(1)}`).focus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByTestId('vm-details').textContent).toContain('vm2');
    expect(document.activeElement).toBe(screen.getByTestId(`vm-row-${vmIdOf(2)}`));
    await user.keyboard(' ');
    expect((checkboxOf(2) as HTMLInputElement).checked).toBe(true);
  });
});
