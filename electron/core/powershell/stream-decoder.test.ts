import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture } from './__fixtures__/paths';
import { StreamDecoder, type StreamDecoderOptions, truncationMarker } from './stream-decoder';

function decodeChunks(chunks: readonly Uint8Array[], options: StreamDecoderOptions = {}): string[] {
  const decoder = new StreamDecoder(options);
  const lines: string[] = [];
  for (const chunk of chunks) lines.push(...decoder.push(chunk));
  lines.push(...decoder.end());
  return lines;
}

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

/** Every way of cutting `data` in two, plus one byte at a time. */
function splits(data: Uint8Array): Uint8Array[][] {
  const cases: Uint8Array[][] = [];
  for (let at = 0; at <= data.length; at += 1) cases.push([data.subarray(0, at), data.subarray(at)]);
  cases.push(Array.from(data, (_byte, index) => data.subarray(index, index + 1)));
  return cases;
}

describe('StreamDecoder: line ends', () => {
  it('splits on LF, CRLF and a lone CR, keeping empty lines', () => {
    expect(decodeChunks([bytes('a\nb\r\nc\rd\n\ne\r\n')])).toEqual(['a', 'b', 'c', 'd', '', 'e']);
  });

  it('treats a CRLF split across chunks as one line end', () => {
    const decoder = new StreamDecoder();
    expect(decoder.push(bytes('first\r'))).toEqual(['first']);
    expect(decoder.push(bytes('\nsecond\r\n'))).toEqual(['second']);
    expect(decoder.end()).toEqual([]);
  });

  it('treats a CR at a chunk end followed by text as a lone CR', () => {
    expect(decodeChunks([bytes('one\r'), bytes('two\n')])).toEqual(['one', 'two']);
    expect(decodeChunks([bytes('one\r'), bytes('\r\n')])).toEqual(['one', '']);
  });

  it('returns a last line without a line end on end()', () => {
    const decoder = new StreamDecoder();
    expect(decoder.push(bytes('done\nno newline'))).toEqual(['done']);
    expect(decoder.end()).toEqual(['no newline']);
    expect(decoder.end()).toEqual([]);
  });

  it('returns nothing for an empty stream', () => {
    expect(decodeChunks([])).toEqual([]);
    expect(decodeChunks([new Uint8Array(0)])).toEqual([]);
  });
});

describe('StreamDecoder: encodings', () => {
  const text = "Größe ✓ 中文 😀 \u0000x\r\nzweite Zeile: 'web01' €\n";
  const expected = ['Größe ✓ 中文 😀 \u0000x', "zweite Zeile: 'web01' €"];

  it('decodes UTF-8 split at every byte boundary (multi-byte characters and CRLF included)', () => {
    for (const chunks of splits(bytes(text))) expect(decodeChunks(chunks)).toEqual(expected);
  });

  it('drops a UTF-8 BOM at the start, even split across chunks', () => {
    for (const chunks of splits(bytes(`\ufeff${text}`))) expect(decodeChunks(chunks)).toEqual(expected);
  });

  it('keeps a U+FEFF that is not at the start', () => {
    expect(decodeChunks([bytes('a\n\ufeffb\n')])).toEqual(['a', '\ufeffb']);
  });

  it('decodes UTF-16LE with a BOM, split at every byte boundary', () => {
    const data = new Uint8Array(Buffer.from(`\ufeff${text}`, 'utf16le'));
    for (const chunks of splits(data)) expect(decodeChunks(chunks)).toEqual(expected);
  });

  it('recognises UTF-16LE without a BOM', () => {
    expect(decodeChunks([new Uint8Array(Buffer.from('hello\r\nwörld', 'utf16le'))])).toEqual(['hello', 'wörld']);
  });

  it('decodes UTF-16BE with a BOM', () => {
    const data = new Uint8Array(Buffer.from(`\ufeff${text}`, 'utf16le').swap16());
    expect(decodeChunks([data])).toEqual(expected);
  });

  it('does not hold back a short first line', () => {
    const decoder = new StreamDecoder();
    expect(decoder.push(bytes('x\n'))).toEqual(['x']);
  });

  it('replaces invalid UTF-8 instead of failing', () => {
    expect(decodeChunks([new Uint8Array([0x61, 0xff, 0x62, 0x0a])])).toEqual(['a\ufffdb']);
  });
});

