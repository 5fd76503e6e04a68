// The parent side of core-process/main.ts: forks the core into its own Node process (TypeScript through jiti),
// calls its channels over IPC, records its events, and can SIGKILL it.
import { type ChildProcess, fork } from 'node:child_process';
import { resolve } from 'node:path';
import type { ChannelArgsInput, ChannelName, ChannelValue } from '../../../../shared/contract/api';
import type { Result } from '../../../../shared/contract/result';
import type { ChildMessage, CoreProcessConfig, ParentMessage } from '../../core-process/protocol';
import { RecordingSink } from './recording-sink';
import { repoRoot } from './test-core';

const ENTRY = resolve(repoRoot, 'electron', 'core', 'core-process', 'main.ts');

export class CoreProcess {
  readonly events = new RecordingSink();
  readonly ready: Promise<{ interrupted: readonly string[]; resumed: readonly string[] }>;
  readonly reconciled: Promise<void>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** What the child reported as fatal (an unhandled rejection, a failed start). */
  readonly fatal: string[] = [];
  private readonly child: ChildProcess;
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();
  private nextId = 1;
  private stderr = '';

  constructor(config: CoreProcessConfig) {
    this.child = fork(ENTRY, [JSON.stringify(config)], {
      cwd: repoRoot,
      execArgv: ['--import', 'jiti/register'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.child.stderr?.setEncoding('utf8');
    this.child.stderr?.on('data', (text: string) => {
      this.stderr += text;
    });
    let ready: (value: { interrupted: readonly string[]; resumed: readonly string[] }) => void = () => {};
    let reconciled: () => void = () => {};
    let failed: (error: Error) => void = () => {};
    this.ready = new Promise((resolveReady, reject) => {
      ready = resolveReady;
      failed = reject;
    });
    this.reconciled = new Promise((resolveReconciled) => {
      reconciled = resolveReconciled;
    });
    this.exited = new Promise((resolveExit) => {
      this.child.once('exit', (code, signal) => {
        failed(new Error(`the core process exited (${code ?? signal}) before it was ready:\n${this.stderr}`));
        resolveExit({ code, signal });
      });
    });
    this.child.on('message', (message: ChildMessage) => {
      switch (message.type) {
        case 'ready':
          ready({ interrupted: message.interrupted, resumed: message.resumed });
          break;
        case 'reconciled':
          reconciled();
          break;
        case 'event':
          this.events.emit(message.event, message.payload as never);
          break;
        case 'reply':
          this.pending.get(message.id)?.(message.result);
          this.pending.delete(message.id);
          break;
        case 'fatal':
          this.fatal.push(message.message);
          failed(new Error(`the core process failed: ${message.message}`));
          break;
        case 'stopped':
          break;
      }
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  call<C extends ChannelName>(channel: C, args: ChannelArgsInput<C>): Promise<Result<ChannelValue<C>>> {
    const id = this.nextId++;
    return new Promise((resolveCall) => {
      this.pending.set(id, resolveCall as (result: Result<unknown>) => void);
      this.post({ type: 'call', id, channel, args });
    });
  }

  /** The call's value; throws with the error's code and message when it failed. */
  async value<C extends ChannelName>(channel: C, args: ChannelArgsInput<C>): Promise<ChannelValue<C>> {
    const result = await this.call(channel, args);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
    return result.value;
  }

  /** SIGKILL: no shutdown code runs, whatever was not on disk is lost. */
  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.post({ type: 'stop' });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await this.exited;
    clearTimeout(timer);
  }

  private post(message: ParentMessage): void {
    this.child.send(message);
  }
}
