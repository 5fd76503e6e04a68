import { describe, expect, it } from 'vitest';
import { ClixmlDecoder, decodeClixmlString, decodeXmlText } from './clixml-decoder';

describe('decodeClixmlString', () => {
  it('turns _xHHHH_ escapes into the characters they stand for', () => {
    expect(decodeClixmlString('line_x000D__x000A_next_x0009_tab')).toBe('line\r\nnext\ttab');
  });

  it('keeps an escaped underscore sequence literal (one left-to-right pass)', () => {
    expect(decodeClixmlString('_x005F_x000A_')).toBe('_x000A_');
    expect(decodeClixmlString('a_x005F_b')).toBe('a_b');
  });

  it('undoes XML escaping before the _x escapes', () => {
    expect(decodeClixmlString('&lt;S&gt; &amp;_x000A_ &quot;q&quot; &apos;a&apos; &#65;&#x42;')).toBe(
      `<S> &\n "q" 'a' AB`,
    );
    expect(decodeXmlText('&amp;lt;')).toBe('&lt;');
  });

  it('rebuilds surrogate pairs written as two escapes', () => {
    expect(decodeClixmlString('_xD83D__xDE00_')).toBe('😀');
  });

  it('leaves text without escapes untouched', () => {
    expect(decodeClixmlString('C:\\VMs\\web_01\\x.vhdx')).toBe('C:\\VMs\\web_01\\x.vhdx');
  });
});

describe('ClixmlDecoder', () => {
  it('returns the text after the document', () => {
    const out: string[] = [];
    const decoder = new ClixmlDecoder();
    expect(decoder.push('<Objs Version="1.1.0.1"><S S="Output">hi_x000A_</S></Objs>\nrest', out)).toBe('\nrest');
    expect(out).toEqual(['hi']);
  });

  it('handles an empty, self-closing document', () => {
    const out: string[] = [];
    expect(new ClixmlDecoder().push('<Objs Version="1.1.0.1" />tail', out)).toBe('tail');
    expect(out).toEqual([]);
  });

  it('joins fragments of one stream into lines and flushes when the stream changes', () => {
    const out: string[] = [];
    const decoder = new ClixmlDecoder();
    decoder.push('<Objs><S S="Error">part one, </S><S S="Error">part two_x000A_</S>', out);
    decoder.push('<S S="Warning">unfinished</S><S S="Error">err</S></Objs>', out);
    expect(out).toEqual(['part one, part two', 'WARNING: unfinished', 'err']);
  });

  it('uses the ToString of whole records, nested objects and self-closing tags included', () => {
    const out: string[] = [];
    const record =
      '<Obj S="Error" RefId="1"><TN RefId="1"><T>System.Management.Automation.ErrorRecord</T></TN>' +
      '<ToString>Access is denied_x000D__x000A_</ToString><MS><Obj N="Exception" RefId="2"><TNRef RefId="1" />' +
      '<ToString>inner</ToString><Props><Nil N="InnerException" /></Props></Obj></MS></Obj>';
    new ClixmlDecoder().push(`<Objs>${record}<Obj S="verbose" RefId="3"><ToString>checking</ToString></Obj>`, out);
    expect(out).toEqual(['Access is denied', 'VERBOSE: checking']);
  });

  it('keeps stray text between records and skips tags that are no records', () => {
    const out: string[] = [];
    new ClixmlDecoder().push('<Objs>oops &amp; text<!-- note --><S S="Error">real_x000A_</S>', out);
    expect(out).toEqual(['oops & text', 'real']);
  });
});
