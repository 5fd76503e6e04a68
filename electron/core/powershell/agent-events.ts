import { z } from 'zod';

// The structured events of the agent protocol (powershell/README.md, "Output"): one compact JSON object per line
// behind the marker '##hvagent '. Each type is validated at this process boundary. Objects are loose: fields the
// protocol does not name yet (the agent adds `requires_force`, `merge_files`, ...) pass through untouched, while
// the fields the control plane acts on must have the documented shape.

export const AGENT_EVENT_MARKER = '##hvagent ';

// Empty or null before the payload is read (an invalid payload is reported before the job id is known).
const jobId = z.string().max(128).nullable();
const path = z.string();

export const planEventSchema = z.looseObject({
  type: z.literal('plan'),
  job_id: jobId,
  vm: z.looseObject({ id: z.string(), name: z.string(), state: z.string(), path: path.nullable() }),
  cluster_role: z.looseObject({ name: z.string(), state: z.string() }).nullable(),
  power_action: z.enum(['none', 'turn_off']),
  checkpoints: z.array(z.looseObject({ id: z.string(), name: z.string() })),
  files_to_delete: z.array(z.looseObject({ path, kind: z.string(), size_bytes: z.number().nullable() })),
  files_to_keep: z.array(z.looseObject({ path, kind: z.string().optional(), reason: z.string() })),
  drives_to_detach: z.array(
    z.looseObject({
      kind: z.enum(['disk', 'passthrough', 'dvd']),
      controller: z.string(),
      path: path.nullable().optional(),
      disk_number: z.number().nullable().optional(),
    }),
  ),
  folders_to_prune: z.array(path),
  protected_roots: z.array(path),
});

export const stepEventSchema = z.looseObject({
  type: z.literal('step'),
  job_id: jobId,
  id: z.string().min(1),
  name: z.string(),
  status: z.enum(['started', 'succeeded', 'skipped', 'failed']),
  detail: z.string().nullable(),
});

export const warningEventSchema = z.looseObject({
  type: z.literal('warning'),
  job_id: jobId,
  message: z.string(),
  path: path.nullable().optional(),
});

export const agentErrorSchema = z.looseObject({
  code: z.string().min(1),
  message: z.string(),
  step: z.string().nullable().optional(),
  object: z.unknown().optional(),
});

export const resultEventSchema = z.looseObject({
  type: z.literal('result'),
  job_id: jobId,
  status: z.enum(['succeeded', 'failed']),
  error: agentErrorSchema.nullable(),
  // Per script; each is optional here and checked by the service that consumes that script's result.
  files_deleted: z.array(path).optional(),
  files_kept: z.array(z.looseObject({ path, reason: z.string() })).optional(),
  folders_removed: z.array(path).optional(),
  folders_kept: z.array(z.looseObject({ path, holds: z.array(z.string()).optional() })).optional(),
  inventory: z.unknown().optional(),
  vm: z.looseObject({ id: z.string().nullable(), name: z.string().nullable() }).nullable().optional(),
});

export const agentEventSchema = z.discriminatedUnion('type', [
  planEventSchema,
  stepEventSchema,
  warningEventSchema,
  resultEventSchema,
]);

export type PlanEvent = z.infer<typeof planEventSchema>;
export type StepEvent = z.infer<typeof stepEventSchema>;
export type WarningEvent = z.infer<typeof warningEventSchema>;
export type ResultEvent = z.infer<typeof resultEventSchema>;
export type AgentError = z.infer<typeof agentErrorSchema>;
export type AgentEvent = z.infer<typeof agentEventSchema>;
export type AgentEventType = AgentEvent['type'];

export const AGENT_EVENT_TYPES: readonly AgentEventType[] = ['plan', 'step', 'warning', 'result'];
