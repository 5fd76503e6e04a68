// Exporting a job log (C10) as text or as JSON with metadata. The renderer never sends a path and never
// receives one it did not choose: with `save_dialog` main asks the user where to write (its save dialog) and
// answers with the chosen file's name only; with `content` main returns the document and a suggested file name
// for the caller to offer as a download (the browser harness), and writes nothing.
import { z } from 'zod';
import { type JobInfo, jobInfoSchema, jobOutputLineSchema } from './jobs';
import { jobIdSchema, timestampSchema } from './primitives';

export const EXPORT_FORMATS = ['text', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A bare file name in a safe alphabet: no separators, no leading dot or dash, a known extension. */
export const exportFileNameSchema = z
  .string()
  .max(255)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.(log|json)$/, 'must be a plain .log or .json file name');

export const exportArgsSchema = z.strictObject({
  jobId: jobIdSchema,
  format: z.enum(EXPORT_FORMATS),
  destination: z.enum(['save_dialog', 'content']),
});

export const exportResultSchema = z.discriminatedUnion('kind', [
  /** Written where the user chose; only the file's name comes back, for the toast. */
  z.strictObject({ kind: z.literal('saved'), fileName: z.string().min(1).max(255) }),
  /** The user closed the save dialog. */
  z.strictObject({ kind: z.literal('cancelled') }),
  z.strictObject({
    kind: z.literal('content'),
    suggestedFileName: exportFileNameSchema,
    mimeType: z.enum(['text/plain', 'application/json']),
    content: z.string(),
  }),
]);
export type ExportResult = z.output<typeof exportResultSchema>;

/** The JSON export: the job record (parameters already redacted) and its whole output. */
export const jobExportDocumentSchema = z.strictObject({
  kind: z.literal('hyperv-vm-deleter/job-export'),
  formatVersion: z.literal(1),
  exportedAt: timestampSchema,
  app: z.strictObject({ name: z.string().max(255), version: z.string().max(64) }),
  job: jobInfoSchema,
  output: z.array(jobOutputLineSchema),
});
export type JobExportDocument = z.output<typeof jobExportDocumentSchema>;

/** `web01-delete_vm-j-17.log`: the VM name reduced to the safe alphabet, so any VM name gives a valid name. */
export function suggestExportFileName(job: Pick<JobInfo, 'id' | 'type' | 'vmName'>, format: ExportFormat): string {
  const vm =
    job.vmName
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .replace(/^[._-]+/, '')
      .slice(0, 80) || 'vm';
  const extension = format === 'json' ? 'json' : 'log';
  return exportFileNameSchema.parse(`${vm}-${job.type}-${job.id}.${extension}`);
}
