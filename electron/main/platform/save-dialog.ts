// The core's ExportSaver over Electron's save dialog, modal to the app window (../desktop/export-saver.ts).
import { writeFile } from 'node:fs/promises';
import { app, type BrowserWindow, dialog } from 'electron';
import type { ExportSaver } from '../../core/jobs/job-ports';
import { createDialogExportSaver } from '../desktop/export-saver';

export function createSaveDialogExportSaver(window: () => BrowserWindow | null): ExportSaver {
  return createDialogExportSaver({
    showSaveDialog: (request) => {
      const parent = window();
      const options = { ...request, properties: ['createDirectory', 'showOverwriteConfirmation'] as const };
      return parent
        ? dialog.showSaveDialog(parent, { ...options, properties: [...options.properties] })
        : dialog.showSaveDialog({ ...options, properties: [...options.properties] });
    },
    writeFile: (path, content) => writeFile(path, content, 'utf8'),
    defaultFolder: () => app.getPath('documents'),
  });
}
