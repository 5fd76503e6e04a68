// The core's ExportSaver (jobs.export with destination 'save_dialog'): main's save dialog asks the admin where,
// then the file is written there. The renderer never names a path; it gets back only the chosen file's name.
import { basename, dirname, join } from 'node:path';
import { AppException, appError } from '../../../shared/contract/errors';
import type { ExportSaver } from '../../core/jobs/job-ports';

export interface SaveDialogRequest {
  readonly title: string;
  readonly defaultPath: string;
  readonly buttonLabel: string;
  readonly filters: { name: string; extensions: string[] }[];
}

export interface DialogExportSaverOptions {
  /** Electron's dialog.showSaveDialog, bound to the app window. */
  readonly showSaveDialog: (request: SaveDialogRequest) => Promise<{ canceled: boolean; filePath?: string }>;
  readonly writeFile: (path: string, content: string) => Promise<void>;
  /** Where the first dialog opens (the Documents folder); later ones open where the last file went. */
  readonly defaultFolder: () => string;
}

const FILTERS = {
  'text/plain': [{ name: 'Job log', extensions: ['log', 'txt'] }],
  'application/json': [{ name: 'Job log (JSON)', extensions: ['json'] }],
} as const;

export function createDialogExportSaver(options: DialogExportSaverOptions): ExportSaver {
  let lastFolder: string | null = null;
  return {
    async save(suggestedFileName, content, mimeType) {
      const answer = await options.showSaveDialog({
        title: 'Export job log',
        defaultPath: join(lastFolder ?? options.defaultFolder(), suggestedFileName),
        buttonLabel: 'Export',
        filters: FILTERS[mimeType].map((filter) => ({ name: filter.name, extensions: [...filter.extensions] })),
      });
      if (answer.canceled || !answer.filePath) return { kind: 'cancelled' };
      const fileName = basename(answer.filePath);
      try {
        await options.writeFile(answer.filePath, content);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const why = code === 'EACCES' || code === 'EPERM' ? 'access was denied' : (code ?? 'the write failed');
        throw new AppException(
          appError('export_failed', `The job log could not be written to ${fileName} (${why}); choose another folder.`),
        );
      }
      lastFolder = dirname(answer.filePath);
      return { kind: 'saved', fileName: fileName.slice(0, 255) };
    },
  };
}
