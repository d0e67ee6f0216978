import { describe, expect, it } from 'vitest';
import { decodeTsv, encodeHtml, encodeTsv, readClipboard } from './clipboard';

describe('TSV', () => {
  it('quotes like Excel and round-trips', () => {
    const cells = [
      ['a', 'b\tc', 'line1\nline2'],
      ['say "hi"', '', '杭州顺达物流']
    ];
    const tsv = encodeTsv(cells);
    expect(tsv).toBe('a\t"b\tc"\t"line1\nline2"\r\n"say ""hi"""\t\t杭州顺达物流');
    expect(decodeTsv(tsv)).toEqual(cells);
  });
  it.each<[string, string[][]]>([
    ['', []],
    ['one', [['one']]],
    [
      '1\t2\r\n3\t4\r\n',
      [
        ['1', '2'],
        ['3', '4']
      ]
    ],
    ['a\nb\n', [['a'], ['b']]],
    ['"multi\r\nline"\tx\r\n', [['multi\nline', 'x']]],
    ['5" screen\tok', [['5" screen', 'ok']]],
    ['a\t\tb', [['a', '', 'b']]]
  ])('decodes %j', (text, rows) => expect(decodeTsv(text)).toEqual(rows));
});

describe('HTML', () => {
  it('escapes text and keeps line breaks in the cell', () => {
    const html = encodeHtml([['<img src=x onerror=alert(1)>', 'a\nb']]);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('a<br style="mso-data-placement:same-cell">b');
    expect(html).not.toContain('<img');
  });
  it('falls back to text/plain without a table', () => {
    const data = { getData: (t: string) => (t === 'text/plain' ? 'x\ty' : '<b>x</b>') };
    expect(readClipboard(data)).toEqual([['x', 'y']]);
  });
});
