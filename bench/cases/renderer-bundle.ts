// The renderer's JavaScript under 300 KB gzip (issue 4): every .js file of the built renderer (out/renderer,
// made by `npm run build`; this benchmark builds nothing), gzip-compressed at zlib's default level as a web
// server would, summed. There is no baseline run to compare with: the baseline is the budget itself, so the
// ratio reads as "share of the budget used".
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { BenchCase, BenchContext, BenchResult } from '../lib/bench-case';

const RENDERER_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));
const BUDGET_KB = 300;

async function javaScriptFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.m?js$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

const rendererBundle: BenchCase = {
  name: 'renderer-bundle',
  description: "the built renderer's JavaScript, gzip-compressed, against the 300 KB budget",
  async run(context: BenchContext): Promise<BenchResult[]> {
    if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
      throw new Error(`${RENDERER_DIR} has no built renderer: run \`npm run build\` first.`);
    }
    const files = await javaScriptFiles(RENDERER_DIR);
    if (files.length === 0) throw new Error(`${RENDERER_DIR} holds no JavaScript: rebuild it.`);
    let rawBytes = 0;
    let gzipBytes = 0;
    for (const file of files) {
      const content = await readFile(file);
      const compressed = gzipSync(content).length;
      rawBytes += content.length;
      gzipBytes += compressed;
      context.log(
        `${relative(RENDERER_DIR, file)}: ${(content.length / 1024).toFixed(1)} KB, gzip ${(compressed / 1024).toFixed(1)} KB`,
      );
    }
    context.log(`${files.length} file(s), ${(rawBytes / 1024).toFixed(1)} KB uncompressed`);
    return [
      {
        name: 'renderer JS (gzip)',
        unit: 'KB',
        measured: gzipBytes / 1024,
        baseline: BUDGET_KB,
        baselineLabel: 'the budget',
        target: { kind: 'below', limit: BUDGET_KB },
        // A size is exact: one measurement is all there is.
        runs: 1,
        note: 'baseline = the 300 KB budget (ratio = share used); zlib default level',
      },
    ];
  },
};

export default rendererBundle;
