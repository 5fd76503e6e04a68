// Main's `notification` events become toasts; one that names a job offers to open it (the toast renders that
// action from `jobId`). `app.openJob` (the admin clicked a job's native notification or tray item) opens it.
import type { HvApi } from '@shared/preload-api';
import type { UiStore } from './ui-store';

export function connectNotifications(api: HvApi, ui: UiStore): () => void {
  const unsubscribers = [
    api.on('notification', ({ kind, title, body, jobId }) => {
      ui.getState().pushToast({ kind, title, body, jobId });
    }),
    api.on('app.openJob', ({ jobId }) => ui.getState().openJob(jobId)),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
