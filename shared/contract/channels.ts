// THE channel map: every call the renderer can make, with the zod schema of its arguments and of its value.
// Main parses every call's arguments with `args` before a handler runs (strict: unknown keys are rejected);
// the value travels inside the result envelope (result.ts). Nothing else in the app declares a channel.
import { z } from 'zod';
import { deletePlanSchema, LIFECYCLE_ACTIONS } from './delete-plan';
import { hostDraftSchema, hostInfoSchema, hostTestResultSchema, hostUpdateSchema } from './hosts';
import { inventorySnapshotSchema, vmInfoSchema } from './inventory';
import { exportArgsSchema, exportResultSchema } from './job-export';
import { jobInfoSchema, jobStatusSchema, jobTypeSchema, outputPageSchema } from './jobs';
import {
  BATCH_MAX,
  countSchema,
  hostIdSchema as hostId,
  JOB_PAGE_MAX,
  jobIdSchema as jobId,
  messageSchema,
  OUTPUT_PAGE_MAX,
  pathSchema,
  vmIdSchema as vmId,
  vmNameSchema,
} from './primitives';
import { resultSchema } from './result';
import { settingsPatchSchema, settingsSchema } from './settings';

const noArgs = z.strictObject({});

/** A VM named by id and by the name the admin saw: main refuses when they no longer belong together (S1). */
const vmTarget = z.strictObject({ hostId, vmId, vmName: vmNameSchema });

const outputRange = z.strictObject({
  from: countSchema,
  limit: z.int().min(1).max(OUTPUT_PAGE_MAX),
});

const deleteTarget = z.strictObject({ hostId, vmId, vmName: vmNameSchema, force: z.boolean() });

export const contract = {
  'hosts.list': { args: noArgs, result: z.strictObject({ hosts: z.array(hostInfoSchema) }) },
  'hosts.add': { args: hostDraftSchema, result: hostInfoSchema },
  'hosts.update': { args: hostUpdateSchema, result: hostInfoSchema },
  'hosts.remove': { args: z.strictObject({ hostId }), result: z.strictObject({ hostId }) },
  /** A saved host, or the Add/Edit dialog's draft before it is saved (`useSecretOf`: test with the secret
   *  stored for that host when the draft carries none). */
  'hosts.test': {
    args: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('saved'), hostId }),
      z.strictObject({ kind: z.literal('draft'), host: hostDraftSchema, useSecretOf: hostId.optional() }),
    ]),
    result: hostTestResultSchema,
  },

  /** The cached inventory, shown at once (stale until refreshed); all hosts when hostId is omitted. */
  'inventory.list': {
    args: z.strictObject({ hostId: hostId.optional() }),
    result: z.strictObject({ snapshots: z.array(inventorySnapshotSchema) }),
  },
  /** Re-reads the hosts now (all when omitted) and answers when they are read; changes also arrive as events. */
  'inventory.refresh': {
    args: z.strictObject({ hostIds: z.array(hostId).min(1).max(BATCH_MAX).optional() }),
    result: z.strictObject({ snapshots: z.array(inventorySnapshotSchema) }),
  },
  'inventory.getVm': { args: z.strictObject({ hostId, vmId }), result: vmInfoSchema },

  /** A plan-only run of the delete script (S2): what the confirmation dialog shows. Changes nothing. */
  'jobs.planDelete': {
    args: vmTarget.extend({ force: z.boolean().optional() }),
    result: z.strictObject({
      plan: deletePlanSchema,
      warnings: z.array(z.strictObject({ message: messageSchema, path: pathSchema.nullable() })),
    }),
  },
  /** One delete job per target (multi-select); each target is accepted or rejected on its own (C4). */
  'jobs.submitDelete': {
    args: z
      .strictObject({ targets: z.array(deleteTarget).min(1).max(BATCH_MAX) })
      .refine((args) => new Set(args.targets.map((t) => `${t.hostId}/${t.vmId}`)).size === args.targets.length, {
        message: 'each VM may appear once',
        path: ['targets'],
      }),
    result: z.strictObject({
      items: z.array(z.strictObject({ hostId, vmId, outcome: resultSchema(jobInfoSchema) })),
    }),
  },
  'jobs.submitLifecycle': {
    args: vmTarget.extend({ action: z.enum(LIFECYCLE_ACTIONS) }),
    result: jobInfoSchema,
  },
  /** Newest first. */
  'jobs.list': {
    args: z.strictObject({
      status: z.array(jobStatusSchema).min(1).max(7).optional(),
      type: jobTypeSchema.optional(),
      hostId: hostId.optional(),
      vmId: vmId.optional(),
      offset: countSchema.default(0),
      limit: z.int().min(1).max(JOB_PAGE_MAX).default(100),
    }),
    result: z.strictObject({ jobs: z.array(jobInfoSchema), total: countSchema, offset: countSchema }),
  },
  /** The job, and when `output` is given, that range of its output. */
  'jobs.get': {
    args: z.strictObject({ jobId, output: outputRange.optional() }),
    result: z.strictObject({ job: jobInfoSchema, output: outputPageSchema.nullable() }),
  },
  'jobs.getOutput': { args: outputRange.extend({ jobId }), result: outputPageSchema },
  'jobs.cancel': { args: z.strictObject({ jobId }), result: jobInfoSchema },
  /** A new job for the same VM and parameters, linked by `retryOf`. */
  'jobs.retry': { args: z.strictObject({ jobId }), result: jobInfoSchema },
  'jobs.export': { args: exportArgsSchema, result: exportResultSchema },

  'settings.get': { args: noArgs, result: settingsSchema },
  'settings.update': { args: settingsPatchSchema, result: settingsSchema },

  /** Rebuilds the lab host's sandbox from its scenario (C11); its inventory is re-read. */
  'lab.reset': { args: noArgs, result: z.strictObject({ hostId }) },

  /** The renderer has subscribed: main starts sending (batched) events it held until now. */
  'app.ready': { args: noArgs, result: z.strictObject({}) },
} as const satisfies Record<string, { args: z.ZodType; result: z.ZodType }>;
