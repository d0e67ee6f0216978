import { describe, expect, it } from 'vitest';
import { effectiveDueDate, type IgnoredExtensionReason } from './due-date';
import { extension, sale } from '$lib/demo/receivables-testing';
import type { ExtensionRequestRow } from './types';

describe('effectiveDueDate', () => {
  it.each<[string, Parameters<typeof sale>[1], ExtensionRequestRow[], string, number, IgnoredExtensionReason[]]>([
    ['ship date + term', {}, [], '2026-03-31', 0, []],
    ['a due date set on the sale', { dueDate: '2026-04-15' }, [], '2026-04-15', 0, []],
    ['an approved extension', {}, [extension('x1', 's1')], '2026-04-30', 1, []],
    ['the date the manager approved, not the one asked', {}, [extension('x1', 's1', { approvedDueDate: '2026-04-20' })], '2026-04-20', 1, []],
    ['a rejected request', {}, [extension('x1', 's1', { status: 'rejected' })], '2026-03-31', 0, []],
    ['a pending request', {}, [extension('x1', 's1', { status: 'requested', decidedBy: undefined, decidedOn: undefined })], '2026-03-31', 0, []],
    ['requested on the due day (not yet overdue)', {}, [extension('x1', 's1', { requestedOn: '2026-03-31' })], '2026-04-30', 1, []],
    ['requested once overdue', {}, [extension('x1', 's1', { requestedOn: '2026-04-01' })], '2026-03-31', 0, ['requested-after-due']],
    ['an "extension" to an earlier date', {}, [extension('x1', 's1', { requestedDueDate: '2026-03-20' })], '2026-03-31', 0, ['not-later']],
    ['a request for another sale', {}, [extension('x1', 's2')], '2026-03-31', 0, ['other-sale']],
    [
      'two, in the order decided',
      {},
      [extension('x2', 's1', { requestedOn: '2026-04-20', requestedDueDate: '2026-05-31', decidedOn: '2026-04-22' }), extension('x1', 's1')],
      '2026-05-31',
      2,
      []
    ],
    ['a deleted approval', {}, [extension('x1', 's1', { deleted: 1 })], '2026-03-31', 0, []]
  ])('%s', (_name, fields, extensions, dueDate, epoch, ignored) => {
    const r = effectiveDueDate(sale('s1', fields), extensions);
    expect(r.dueDate).toBe(dueDate);
    expect(r.epoch).toBe(epoch);
    expect(r.ignored.map((i) => i.reason)).toEqual(ignored);
  });

  it('keeps the history: base date, then every applied extension with who decided', () => {
    const r = effectiveDueDate(sale('s1'), [
      extension('x1', 's1'),
      extension('x2', 's1', { requestedOn: '2026-04-20', requestedDueDate: '2026-05-31', decidedOn: '2026-04-22', decidedBy: 'm2' }),
      extension('x3', 's1', { status: 'rejected', requestedOn: '2026-05-01', requestedDueDate: '2026-07-01' })
    ]);
    expect(r.baseDueDate).toBe('2026-03-31');
    expect(r.history).toEqual([
      { dueDate: '2026-03-31', source: 'term' },
      expect.objectContaining({ dueDate: '2026-04-30', source: 'extension', extensionId: 'x1', decidedBy: 'm1' }),
      expect.objectContaining({ dueDate: '2026-05-31', source: 'extension', extensionId: 'x2', decidedBy: 'm2' })
    ]);
    expect(r.rejected.map((x) => x.id)).toEqual(['x3']);
  });

  it('refuses a sale without real dates', () => {
    expect(() => effectiveDueDate(sale('s1', { shipDate: '2026-02-30' }), [])).toThrow(RangeError);
  });
});
