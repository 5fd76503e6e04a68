// A job log as a file (C10): text (a header of the job's metadata, then every output line) or JSON (the
// contract's export document). Both are built from the JobInfo and the stored output only; a job record holds
// no secret by construction (shared/contract/jobs.ts lists every parameter), so neither can an export.
import {
  type ExportFormat,
  type JobExportDocument,
  jobExportDocumentSchema,
  suggestExportFileName,
} from '../../../shared/contract/job-export';
import type { JobInfo, JobOutputLine } from '../../../shared/contract/jobs';

export interface ExportFile {
  readonly suggestedFileName: string;
  readonly mimeType: 'text/plain' | 'application/json';
  readonly content: string;
}

export interface AppIdentity {
  readonly name: string;
  readonly version: string;
}

export function buildExport(
  job: JobInfo,
  output: readonly JobOutputLine[],
  format: ExportFormat,
  exportedAt: string,
  app: AppIdentity,
): ExportFile {
  const suggestedFileName = suggestExportFileName(job, format);
  if (format === 'json') {
    return {
      suggestedFileName,
      mimeType: 'application/json',
      content: `${JSON.stringify(exportDocument(job, output, exportedAt, app), null, 2)}\n`,
    };
  }
  return { suggestedFileName, mimeType: 'text/plain', content: exportText(job, output, exportedAt, app) };
}

export function exportDocument(
  job: JobInfo,
  output: readonly JobOutputLine[],
  exportedAt: string,
  app: AppIdentity,
): JobExportDocument {
  return jobExportDocumentSchema.parse({
    kind: 'hyperv-vm-deleter/job-export',
    formatVersion: 1,
    exportedAt,
    app: { name: app.name, version: app.version },
    job,
    output,
  });
}

export function exportText(
  job: JobInfo,
  output: readonly JobOutputLine[],
  exportedAt: string,
  app: AppIdentity,
): string {
  const header: string[] = [
    `# ${app.name} ${app.version}: job log exported ${exportedAt}`,
    `Job:          ${job.id}`,
    `Type:         ${job.type}`,
    `Host:         ${job.hostId}`,
    `VM:           ${oneLine(job.vmName)} (${job.vmId})`,
    `Parameters:   ${parameters(job)}`,
    `Status:       ${job.status}`,
    `Requested by: ${job.requestedBy}`,
    `Created:      ${job.createdAt}`,
    `Started:      ${job.startedAt ?? '-'}`,
    `Finished:     ${job.finishedAt ?? '-'}`,
  ];
  if (job.retryOf) header.push(`Retry of:     ${job.retryOf}`);
  if (job.error) {
    const where = [
      job.error.hostCode && `host code ${job.error.hostCode}`,
      job.error.step && `step ${job.error.step}`,
      job.error.object && `object ${oneLine(job.error.object)}`,
    ].filter(Boolean);
    header.push(
      `Error:        [${job.error.code}] ${oneLine(job.error.message)}${where.length ? ` (${where.join(', ')})` : ''}`,
    );
  }
  if (job.steps.length > 0) {
    header.push('Steps:');
    for (const step of job.steps) {
      header.push(`  [${step.status}] ${step.id}: ${step.name}${step.detail ? ` - ${oneLine(step.detail)}` : ''}`);
    }
  }
  header.push(`Output:       ${output.length} lines`, '');
  const lines = output.map((line) => `${line.ts} ${line.stream.padEnd(5)} ${line.text}`);
  return `${[...header, ...lines].join('\n')}\n`;
}

function parameters(job: JobInfo): string {
  if (job.type === 'delete_vm') return `force=${job.params.force}, mode=${job.params.mode}`;
  return `action=${job.params.action}`;
}

/** Metadata fields are one line each in the header, whatever a VM name or a host message holds. */
function oneLine(text: string): string {
  return text.replace(/\r?\n|\r/g, ' ');
}
