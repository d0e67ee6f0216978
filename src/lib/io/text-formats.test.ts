import { describe, expect, it } from 'vitest';
import { decodeText } from './encoding';
import { parseDelimited, writeCsv } from './csv';
import { guardFormula, unguardFormula } from './formula-guard';
import { IoError } from './errors';

const gbk = (s: string) => {
  // the GBK bytes of a few characters, as iconv writes them
  const table: Record<string, number[]> = { 客: [0xbf, 0xcd], 户: [0xbb, 0xa7], 镕: [0xe9, 0x46], ',': [0x2c], a: [0x61], '\n': [0x0a] };
  return new Uint8Array([...s].flatMap((ch) => table[ch]));
};

describe('decodeText', () => {
  it.each([
    ['UTF-8', new TextEncoder().encode('客户,a'), 'utf-8', '客户,a'],
    ['UTF-8 with a BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('客户')]), 'utf-8', '客户'],
    ['GBK', gbk('客户,镕\n'), 'gb18030', '客户,镕\n'],
    ['UTF-16LE with a BOM', new Uint8Array([0xff, 0xfe, 0xa2, 0x5b, 0x37, 0x62]), 'utf-16le', '客户']
  ])('detects %s', (_what, bytes, encoding, text) => {
    expect(decodeText(bytes)).toEqual({ text, encoding });
  });

  it('decodes with a chosen encoding, strictly', () => {
    expect(decodeText(gbk('客户'), 'gbk').text).toBe('客户');
    const e = (() => {
      try {
        decodeText(gbk('客户'), 'utf-8');
      } catch (err) {
        return err;
      }
    })() as IoError;
    expect(e).toBeInstanceOf(IoError);
    expect(e.code).toBe('io.error.encoding');
    expect(e.params).toEqual({ encoding: 'UTF-8' });
  });
});

describe('parseDelimited', () => {
  it.each([
    [
      ',',
      'a,b\r\n"x, y","line 1\nline 2"\r\n',
      [
        ['a', 'b'],
        ['x, y', 'line 1\nline 2']
      ]
    ],
    [
      ';',
      'a;b\n1;"say ""hi"""\n',
      [
        ['a', 'b'],
        ['1', 'say "hi"']
      ]
    ],
    [
      '\t',
      'a\tb\n1\t2\n\n',
      [
        ['a', 'b'],
        ['1', '2']
      ]
    ]
  ])('finds the %j delimiter and quoted fields with line breaks', (delimiter, text, rows) => {
    expect(parseDelimited(text)).toEqual({ rows, delimiter });
  });

  it('takes a delimiter the user chose', () => {
    expect(parseDelimited('a;b,c\n1;2,3\n', ',').rows).toEqual([
      ['a;b', 'c'],
      ['1;2', '3']
    ]);
  });
});

describe('CSV injection', () => {
  it.each(['=1+2', '+86 138', '-5', '@SUM(A1)', '\tx', '\rx'])('guards %j and takes the guard off again', (text) => {
    expect(guardFormula(text)).toBe(`'${text}`);
    expect(unguardFormula(guardFormula(text))).toBe(text);
  });

  it('leaves other text alone, also an apostrophe before ordinary text', () => {
    expect(guardFormula('杭州')).toBe('杭州');
    expect(unguardFormula("'tis")).toBe("'tis");
  });

  it('writes CSV with a BOM and CRLF, guarding text cells only', () => {
    const csv = writeCsv(
      [
        ['名称', '金额'],
        ['=HYPERLINK("x")', '-5.00']
      ],
      (_r, c) => c === 0
    );
    expect(csv).toBe('\ufeff名称,金额\r\n"\'=HYPERLINK(""x"")",-5.00\r\n');
  });
});

describe('UTF-16 without a BOM', () => {
  const encode = (text: string, order: 'le' | 'be') => {
    const out = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      out[2 * i + (order === 'le' ? 0 : 1)] = c & 0xff;
      out[2 * i + (order === 'le' ? 1 : 0)] = c >> 8;
    }
    return out;
  };
  it.each([
    ['le', 'utf-16le'],
    ['be', 'utf-16be']
  ] as const)('%s is detected and decoded', (order, encoding) => {
    const text = '客户名称,手机\r\n一二三,13800138000\r\n';
    expect(decodeText(encode(text, order))).toEqual({ text, encoding });
  });

  it('binary zeros that are not text stay "not a spreadsheet"', () => {
    const bytes = new Uint8Array(400);
    for (let i = 0; i < bytes.length; i += 2) bytes[i] = i % 7;
    expect(() => decodeText(bytes)).toThrow(expect.objectContaining({ code: 'io.error.notSpreadsheet' }));
  });
});

describe('parseDelimited within the limits', () => {
  it.each([
    [
      'CRLF, LF and CR mixed',
      'a,b\r\n1,2\n3,4\r5,6\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
        ['3', '4'],
        ['5', '6']
      ]
    ],
    [
      'a quoted line break kept as LF',
      'a,b\r\n"x\r\ny",2\r\n',
      [
        ['a', 'b'],
        ['x\ny', '2']
      ]
    ]
  ])('%s', (_what, text, rows) => {
    expect(parseDelimited(text).rows).toEqual(rows);
  });

  it.each([
    [
      '257 columns',
      Array.from({ length: 257 }, (_, i) => `h${i}`).join(',') + '\n',
      'io.error.tooManyColumns',
      { place: 'f.csv', cell: 'IW1', columns: 257, max: 256 }
    ],
    ['a cell of 32 768 characters', `a,b\n1,${'x'.repeat(32_768)}\n`, 'io.error.cellTooLong', { place: 'f.csv', cell: 'B2', max: 32_767 }],
    ['a NUL', 'a,b\n1,2\n3,\u00004\n', 'io.error.nul', { place: 'f.csv', cell: 'B3' }]
  ])('%s is refused naming the cell', (_what, text, code, params) => {
    expect(() => parseDelimited(text, 'auto', 'f.csv')).toThrow(expect.objectContaining({ code, params }));
  });
});
