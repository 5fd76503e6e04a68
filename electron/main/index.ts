// Composition root of the main process: decides what the app is made of and hands it to the platform layer.
// Services (job queue, inventory, PowerShell runner) will be constructed here and injected; nothing in
// electron/core is a module-level singleton. Only electron/main/platform/ talks to Electron itself.
import { fileURLToPath } from 'node:url';
import { runApp } from './platform/app-lifecycle';

await runApp({
  preloadPath: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
  // electron-vite sets ELECTRON_RENDERER_URL in `npm run dev`; a built app loads the bundled files.
  renderer: process.env.ELECTRON_RENDERER_URL
    ? { url: process.env.ELECTRON_RENDERER_URL }
    : { file: fileURLToPath(new URL('../renderer/index.html', import.meta.url)) },
});
