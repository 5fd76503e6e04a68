// The human message in a failed run's standard error.
//
// pwsh 7 prints an uncaught error in its "concise view": a header naming the script and line, the offending
// source line, a ~~~ underline, then the message on lines that start with "     | ". The message is what a user
// needs; the rest is noise in a job's error field. Anything else (Windows PowerShell's classic view, a native
// tool's output, decoded CLIXML records) is kept as its last few lines.

const MAX_LINES = 5;
const UNDERLINE = /^\s*\|\s*~+\s*$/;
const CONTINUATION = /^\s*\| ?(.*)$/;

export function errorMessageFromStderr(lines: readonly string[]): string {
  let underline = -1;
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    if (UNDERLINE.test(lines[index] ?? '')) {
      underline = index;
      break;
    }
  }
  if (underline !== -1) {
    const message: string[] = [];
    for (const line of lines.slice(underline + 1)) {
      const match = CONTINUATION.exec(line);
      if (match === null) break;
      message.push((match[1] ?? '').trimEnd());
    }
    const text = message.join('\n').trim();
    if (text !== '') return text;
  }
  return lines
    .filter((line) => line.trim() !== '')
    .slice(-MAX_LINES)
    .join('\n');
}
