// When the app quits, and how: the core must stop (running jobs end `interrupted`, stores close) before the
// process exits, and closing the window must not silently interrupt jobs that are still running.

/** Whether closing the last window quits the app. macOS apps stay in the dock; elsewhere the app stays in the
 *  tray while jobs are queued or running, and quits when there are none. */
export function quitsWhenAllWindowsClosed(platform: NodeJS.Platform, activeJobs: number): boolean {
  return platform !== 'darwin' && activeJobs === 0;
}

/**
 * A `before-quit` listener that holds the quit until `stop()` has settled, once, then quits for real. Electron
 * emits `before-quit` again for that second quit; it passes through.
 */
export function stopBeforeQuit(
  stop: () => Promise<void>,
  quit: () => void,
  onError: (error: unknown) => void = (error) => console.error('Stopping the core failed:', error),
): (event: { preventDefault(): void }) => void {
  let state: 'running' | 'stopping' | 'stopped' = 'running';
  return (event) => {
    if (state === 'stopped') return;
    event.preventDefault();
    if (state === 'stopping') return;
    state = 'stopping';
    stop()
      .catch(onError)
      .finally(() => {
        state = 'stopped';
        quit();
      });
  };
}
