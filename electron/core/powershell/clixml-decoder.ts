// Decodes a PowerShell CLIXML document ('#< CLIXML' then '<Objs ...>...</Objs>') into plain text lines.
//
// Windows PowerShell writes its error, warning, verbose and progress streams this way when its standard error is
// redirected by a non-interactive caller (SSH, `powershell -OutputFormat xml`, some remoting hosts). The document
// arrives as one endless line, record after record, and only ends when the process exits, so it is decoded
// incrementally: each complete top-level record becomes text as soon as its closing tag arrives.
//
// Records seen in practice:
//   <S S="Error">Get-Item : Cannot find path_x000D__x000A_</S>      a fragment of a stream; fragments carry their
//                                                                    own CRLF, so lines are assembled across them
//   <Obj S="Error" RefId="6"><TN>...</TN><ToString>boom</ToString>...</Obj>   a whole record: its ToString is the text
//   <Obj S="progress" ...>                                            progress bars: dropped

const CLOSE_DOCUMENT = '</Objs>';

/** PowerShell's console prefixes these streams; keep the prefix so a warning still reads as a warning. */
const STREAM_PREFIXES: Readonly<Record<string, string>> = {
  warning: 'WARNING: ',
  verbose: 'VERBOSE: ',
  debug: 'DEBUG: ',
};

/** Undoes the XML escaping of element text: the five named entities and numeric character references. */
export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g, (_match, entity: string) => {
    switch (entity) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default: {
        const code = entity.startsWith('#x')
          ? Number.parseInt(entity.slice(2), 16)
          : Number.parseInt(entity.slice(1), 10);
        return String.fromCodePoint(code);
      }
    }
  });
}

/**
 * Undoes PowerShell's string encoding in CLIXML: control characters (and a literal `_x`) are written as `_xHHHH_`,
 * one UTF-16 code unit each, then the result is XML-escaped. One left-to-right pass, so `_x005F_x000A_` (an
 * escaped underscore followed by the text `x000A_`) stays the literal text `_x000A_`.
 */
