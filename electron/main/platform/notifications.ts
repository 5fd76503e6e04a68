// Native notifications: a job's end (desktop/job-end-notifier.ts decides which and what they say) and the one
// notice that the app keeps running in the tray. Each Notification is referenced until it is clicked or closed:
// on Windows a collected one no longer delivers its click.
import { Notification } from 'electron';
import type { NativeNotice } from '../desktop/job-end-notifier';

export interface NativeNotifierOptions {
  readonly iconPath: string;
  readonly onOpenJob: (jobId: string) => void;
  readonly onShowWindow: () => void;
}

export interface NativeNotifier {
  jobEnded(notice: NativeNotice): void;
  message(title: string, body: string): void;
}

export function createNativeNotifier(options: NativeNotifierOptions): NativeNotifier {
  const live = new Set<Notification>();
  const show = (init: { title: string; body: string; urgent: boolean }, onClick: () => void) => {
    if (!Notification.isSupported()) return;
    const notification = new Notification({
      title: init.title,
      body: init.body,
      icon: options.iconPath,
      urgency: init.urgent ? 'critical' : 'normal',
      timeoutType: init.urgent ? 'never' : 'default',
    });
    live.add(notification);
    notification.on('click', () => {
      live.delete(notification);
      onClick();
    });
    notification.on('close', () => live.delete(notification));
    notification.show();
  };
  return {
    jobEnded: (notice) => show(notice, () => options.onOpenJob(notice.jobId)),
    message: (title, body) => show({ title, body, urgent: false }, options.onShowWindow),
  };
}
