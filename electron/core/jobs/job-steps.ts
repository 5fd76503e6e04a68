// Step states from the agent's `step` events: a delete starts with its whole checklist pending and each event
// moves one step; a lifecycle job's steps are added as the agent reports them. Pure functions over arrays, so
// every update produces a new array (the previous one may already be in an emitted event).
import type { JobStep } from '../../../shared/contract/jobs';
import { clip } from '../../../shared/contract/primitives';

const STEP_NAME_MAX = 256;

export interface StepEvent {
  readonly id: string;
  readonly name: string;
  readonly status: 'started' | 'succeeded' | 'skipped' | 'failed';
  readonly detail: string | null;
}

export function applyStepEvent(steps: readonly JobStep[], event: StepEvent, at: string): JobStep[] {
  const detail = event.detail === null ? null : clip(event.detail);
  const index = steps.findIndex((step) => step.id === event.id);
  if (index < 0) {
    const id = clip(event.id, 128);
    return [...steps, { id, name: clip(event.name || id, STEP_NAME_MAX), status: event.status, detail, at }];
  }
  return steps.map((step, i) => (i === index ? { ...step, status: event.status, detail, at } : step));
}

/** When a job stops without the agent closing its step (timeout, cancel, crash): the open step failed. */
export function closeOpenSteps(steps: readonly JobStep[], detail: string, at: string): JobStep[] {
  if (!steps.some((step) => step.status === 'started')) return [...steps];
  return steps.map((step) => (step.status === 'started' ? { ...step, status: 'failed', detail, at } : step));
}

/** The step that was running when the job stopped, if the agent had started one. */
export function openStepId(steps: readonly JobStep[]): string | null {
  return steps.find((step) => step.status === 'started')?.id ?? null;
}
