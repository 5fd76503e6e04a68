// Turns the lines of one run (cold process or warm session alike) into the HostOutputLines the job engine stores
// and shows: each stdout line read with the shared agent reader for its script (an event, or a log line), handed on
// in batches (OutputBatcher) while the script runs. It also keeps the run's `result` event, and the first line that
// carried the event marker but broke the protocol.
import type { AgentEvent, AgentScript } from '../../../shared/contract/agent/read-line';
import { readAgentLine } from '../../../shared/contract/agent/read-line';
import { type AppError, appError } from '../../../shared/contract/errors';
import type { HostOutputLine } from '../ports';
import { OutputBatcher } from '../powershell/output-batcher';

export type ResultEvent = Extract<AgentEvent, { type: 'result' }>;

export interface HostOutputOptions {
  hostId: string;
  script: AgentScript;
  onLines: (lines: readonly HostOutputLine[]) => void;
  /** A secret of this run (a WinRM password): replaced wherever it shows, though no script ever prints it. */
  secret: string | null;
  /** onLines threw: the run must stop (the executor then rejects with this error). */
  onCallbackError: (error: unknown) => void;
  maxLines?: number;
  maxDelayMs?: number;
}

export const REDACTED = '[redacted]';

export function redact(text: string, secret: string | null): string {
  return secret === null || secret === '' || !text.includes(secret) ? text : text.split(secret).join(REDACTED);
}

export class HostOutputCollector {
  result: ResultEvent | null = null;
  protocolError: AppError | null = null;
  callbackError: { error: unknown } | null = null;
  private readonly batcher: OutputBatcher<HostOutputLine>;

  constructor(private readonly options: HostOutputOptions) {
    this.batcher = new OutputBatcher<HostOutputLine>({
      onFlush: (batch) => this.flush(batch.lines),
      ...(options.maxLines === undefined ? {} : { maxLines: options.maxLines }),
      ...(options.maxDelayMs === undefined ? {} : { maxDelayMs: options.maxDelayMs }),
    });
  }

  push(stream: 'out' | 'err', rawText: string, receivedAt: number): void {
    if (this.callbackError !== null) return;
    const text = redact(rawText, this.options.secret);
    const event = stream === 'out' ? this.read(text) : null;
    if (event?.type === 'result') this.result = event;
    this.batcher.push({ stream, text, event, receivedAt });
  }

  /** Hands on the last lines; call once the run is over, before reporting its outcome. */
  end(): void {
    this.batcher.end();
  }

  private read(text: string): AgentEvent | null {
    let read: ReturnType<typeof readAgentLine>;
    try {
      read = readAgentLine(text, { script: this.options.script, hostId: this.options.hostId });
    } catch (error) {
      read = {
        ok: false,
        error: appError('protocol_error', `The host wrote an unreadable event: ${(error as Error).message}`),
      };
    }
    if (read.ok) return read.value;
    this.protocolError ??= read.error;
    return null;
  }

  private flush(lines: HostOutputLine[]): void {
    if (this.callbackError !== null) return;
    try {
      this.options.onLines(lines);
    } catch (error) {
      this.callbackError = { error };
      this.options.onCallbackError(error);
    }
  }
}
