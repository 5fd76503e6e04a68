// Bundles harness/bridge/entry.ts (and the shared contract it imports) into one classic browser script, in
// memory, with the Vite the renderer is built with: nothing is written, so no harness file can end up in out/
// (and from there in the installer).
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ENTRY = fileURLToPath(new URL('./bridge/entry.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

interface OutputChunkLike {
  type: 'chunk' | 'asset';
  code?: string;
}

/** The bridge's JavaScript: an IIFE that defines `window.hvapi`. */
export async function bundleBridge(): Promise<string> {
  const result = await build({
    configFile: false,
    envFile: false,
    root: REPO_ROOT,
    publicDir: false,
    logLevel: 'silent',
    build: {
      write: false,
      emptyOutDir: false,
      copyPublicDir: false,
      minify: false,
      sourcemap: false,
      target: 'es2023',
      lib: { entry: ENTRY, formats: ['iife'], name: 'hvapiHarnessBridge', fileName: () => 'bridge.js' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as { output?: OutputChunkLike[] }[];
  const chunk = outputs.flatMap((item) => item.output ?? []).find((item) => item.type === 'chunk');
  if (chunk?.code === undefined) throw new Error('Bundling the harness bridge produced no script.');
  return chunk.code;
}