describe('StreamDecoder: long lines', () => {
  it('caps a long line with a truncation marker and goes on with the next line', () => {
    const lines = decodeChunks([bytes('abcdefghijklmnop\nshort\n')], { maxLineChars: 10 });
    expect(lines).toEqual([`abcdefghij${truncationMarker(6)}`, 'short']);
  });

  it('caps a long line that arrives over many chunks', () => {
    const chunks = Array.from({ length: 100 }, () => bytes('0123456789'));
    const lines = decodeChunks([...chunks, bytes('\nnext')], { maxLineChars: 64 });
    expect(lines).toEqual([`${'0123456789'.repeat(7).slice(0, 64)}${truncationMarker(1000 - 64)}`, 'next']);
  });

  it('never cuts a surrogate pair in half', () => {
    const [line] = decodeChunks([bytes(`abc${'😀'.repeat(5)}\n`)], { maxLineChars: 4 });
    expect(line).toBe(`abc${truncationMarker(10)}`);
  });

  it('lets lines with the long-line prefix grow to the larger cap', () => {
    const event = `##hvagent {"type":"result","inventory":"${'x'.repeat(200)}"}`;
    const options = { maxLineChars: 32, longLinePrefix: '##hvagent ', maxLongLineChars: 1000 };
    expect(decodeChunks([bytes(`${event}\n`)], options)).toEqual([event]);
    expect(decodeChunks([bytes(`${'y'.repeat(40)}\n`)], options)).toEqual([`${'y'.repeat(32)}${truncationMarker(8)}`]);
    // The prefix itself split across chunks still counts.
    expect(decodeChunks([bytes('##hv'), bytes(`${event.slice(4)}\n`)], options)).toEqual([event]);
    const huge = `##hvagent ${'z'.repeat(2000)}`;
    expect(decodeChunks([bytes(huge)], options)).toEqual([`${huge.slice(0, 1000)}${truncationMarker(1010)}`]);
  });
});

describe('StreamDecoder: CLIXML on stderr', () => {
  const windowsPowerShellStderr =
    '#< CLIXML\r\n<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">' +
    '<Obj S="progress" RefId="0"><TN RefId="0"><T>System.Management.Automation.PSCustomObject</T></TN>' +
    '<MS><I64 N="SourceId">1</I64><PR N="Record"><AV>Preparing modules for first use.</AV><AI>0</AI><Nil />' +
    '<PI>-1</PI><PC>-1</PC><T>Completed</T><SR>-1</SR><SD> </SD></PR></MS></Obj>' +
    '<S S="Error">Get-Item : Cannot find path \'C:\\nope\' because it does not exist._x000D__x000A_</S>' +
    '<S S="Error">At line:1 char:1_x000D__x000A_</S>' +
    '<S S="Error">+ Get-Item C:\\nope_x000D__x000A_</S>' +
    '<S S="Error">    + FullyQualifiedErrorId : PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand_x000D__x000A_</S>' +
    '<S S="Error"> _x000D__x000A_</S></Objs>';
  const expected = [
    "Get-Item : Cannot find path 'C:\\nope' because it does not exist.",
    'At line:1 char:1',
    '+ Get-Item C:\\nope',
    '    + FullyQualifiedErrorId : PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand',
    ' ',
  ];

  it('decodes Windows PowerShell error records into plain lines and drops progress records', () => {
    expect(decodeChunks([bytes(windowsPowerShellStderr)], { clixml: true })).toEqual(expected);
  });

  it('decodes the same document split at every character', () => {
    const data = bytes(windowsPowerShellStderr);
    for (let at = 0; at <= data.length; at += 7) {
      expect(decodeChunks([data.subarray(0, at), data.subarray(at)], { clixml: true })).toEqual(expected);
    }
    const oneByOne = Array.from(data, (_byte, index) => data.subarray(index, index + 1));
    expect(decodeChunks(oneByOne, { clixml: true })).toEqual(expected);
  });

  it('decodes the records pwsh itself writes with -OutputFormat xml (nested objects)', () => {
    const stderr = new Uint8Array(readFileSync(fixture('clixml-pwsh-stderr.txt')));
    expect(decodeChunks([stderr], { clixml: true })).toEqual([
      'host line <1> & "two"',
      'WARNING: low disk space',
      "cannot delete 'C:\\VMs\\web01'",
      'second line of the error',
      'after the error',
    ]);
  });

  it('reads plain lines before and after a CLIXML document', () => {
    const text = `plain before\n${windowsPowerShellStderr}\r\nplain after\n`;
    expect(decodeChunks([bytes(text)], { clixml: true })).toEqual(['plain before', ...expected, 'plain after']);
  });

  it('emits records as soon as they are complete, before the document ends', () => {
    const decoder = new StreamDecoder({ clixml: true });
    expect(decoder.push(bytes('#< CLIXML\n<Objs Version="1.1.0.1">'))).toEqual([]);
    expect(decoder.push(bytes('<S S="Error">first_x000A_</S><S S="Err'))).toEqual(['first']);
    expect(decoder.push(bytes('or">second_x000A_</S>'))).toEqual(['second']);
    expect(decoder.end()).toEqual([]);
  });

  it('keeps an unterminated fragment when the stream ends inside the document', () => {
    expect(decodeChunks([bytes('#< CLIXML\n<Objs><S S="Error">no line end</S>')], { clixml: true })).toEqual([
      'no line end',
    ]);
  });

  it('leaves a "#< CLIXML" line alone when CLIXML decoding is off (stdout)', () => {
    expect(decodeChunks([bytes('#< CLIXML\n<Objs></Objs>\n')])).toEqual(['#< CLIXML', '<Objs></Objs>']);
  });
});
