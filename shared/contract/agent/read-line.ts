// Reads one line of an entry script's output: a log line, or a `##hvagent {json}` event turned into a camelCase
// AgentEvent. The runner splits the stream into lines; this decides what each line is.
import { z } from 'zod';
import type { DeletePlan, DeleteResult, HostError, LifecycleResult } from '../delete-plan';
import { appError } from '../errors';
import type { HostId } from '../primitives';
import { fail, ok, type Result } from '../result';
import { zodErrorToAppError } from '../validation';
import {
  type ConvertedInventory,
  toDeletePlan,
  toDeleteResult,
  toHostError,
  toInventory,
  toLifecycleResult,
} from './convert';
import {
  rawDeleteResultSchema,
  rawEventHeadSchema,
  rawInventoryResultSchema,
  rawLifecycleResultSchema,
  rawPlanSchema,
  rawStepSchema,
  rawWarningSchema,
} from './raw';

/** Marks an event line (powershell/README.md); the JSON follows on the same line. */
export const AGENT_EVENT_MARKER = '##hvagent ';

/** Which entry script produced the output: it decides the shape of the `result` event. */
export type AgentScript = 'delete' | 'lifecycle' | 'inventory';

export type AgentResult =
  | { script: 'delete'; result: DeleteResult }
  | { script: 'lifecycle'; result: LifecycleResult }
  | {
      script: 'inventory';
      status: 'succeeded' | 'failed';
      error: HostError | null;
      inventory: ConvertedInventory | null;
    };

export type AgentEvent = { jobId: string | null } & (
  | { type: 'plan'; plan: DeletePlan }
  | {
      type: 'step';
      id: string;
      name: string;
      status: 'started' | 'succeeded' | 'skipped' | 'failed';
      detail: string | null;
    }
  | { type: 'warning'; message: string; path: string | null }
  | ({ type: 'result' } & AgentResult)
);

export interface ReadContext {
  script: AgentScript;
  /** Needed to turn an inventory document into VmInfo records. */
  hostId: HostId;
}

/** ok(null): a log line. ok(event): an event. fail(protocol_error): a marked line that breaks the protocol. */
export function readAgentLine(line: string, context: ReadContext): Result<AgentEvent | null> {
  const trimmed = line.endsWith('\r') ? line.slice(0, -1) : line;
  if (!trimmed.startsWith(AGENT_EVENT_MARKER)) return ok(null);
  let body: unknown;
  try {
    body = JSON.parse(trimmed.slice(AGENT_EVENT_MARKER.length));
  } catch {
    return fail(appError('protocol_error', 'The host wrote an event line that is not JSON.'));
  }
  try {
    return ok(toAgentEvent(body, context));
  } catch (error) {
    if (error instanceof z.ZodError) return fail(zodErrorToAppError(error, 'protocol_error', 'agent event'));
    throw error;
  }
}

function toAgentEvent(body: unknown, context: ReadContext): AgentEvent {
  const head = rawEventHeadSchema.parse(body);
  const jobId = head.job_id;
  switch (head.type) {
    case 'plan':
      return { jobId, type: 'plan', plan: toDeletePlan(rawPlanSchema.parse(body)) };
    case 'step': {
      const step = rawStepSchema.parse(body);
      const detail = step.detail === undefined || step.detail === null || step.detail === '' ? null : step.detail;
      return { jobId, type: 'step', id: step.id, name: step.name, status: step.status, detail };
    }
    case 'warning': {
      const warning = rawWarningSchema.parse(body);
      return { jobId, type: 'warning', message: warning.message, path: warning.path ?? null };
    }
    case 'result':
      return { jobId, type: 'result', ...toAgentResult(body, context) };
  }
}

function toAgentResult(body: unknown, context: ReadContext): AgentResult {
  switch (context.script) {
    case 'delete':
      return { script: 'delete', result: toDeleteResult(rawDeleteResultSchema.parse(body)) };
    case 'lifecycle':
      return { script: 'lifecycle', result: toLifecycleResult(rawLifecycleResultSchema.parse(body)) };
    case 'inventory': {
      const raw = rawInventoryResultSchema.parse(body);
      return {
        script: 'inventory',
        status: raw.status,
        error: toHostError(raw.error),
        inventory: raw.inventory === null ? null : toInventory(raw.inventory, context.hostId),
      };
    }
  }
}
