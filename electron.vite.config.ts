// Builds the three Electron targets from the design card's folders:
// electron/main -> out/main (ESM), electron/preload -> out/preload/index.cjs, renderer -> out/renderer.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

// One alias for the code every side shares; the same mapping is in tsconfig.node.json and tsconfig.web.json.
const alias = { '@shared': resolve('shared') };

/**
 * `npm run dev` only: Vite's dev server injects an inline React Refresh preamble and inline <style> tags,
 * which the shipped CSP forbids. Relax exactly those two directives while serving; builds keep the strict CSP.
 */
function relaxCspForDevServer(): Plugin {
  return {
    name: 'relax-csp-for-dev-server',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
  };
}

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      rolldownOptions: { input: { index: resolve('electron/main/index.ts') } },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      // A sandboxed preload cannot load ES modules: it must be one CommonJS file that requires only 'electron'.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    resolve: { alias },
    plugins: [react(), relaxCspForDevServer()],
    build: {
      rolldownOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