export function decodeClixmlString(raw: string): string {
  const text = decodeXmlText(raw);
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

interface ClixmlRecord {
  element: string;
  stream: string;
  body: string;
}

/** Finds the end of the top-level element starting at `text[0]`; -1 while it is incomplete. */
function findRecordEnd(text: string, element: string, openTagEnd: number): number {
  if (element !== 'Obj') {
    const close = `</${element}>`;
    const at = text.indexOf(close, openTagEnd);
    return at === -1 ? -1 : at + close.length;
  }
  // Objects nest (<Obj> inside <Obj>): count depth over Obj tags only; other tags cannot contain '<Obj'.
  const tags = /<(\/?)Obj\b[^>]*>/g;
  tags.lastIndex = 0;
  let depth = 0;
  for (let match = tags.exec(text); match !== null; match = tags.exec(text)) {
    const tag = match[0];
    if (match[1] === '/') depth -= 1;
    else if (!tag.endsWith('/>')) depth += 1;
    if (depth === 0) return match.index + tag.length;
  }
  return -1;
}

/** The text a record stands for, or null for records that carry none (progress, unknown shapes). */
function recordText(record: ClixmlRecord): string | null {
  if (record.stream === 'progress') return null;
  if (record.element === 'S') return decodeClixmlString(record.body);
  if (record.element === 'Obj') {
    const shown = /<ToString>([\s\S]*?)<\/ToString>/.exec(record.body)?.[1];
    return shown === undefined ? null : decodeClixmlString(shown);
  }
  return null;
}

/**
 * Incremental CLIXML decoder. Feed it the text that follows the `#< CLIXML` line; it returns decoded lines as
 * records complete, and tells the caller where the document ended so the rest of the stream is read as text.
 */
export class ClixmlDecoder {
  private buffer = '';
  private started = false;
  private pendingLine = '';
  private pendingStream = '';

  /**
   * Decodes what it can. Returns the text after `</Objs>` when the document ended in this chunk (the caller goes
   * back to plain lines with it), otherwise null.
   */
  push(text: string, out: string[]): string | null {
    this.buffer += text;
    for (;;) {
      if (!this.started) {
        const open = this.buffer.indexOf('<Objs');
        const openEnd = open === -1 ? -1 : this.buffer.indexOf('>', open);
        if (openEnd === -1) return null;
        this.started = true;
        const selfClosing = this.buffer[openEnd - 1] === '/';
        this.buffer = this.buffer.slice(openEnd + 1);
        if (selfClosing) return this.finish(out, this.buffer);
        continue;
      }
      const start = this.buffer.search(/\S/);
      if (start === -1) {
        this.buffer = '';
        return null;
      }
      if (start > 0) this.buffer = this.buffer.slice(start);
      if (this.buffer.startsWith(CLOSE_DOCUMENT)) return this.finish(out, this.buffer.slice(CLOSE_DOCUMENT.length));
      if (this.buffer.length < CLOSE_DOCUMENT.length && CLOSE_DOCUMENT.startsWith(this.buffer)) return null;

      const openTag = /^<([A-Za-z][\w.]*)([^>]*)>/.exec(this.buffer);
      if (openTag === null) {
        if (this.buffer.startsWith('<')) {
          // A tag still arriving, or one that is no record (a comment, a stray closing tag): wait, or skip it.
          const tagEnd = this.buffer.indexOf('>');
          if (tagEnd === -1) return null;
          this.buffer = this.buffer.slice(tagEnd + 1);
        } else {
          // Bare text between records is not CLIXML, but it is still what the process said: keep it.
          const next = this.buffer.indexOf('<');
          const text = next === -1 ? this.buffer : this.buffer.slice(0, next);
          this.buffer = next === -1 ? '' : this.buffer.slice(next);
          this.emitLines(decodeXmlText(text), '', out);
        }
        continue;
      }
      const element = openTag[1] ?? '';
      const attributes = openTag[2] ?? '';
      const stream = (/\bS="([^"]*)"/.exec(attributes)?.[1] ?? '').toLowerCase();
      let end: number;
      let body: string;
      if (attributes.endsWith('/')) {
        end = openTag[0].length;
        body = '';
      } else {
        end = findRecordEnd(this.buffer, element, openTag[0].length);
        if (end === -1) return null;
        body =
          element === 'Obj'
            ? this.buffer.slice(openTag[0].length, end - '</Obj>'.length)
            : this.buffer.slice(openTag[0].length, end - element.length - 3);
      }
      this.buffer = this.buffer.slice(end);
      const decoded = recordText({ element, stream, body });
      if (decoded === null) continue;
      if (element === 'S') this.appendFragment(decoded, stream, out);
      else this.emitLines(decoded, stream, out);
    }
  }

  /** The stream ended inside the document: emit what was assembled, and any undecodable rest as text. */
  end(out: string[]): void {
    this.flushPending(out);
    const rest = this.buffer.trim();
    if (this.started && rest !== '') out.push(rest);
    this.buffer = '';
  }

  private finish(out: string[], rest: string): string {
    this.flushPending(out);
    this.buffer = '';
    this.started = false;
    return rest;
  }

  /** Stream fragments (<S S="Error">) end their lines themselves; a line may span several fragments. */
  private appendFragment(text: string, stream: string, out: string[]): void {
    if (this.pendingLine !== '' && stream !== this.pendingStream) this.flushPending(out);
    this.pendingStream = stream;
    const parts = text.split(/\r\n|\r|\n/);
    const last = parts.pop() ?? '';
    for (const part of parts) {
      out.push(this.prefixed(this.pendingLine + part, stream));
      this.pendingLine = '';
    }
    this.pendingLine += last;
  }

  private emitLines(text: string, stream: string, out: string[]): void {
    this.flushPending(out);
    for (const line of text.replace(/(\r\n|\r|\n)$/, '').split(/\r\n|\r|\n/)) out.push(this.prefixed(line, stream));
  }

  private flushPending(out: string[]): void {
    if (this.pendingLine !== '') out.push(this.prefixed(this.pendingLine, this.pendingStream));
    this.pendingLine = '';
  }

  private prefixed(line: string, stream: string): string {
    const prefix = STREAM_PREFIXES[stream];
    return prefix === undefined || line.startsWith(prefix) ? line : prefix + line;
  }
}
