// Policies that hold for every web contents the app ever creates, so no window can opt out of them: no
// navigation at all (the app is one page; loadFile/loadURL and reload are not navigations the page asks for),
// no new windows, no <webview>, no permission prompts, and no request that leaves the app's own files
// (renderer-entry.ts decides which those are), so no remote content can load even if some markup asked for it.
//
// The Content-Security-Policy is the <meta> tag in renderer/index.html (default-src 'none'; script-src 'self';
// ...; checked by window-csp.test.ts). It is not repeated as a response header: the shipped renderer is loaded
// from file://, which has no HTTP response to carry one, and the meta tag applies before any script runs.
import { type App, session } from 'electron';
import { isAllowedRequestUrl, type RendererEntry } from '../renderer-entry';

/** Call once the app is ready and before the first window is created. */
export function applySecurityPolicies(app: App, entry: RendererEntry): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-frame-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  const ses = session.defaultSession;
  // The renderer needs no web permission (camera, geolocation, notifications...): native features go through main.
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(entry, details.url);
    if (!allowed) console.warn(`Blocked a request outside the app: ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
}
