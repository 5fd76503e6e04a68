// Jobs (C4, C5): every long operation is a job with a plain, serialisable info object that main sends as
// created/updated/output events and the renderer mirrors. Parameters hold no secret by construction: each job
// type's params schema lists exactly its fields.
import { z } from 'zod';
import { deletePlanSchema, deleteResultSchema, LIFECYCLE_ACTIONS, lifecycleResultSchema } from './delete-plan';
import { errorCodeSchema } from './errors';
import {
  countSchema,
  hostIdSchema,
  jobIdSchema,
  messageSchema,
  OUTPUT_LINE_MAX,
  PATH_MAX,
  shortTextSchema,
  timestampSchema,
  vmIdSchema,
  vmNameSchema,
} from './primitives';

export const JOB_TYPES = ['delete_vm', 'vm_lifecycle'] as const;
export const jobTypeSchema = z.enum(JOB_TYPES);
export type JobType = z.output<typeof jobTypeSchema>;

export const JOB_STATUSES = [
  'queued',
  'running',
  'succeeded',
  'failed',
  'cancelled',
  'timed_out',
  'interrupted',
] as const;
export const jobStatusSchema = z.enum(JOB_STATUSES);
export type JobStatus = z.output<typeof jobStatusSchema>;
export const ACTIVE_JOB_STATUSES: readonly JobStatus[] = ['queued', 'running'];
export function isJobActive(status: JobStatus): boolean {
  return ACTIVE_JOB_STATUSES.includes(status);
}

/** `started`, `succeeded`, `skipped`, `failed` as the agent reports them; `pending` until the step starts. */
export const STEP_STATUSES = ['pending', 'started', 'succeeded', 'skipped', 'failed'] as const;

/** The delete script's steps in order (powershell/README.md); plan-only runs `validate` and `plan` only. */
export const DELETE_STEPS = [
  { id: 'validate', name: 'Validate the request' },
  { id: 'lock', name: 'Take the host lock' },
  { id: 'plan', name: 'Compute the plan' },
  { id: 'cluster', name: 'Remove the cluster role' },
  { id: 'power', name: 'Turn the VM off' },
  { id: 'checkpoints', name: 'Remove checkpoints and wait for the merge' },
  { id: 'disks', name: 'Detach and delete disks' },
  { id: 'media', name: 'Remove DVD drives and ISO files' },
  { id: 'unregister', name: 'Unregister the VM' },
  { id: 'folders', name: 'Prune empty folders' },
] as const;

export const jobStepSchema = z.strictObject({
  id: shortTextSchema.min(1),
  name: z.string().max(256),
  status: z.enum(STEP_STATUSES),
  detail: messageSchema.nullable(),
  /** When the step last changed status. */
  at: timestampSchema.nullable(),
});
export type JobStep = z.output<typeof jobStepSchema>;

/** Why a job did not succeed: the app's code, plus the host's own code, step and object when the host said. */
export const jobErrorSchema = z.strictObject({
  code: errorCodeSchema,
  message: messageSchema,
  hostCode: shortTextSchema.nullable(),
  step: shortTextSchema.nullable(),
  object: z.string().max(PATH_MAX).nullable(),
});
export type JobError = z.output<typeof jobErrorSchema>;

export const deleteParamsSchema = z.strictObject({
  force: z.boolean(),
  mode: z.enum(['plan', 'execute']),
});
export const lifecycleParamsSchema = z.strictObject({
  action: z.enum(LIFECYCLE_ACTIONS),
});

const jobBaseShape = {
  id: jobIdSchema,
  hostId: hostIdSchema,
  vmId: vmIdSchema,
  vmName: vmNameSchema,
  status: jobStatusSchema,
  /** The workstation user who asked, as main recorded it (the renderer never claims an identity). */
  requestedBy: z.string().min(1).max(256),
  createdAt: timestampSchema,
  startedAt: timestampSchema.nullable(),
  finishedAt: timestampSchema.nullable(),
  /** The job this one retries (C5: retry creates a new job linked to the old one). */
  retryOf: jobIdSchema.nullable(),
  steps: z.array(jobStepSchema).max(64),
  error: jobErrorSchema.nullable(),
  outputLineCount: countSchema,
};

export const deleteJobSchema = z.strictObject({
  ...jobBaseShape,
  type: z.literal('delete_vm'),
  params: deleteParamsSchema,
  plan: deletePlanSchema.nullable(),
  result: deleteResultSchema.nullable(),
});

export const lifecycleJobSchema = z.strictObject({
  ...jobBaseShape,
  type: z.literal('vm_lifecycle'),
  params: lifecycleParamsSchema,
  result: lifecycleResultSchema.nullable(),
});

export const jobInfoSchema = z.discriminatedUnion('type', [deleteJobSchema, lifecycleJobSchema]);
export type JobInfo = z.output<typeof jobInfoSchema>;
export type DeleteJobInfo = z.output<typeof deleteJobSchema>;
export type LifecycleJobInfo = z.output<typeof lifecycleJobSchema>;

export const OUTPUT_STREAMS = ['out', 'err', 'event'] as const;

/** One line of a job's output; `seq` counts from 0 per job and never repeats. */
export const jobOutputLineSchema = z.strictObject({
  seq: countSchema,
  ts: timestampSchema,
  stream: z.enum(OUTPUT_STREAMS),
  text: z.string().max(OUTPUT_LINE_MAX),
});
export type JobOutputLine = z.output<typeof jobOutputLineSchema>;

/** A range of a job's output: lines with seq in [from, nextSeq); `total` lines exist so far. */
export const outputPageSchema = z.strictObject({
  jobId: jobIdSchema,
  from: countSchema,
  nextSeq: countSchema,
  total: countSchema,
  lines: z.array(jobOutputLineSchema),
});
export type OutputPage = z.output<typeof outputPageSchema>;
