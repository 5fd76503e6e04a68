// Turns a zod failure into the app's typed error: `validation_failed` (or another code) with one issue per
// field, each naming the field by its dotted path, so the UI and the logs can say exactly what was wrong.
import type { z } from 'zod';
import { type AppError, appError, type ErrorCode, type ValidationIssue } from './errors';
import { clip } from './primitives';

const MAX_ISSUES = 50;

export function issuePath(path: readonly PropertyKey[]): string {
  return path.map((key) => String(key)).join('.');
}

export function toValidationIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.slice(0, MAX_ISSUES).map((issue) => ({
    path: clip(issuePath(issue.path), 512),
    message: clip(issue.message),
  }));
}

/** One AppError for a failed parse; the message names the first field so a log line alone is useful. */
export function zodErrorToAppError(
  error: z.ZodError,
  code: ErrorCode = 'validation_failed',
  what = 'request',
): AppError {
  const issues = toValidationIssues(error);
  const first = issues[0];
  const where = first ? `${first.path || '(root)'}: ${first.message}` : 'invalid';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return appError(code, clip(`Invalid ${what}: ${where}${more}`), { issues });
}
