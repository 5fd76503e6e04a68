// Runs a child process with its output streamed to ours, optionally keeping a copy to read results from.
import { spawn } from 'node:child_process';

/**
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, capture?: boolean, quiet?: boolean, shell?: boolean }} [options]
 *   capture: also return the combined output; quiet: do not echo it; shell: only for Windows .cmd shims.
 * @returns {Promise<{ code: number, output: string, seconds: number }>}
 */
export function runCommand(command, args, options = {}) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      shell: options.shell ?? false,
      stdio: options.capture || options.quiet ? ['inherit', 'pipe', 'pipe'] : 'inherit',
    });
    let output = '';
    const collect = (target) => (chunk) => {
      if (options.capture || options.quiet) output += chunk.toString();
      if (!options.quiet) target.write(chunk);
    };
    child.stdout?.on('data', collect(process.stdout));
    child.stderr?.on('data', collect(process.stderr));
    const finish = (code, error) => {
      const seconds = (performance.now() - started) / 1000;
      if (error) output += `${error.message}\n`;
      resolve({ code, output, seconds });
    };
    // A missing executable surfaces as 'error' (ENOENT) and never as 'close' with a code.
    child.on('error', (error) => finish(127, error));
    child.on('close', (code, signal) => finish(code ?? (signal ? 128 : 1)));
  });
}

/** Runs a package.json script with the same npm that started us (works on Windows without a shell). */
export function runNpmScript(script, options = {}) {
  const npmCli = process.env.npm_execpath;
  if (npmCli?.endsWith('.js') || npmCli?.endsWith('.cjs')) {
    return runCommand(process.execPath, [npmCli, 'run', '--silent', script], options);
  }
  return runCommand('npm', ['run', '--silent', script], { ...options, shell: process.platform === 'win32' });
}

export function formatSeconds(seconds) {
  return `${seconds.toFixed(1)}s`;
}
