import { describe, expect, it } from 'vitest';
import { checkValue, formatCell, parseCell, parseDate, type CellSpec } from './cells';

const tiers: CellSpec = { type: 'choice', options: ['unit', 'individual'], labels: { unit: '单位', individual: '个人' } };

describe('parseCell', () => {
  it.each<[CellSpec, string, unknown]>([
    [{ type: 'text' }, ' 河北石油 ', ' 河北石油 '],
    [{ type: 'text' }, 'a\r\nb', 'a\nb'],
    [{ type: 'number' }, '1,234.5', 1234.5],
    [{ type: 'number' }, '-3e2', -300],
    [{ type: 'money' }, '¥1,234.56', 123456],
    [{ type: 'money' }, '12元', 1200],
    [{ type: 'money' }, '-0.5', -50],
    [{ type: 'date' }, '2026/1/5', '2026-01-05'],
    [{ type: 'date' }, '2026年2月28日', '2026-02-28'],
    [{ type: 'date' }, '46023', '2026-01-01'],
    [tiers, '单位', 'unit'],
    [tiers, 'Individual', 'individual'],
    [{ type: 'multi', options: ['a', 'b'] }, 'a，b、a', ['a', 'b']],
    [{ type: 'multi' }, '老客户, 重点；老客户', ['老客户', '重点']],
    [{ type: 'checkbox' }, '是', true],
    [{ type: 'checkbox' }, '', false],
    [{ type: 'number' }, '', undefined]
  ])('%j parses %j', (spec, text, value) => {
    expect(parseCell(spec, text)).toEqual({ ok: true, value });
  });

  it.each<[CellSpec, string, string]>([
    [{ type: 'number' }, '12a', 'cell.error.number'],
    [{ type: 'number' }, 'Infinity', 'cell.error.number'],
    [{ type: 'money' }, '1.234', 'cell.error.money'],
    [{ type: 'money' }, 'NaN', 'cell.error.money'],
    [{ type: 'date' }, '2026-02-30', 'cell.error.date'],
    [{ type: 'date' }, 'tomorrow', 'cell.error.date'],
    [tiers, '公司', 'cell.error.choice'],
    [{ type: 'checkbox' }, 'maybe', 'cell.error.checkbox'],
    [{ type: 'text', required: true }, '  ', 'cell.error.required'],
    [{ type: 'link', link: { resolve: () => undefined, label: () => undefined } }, '无此人', 'cell.error.link']
  ])('%j refuses %j', (spec, text, error) => {
    expect(parseCell(spec, text)).toEqual({ ok: false, error });
  });
});

describe('checkValue and formatCell', () => {
  it.each<[CellSpec, unknown, string | null]>([
    [{ type: 'money' }, 12.5, 'cell.error.money'],
    [{ type: 'money' }, 1250, null],
    [{ type: 'number' }, NaN, 'cell.error.number'],
    [{ type: 'date' }, '2026-13-01', 'cell.error.date'],
    [{ type: 'checkbox' }, 'true', 'cell.error.checkbox'],
    [tiers, 'unit', null],
    [{ type: 'text' }, 42, 'cell.error.notText'],
    [{ type: 'text' }, 'x'.repeat(100_001), 'cell.error.text']
  ])('%j checks %j', (spec, value, error) => {
    expect(checkValue(spec, value)).toBe(error);
  });

  it('round-trips what it shows', () => {
    for (const [spec, value] of [
      [{ type: 'money' }, 123456789],
      [tiers, 'individual'],
      [{ type: 'checkbox' }, true],
      [{ type: 'date' }, '2024-02-29']
    ] as [CellSpec, unknown][]) {
      expect(parseCell(spec, formatCell(spec, value))).toEqual({ ok: true, value });
    }
  });

  it('never shows NaN or undefined', () => {
    expect(formatCell({ type: 'number' }, NaN)).toBe('');
    expect(formatCell({ type: 'money' }, undefined)).toBe('');
    expect(parseDate('2026-2-29')).toBeNull();
  });
});
