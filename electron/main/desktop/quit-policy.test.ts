import { describe, expect, it, vi } from 'vitest';
import { quitsWhenAllWindowsClosed, stopBeforeQuit } from './quit-policy';

describe('quitting', () => {
  it('quits when the last window closes only off macOS and with no active job', () => {
    expect(quitsWhenAllWindowsClosed('win32', 0)).toBe(true);
    expect(quitsWhenAllWindowsClosed('linux', 0)).toBe(true);
    expect(quitsWhenAllWindowsClosed('win32', 2)).toBe(false);
    expect(quitsWhenAllWindowsClosed('darwin', 0)).toBe(false);
  });

  it('holds the quit until the core has stopped, stops once, then lets the second quit through', async () => {
    let finish: () => void = () => undefined;
    const stop = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const quit = vi.fn();
    const beforeQuit = stopBeforeQuit(stop, quit);
    const first = { preventDefault: vi.fn() };
    const again = { preventDefault: vi.fn() };
    beforeQuit(first);
    beforeQuit(again);
    expect(first.preventDefault).toHaveBeenCalled();
    expect(again.preventDefault).toHaveBeenCalled();
    expect(stop).toHaveBeenCalledTimes(1);
    expect(quit).not.toHaveBeenCalled();

    finish();
    await vi.waitFor(() => expect(quit).toHaveBeenCalledTimes(1));
    const last = { preventDefault: vi.fn() };
    beforeQuit(last);
    expect(last.preventDefault).not.toHaveBeenCalled();
  });

  it('still quits when stopping fails', async () => {
    const quit = vi.fn();
    const onError = vi.fn();
    stopBeforeQuit(() => Promise.reject(new Error('store busy')), quit, onError)({ preventDefault: () => undefined });
    await vi.waitFor(() => expect(quit).toHaveBeenCalled());
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'store busy' }));
  });
});
