// THE event map: everything main pushes to the renderer, by name, with its payload schema. Main sends events
// in batches on one IPC channel (EVENT_CHANNEL in api.ts), in the order they happened, and only after the
// renderer's `app.ready`; the preload hands each event to the subscribers of its name.
import { z } from 'zod';
import { appErrorSchema } from './errors';
import { hostInfoSchema } from './hosts';
import { hostFactsSchema, vmInfoSchema } from './inventory';
import { jobInfoSchema, jobOutputLineSchema } from './jobs';
import { countSchema, hostIdSchema, jobIdSchema, messageSchema, timestampSchema, vmIdSchema } from './primitives';

/** A whole host's VM list (after a refresh), or a few VMs changed (a `Deleting` mark, a pruned VM). */
const inventoryChangeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('snapshot'), vms: z.array(vmInfoSchema) }),
  z.strictObject({
    kind: z.literal('patch'),
    upserted: z.array(vmInfoSchema),
    removed: z.array(vmIdSchema),
  }),
]);

export const NOTIFICATION_KINDS = ['info', 'success', 'warning', 'error'] as const;

export const events = {
  /** The host list or a host's status changed (added, edited, removed, tested, lab seeded). */
  'hosts.changed': z.strictObject({ hosts: z.array(hostInfoSchema) }),
  'inventory.changed': z.strictObject({
    hostId: hostIdSchema,
    collectedAt: timestampSchema.nullable(),
    stale: z.boolean(),
    refreshing: z.boolean(),
    error: appErrorSchema.nullable(),
    host: hostFactsSchema.nullable(),
    change: inventoryChangeSchema,
  }),
  'job.created': z.strictObject({ job: jobInfoSchema }),
  'job.updated': z.strictObject({ job: jobInfoSchema }),
  /** New output lines of a running job, batched; `fromSeq` is the first line's seq. */
  'job.output': z.strictObject({
    jobId: jobIdSchema,
    fromSeq: countSchema,
    lines: z.array(jobOutputLineSchema).min(1),
  }),
  /** Something to tell the admin in the window (a toast); the native notification is main's own. */
  notification: z.strictObject({
    kind: z.enum(NOTIFICATION_KINDS),
    title: z.string().min(1).max(255),
    body: messageSchema,
    jobId: jobIdSchema.nullable(),
  }),
  /** Show this job in the jobs panel: the admin clicked its native notification or its tray menu item. */
  'app.openJob': z.strictObject({ jobId: jobIdSchema }),
} as const satisfies Record<string, z.ZodType>;
