// Policies that hold for every web contents the app ever creates, so no window can opt out of them:
// no navigation away from the app, no new windows, no <webview>, no permission prompts.
import { type App, session } from 'electron';

/** Call once the app is ready and before the first window is created. */
export function applySecurityPolicies(app: App): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  // The renderer needs no web permission (camera, geolocation, notifications...): native features go through main.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
