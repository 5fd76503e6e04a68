// The console-error check every flow ends with. One message is allowed: Radix Dialog (react-remove-scroll)
// injects a <style> element to lock the page's scroll, and the renderer's strict CSP (style-src 'self') blocks
// it, which Chromium reports once per dialog. The dialog still works (only the scroll lock is lost); anything
// else on the console is a failure.
import { expect } from '@playwright/test';

const RADIX_SCROLL_LOCK_STYLE =
  /^Applying inline style violates the following Content Security Policy directive 'style-src 'self''\. .*The action has been blocked\.$/;

/** The errors that are not the one known Radix/CSP message. */
export function unexpectedConsoleErrors(errors: readonly string[]): string[] {
  return errors.filter((message) => !RADIX_SCROLL_LOCK_STYLE.test(message));
}

export function expectCleanConsole(errors: readonly string[]): void {
  expect(unexpectedConsoleErrors(errors), 'console errors other than the Radix scroll-lock style').toEqual([]);
}
