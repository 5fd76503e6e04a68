import { describe, expect, it } from 'vitest';
import { WINDOW_SIZE } from './window-options';
import { initialWindowBounds, type Rect, windowStateOf } from './window-state';

const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const rightMonitor: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };
const small: Rect = { x: 0, y: 0, width: 1024, height: 700 };

describe('the window state', () => {
  it('opens at the default size, centered by the OS, on first run', () => {
    expect(initialWindowBounds(undefined, [laptop], WINDOW_SIZE)).toEqual({
      width: 1280,
      height: 800,
      maximized: false,
    });
    expect(initialWindowBounds(undefined, [small], WINDOW_SIZE)).toEqual({
      width: 1024,
      height: 700,
      maximized: false,
    });
  });

  it('restores position, size and maximized state on a display that is still there', () => {
    const stored = { x: 2100, y: 50, width: 1600, height: 1000, maximized: true };
    expect(initialWindowBounds(stored, [laptop, rightMonitor], WINDOW_SIZE)).toEqual(stored);
  });

  it('drops a position whose title bar would be on no display (the monitor was unplugged), keeping the size', () => {
    const stored = { x: 2100, y: 50, width: 1600, height: 1000, maximized: false };
    expect(initialWindowBounds(stored, [laptop], WINDOW_SIZE)).toEqual({ width: 1600, height: 1000, maximized: false });
  });

  it('drops a position with only a sliver of title bar visible, and one above the top edge is pulled down', () => {
    expect(
      initialWindowBounds({ x: 1900, y: 10, width: 1000, height: 700, maximized: false }, [laptop], WINDOW_SIZE),
    ).not.toHaveProperty('x');
    expect(
      initialWindowBounds({ x: 100, y: -10, width: 1000, height: 700, maximized: false }, [laptop], WINDOW_SIZE),
    ).toEqual({
      x: 100,
      y: 0,
      width: 1000,
      height: 700,
      maximized: false,
    });
  });

  it('never opens larger than the display or smaller than the minimum', () => {
    const huge = initialWindowBounds(
      { x: 0, y: 0, width: 5000, height: 4000, maximized: false },
      [laptop],
      WINDOW_SIZE,
    );
    expect(huge).toMatchObject({ width: 1920, height: 1040 });
    const tiny = initialWindowBounds({ x: 0, y: 0, width: 10, height: 10, maximized: false }, [laptop], WINDOW_SIZE);
    expect(tiny).toMatchObject({ width: WINDOW_SIZE.minWidth, height: WINDOW_SIZE.minHeight });
  });

  it('saves the normal bounds rounded, and nothing for bounds that make no sense', () => {
    const window = (bounds: Rect, maximized = false) => ({
      getNormalBounds: () => bounds,
      isMaximized: () => maximized,
    });
    expect(windowStateOf(window({ x: 10.4, y: 20.6, width: 1000, height: 700 }, true))).toEqual({
      x: 10,
      y: 21,
      width: 1000,
      height: 700,
      maximized: true,
    });
    expect(windowStateOf(window({ x: 0, y: 0, width: 0, height: 700 }))).toBeNull();
  });
});
