// How the global setup hands the harness to the tests (environment variables, inherited by the workers), and
// the tests' side of the harness: its address, and its test-only control operations (lab faults).
import { join } from 'node:path';

export const HARNESS_ENV = {
  url: 'HARNESS_URL',
  origin: 'HARNESS_ORIGIN',
  secret: 'HARNESS_SECRET',
  dataDir: 'HARNESS_DATA_DIR',
} as const;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the e2e suite through playwright.config.ts (its globalSetup).`);
  return value;
}

export interface HarnessInfo {
  readonly url: string;
  readonly origin: string;
  readonly secret: string;
  readonly dataDir: string;
  /** Where the harness's save "dialog" writes exports. */
  readonly exportsDir: string;
}

export function harnessInfo(): HarnessInfo {
  const dataDir = required(HARNESS_ENV.dataDir);
  return {
    url: required(HARNESS_ENV.url),
    origin: required(HARNESS_ENV.origin),
    secret: required(HARNESS_ENV.secret),
    dataDir,
    exportsDir: join(dataDir, 'exports'),
  };
}

/** A test-only operation on the lab host (harness/lab-control.ts), e.g. `control('lab.faults.inject', {...})`. */
export async function control(operation: string, body: Record<string, unknown> = {}): Promise<unknown> {
  const { origin, secret } = harnessInfo();
  const response = await fetch(`${origin}/__harness/control/${operation}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin, 'x-harness-secret': secret },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`harness control ${operation} failed (${response.status}): ${text}`);
  return (JSON.parse(text) as { value: unknown }).value;
}
