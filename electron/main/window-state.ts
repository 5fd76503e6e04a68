// The window's size, position and maximized state, kept in the key-value store across runs (C10). A stored
// position is used only if the window's title bar would land on a display that exists now (a laptop undocked
// from its second monitor must not open its window off-screen); the size never exceeds that display.
import { z } from 'zod';

export const WINDOW_STATE_KEY = 'window.state';

const coordinate = z.int().min(-100_000).max(100_000);
const length = z.int().min(1).max(100_000);

export const windowStateSchema = z.strictObject({
  x: coordinate,
  y: coordinate,
  width: length,
  height: length,
  maximized: z.boolean(),
});
export type WindowState = z.output<typeof windowStateSchema>;

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface WindowSize {
  readonly width: number;
  readonly height: number;
  readonly minWidth: number;
  readonly minHeight: number;
}

/** What the window opens with: a position only when the stored one is usable (otherwise the OS centers it). */
export interface InitialWindowBounds {
  readonly x?: number;
  readonly y?: number;
  readonly width: number;
  readonly height: number;
  readonly maximized: boolean;
}

/** How much of the title bar must be on a display for the admin to grab it. */
const GRAB_WIDTH = 100;
const TITLE_BAR_HEIGHT = 30;

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

function clampSize(width: number, height: number, size: WindowSize, area: Rect | undefined) {
  const maxWidth = Math.max(size.minWidth, area?.width ?? width);
  const maxHeight = Math.max(size.minHeight, area?.height ?? height);
  return {
    width: Math.min(Math.max(width, size.minWidth), maxWidth),
    height: Math.min(Math.max(height, size.minHeight), maxHeight),
  };
}

/**
 * `workAreas`: the work area of each display now attached, the primary first. `stored`: the last saved state,
 * or undefined (first run, or a value that failed its schema).
 */
export function initialWindowBounds(
  stored: WindowState | undefined,
  workAreas: readonly Rect[],
  size: WindowSize,
): InitialWindowBounds {
  const primary = workAreas[0];
  if (!stored) return { ...clampSize(size.width, size.height, size, primary), maximized: false };
  const titleBar: Rect = { x: stored.x, y: stored.y, width: stored.width, height: TITLE_BAR_HEIGHT };
  const home = workAreas.find((area) => {
    const visible = overlap(titleBar, area);
    return visible.width >= Math.min(GRAB_WIDTH, stored.width) && visible.height >= TITLE_BAR_HEIGHT / 2;
  });
  if (!home) return { ...clampSize(stored.width, stored.height, size, primary), maximized: stored.maximized };
  const clamped = clampSize(stored.width, stored.height, size, home);
  // Keep the title bar below the display's top edge, where it can be grabbed.
  return { x: stored.x, y: Math.max(stored.y, home.y), ...clamped, maximized: stored.maximized };
}

/** The state to save when the window closes: its normal (un-maximized) bounds and whether it was maximized. */
export function windowStateOf(window: { getNormalBounds(): Rect; isMaximized(): boolean }): WindowState | null {
  const bounds = window.getNormalBounds();
  const parsed = windowStateSchema.safeParse({
    x: Math.round(bounds.x),
    y: Math.round(bounds.y),
    width: Math.round(bounds.width),
    height: Math.round(bounds.height),
    maximized: window.isMaximized(),
  });
  return parsed.success ? parsed.data : null;
}
