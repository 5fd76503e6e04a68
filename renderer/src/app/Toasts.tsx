// The window's toasts (ui.toasts) through Radix Toast: announced by its live region, dismissable with the close
// button, Escape or a swipe, and kept while hovered or focused. A toast about a job offers "Open job".
import * as Toast from '@radix-ui/react-toast';
import { useStoreOf } from '../stores/app-stores';
import type { Toast as ToastModel } from '../stores/ui-store';

/** Errors stay until dismissed: the admin must not miss them. */
function durationOf(toast: ToastModel): number {
  return toast.kind === 'error' ? Number.POSITIVE_INFINITY : 8000;
}

export function Toasts() {
  const toasts = useStoreOf('ui', (s) => s.toasts);
  const dismiss = useStoreOf('ui', (s) => s.dismissToast);
  const openJob = useStoreOf('ui', (s) => s.openJob);
  return (
    <Toast.Provider swipeDirection="right" label="Notification">
      {toasts.map((toast) => (
        <Toast.Root
          key={toast.id}
          className={`toast toast--${toast.kind}`}
          type={toast.kind === 'error' ? 'foreground' : 'background'}
          duration={durationOf(toast)}
          data-testid="toast"
          data-kind={toast.kind}
          onOpenChange={(open) => !open && dismiss(toast.id)}
        >
          <Toast.Title className="toast__title">{toast.title}</Toast.Title>
          {toast.body && <Toast.Description className="toast__body">{toast.body}</Toast.Description>}
          {toast.jobId !== null && (
            <p className="toast__job">
              Job <code data-testid="toast-job-id">{toast.jobId}</code>
            </p>
          )}
          <div className="toast__buttons">
            {toast.jobId !== null && (
              <Toast.Action
                altText={`Open job ${toast.jobId} in the Jobs view`}
                className="toast__action"
                data-testid="toast-open-job"
                onClick={() => {
                  if (toast.jobId !== null) openJob(toast.jobId);
                }}
              >
                Open job
              </Toast.Action>
            )}
            <Toast.Close className="toast__close" aria-label="Dismiss notification">
              Dismiss
            </Toast.Close>
          </div>
        </Toast.Root>
      ))}
      <Toast.Viewport className="toast-viewport" data-testid="toast-viewport" />
    </Toast.Provider>
  );
}
