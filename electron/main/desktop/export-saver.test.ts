import { describe, expect, it, vi } from 'vitest';
import { createDialogExportSaver, type SaveDialogRequest } from './export-saver';

function setup(answers: { canceled: boolean; filePath?: string }[], writeFile = vi.fn(async () => undefined)) {
  const requests: SaveDialogRequest[] = [];
  const saver = createDialogExportSaver({
    showSaveDialog: async (request) => {
      requests.push(request);
      return answers.shift() ?? { canceled: true };
    },
    writeFile,
    defaultFolder: () => '/home/admin/Documents',
  });
  return { saver, requests, writeFile };
}

describe('the save-dialog export saver', () => {
  it('offers the suggested name in Documents, writes where the admin chose, and returns only the file name', async () => {
    const { saver, requests, writeFile } = setup([{ canceled: false, filePath: '/srv/logs/web01.log' }]);
    await expect(saver.save('web01-delete_vm-j-17.log', 'the log', 'text/plain')).resolves.toEqual({
      kind: 'saved',
      fileName: 'web01.log',
    });
    expect(requests[0]).toMatchObject({
      defaultPath: '/home/admin/Documents/web01-delete_vm-j-17.log',
      filters: [{ extensions: ['log', 'txt'] }],
    });
    expect(writeFile).toHaveBeenCalledWith('/srv/logs/web01.log', 'the log');
  });

  it('opens the next dialog where the last file went, and writes nothing when cancelled', async () => {
    const { saver, requests, writeFile } = setup([
      { canceled: false, filePath: '/srv/logs/a.json' },
      { canceled: true },
    ]);
    await saver.save('a.json', '{}', 'application/json');
    await expect(saver.save('b.json', '{}', 'application/json')).resolves.toEqual({ kind: 'cancelled' });
    expect(requests[1]?.defaultPath).toBe('/srv/logs/b.json');
    expect(requests[1]?.filters).toEqual([{ name: 'Job log (JSON)', extensions: ['json'] }]);
    expect(writeFile).toHaveBeenCalledTimes(1);
  });

  it('reports a failed write as export_failed that says what to do, without the full path', async () => {
    const denied = Object.assign(new Error('EACCES: permission denied, open /srv/locked/a.log'), { code: 'EACCES' });
    const { saver } = setup(
      [{ canceled: false, filePath: '/srv/locked/a.log' }],
      vi.fn(async () => Promise.reject(denied)),
    );
    const failure = await saver.save('a.log', 'x', 'text/plain').catch((error: unknown) => error);
    expect(failure).toMatchObject({
      error: {
        code: 'export_failed',
        message: 'The job log could not be written to a.log (access was denied); choose another folder.',
      },
    });
  });
});
