// Captures what the test process prints while a campaign runs (console.* and the raw stdout/stderr writes), so the
// secrets campaign can search the test output for the secret too. The output still reaches the terminal.
export interface CapturedOutput {
  text(): string;
  stop(): void;
}

export function captureOutput(): CapturedOutput {
  const chunks: string[] = [];
  const record = (args: unknown[]) => {
    chunks.push(args.map((arg) => (typeof arg === 'string' ? arg : safeJson(arg))).join(' '));
  };
  const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
  const originals = methods.map((name) => [name, console[name]] as const);
  for (const [name, original] of originals) {
    console[name] = (...args: unknown[]) => {
      record(args);
      original.apply(console, args);
    };
  }
  const streams = [process.stdout, process.stderr] as const;
  const writes = streams.map((stream) => stream.write);
  for (const [index, stream] of streams.entries()) {
    const write = writes[index] as typeof stream.write;
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return (write as (...args: unknown[]) => boolean).call(stream, chunk, ...rest);
    }) as typeof stream.write;
  }
  return {
    text: () => chunks.join('\n'),
    stop: () => {
      for (const [name, original] of originals) console[name] = original;
      for (const [index, stream] of streams.entries()) stream.write = writes[index] as typeof stream.write;
    },
  };
}

function safeJson(value: unknown): string {
  try {
    return value instanceof Error ? `${value.stack ?? value.message}` : JSON.stringify(value);
  } catch {
    return String(value);
  }
}
