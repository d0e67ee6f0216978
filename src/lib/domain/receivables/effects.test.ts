import { describe, expect, it } from 'vitest';
import { BAD_CREDIT, BLACKLIST, effectsOn, STOP_SHIPMENT } from './effects';
import { NEVER } from '../dates';
import { overdueStage, taskExpired } from './ladder';

// The small rule functions that ladderTasks / ladderEffects (one customer, objects) and
// deriveToday (every customer, columns) both call.
const DUE = 100;

describe('effectsOn: the effects of a sale today, as bits', () => {
  it.each([
    // today − due, settled (days after due, or never), open fen, bits
    ['before due + 7', 6, NEVER, 500, 0],
    ['open at the start of due + 7', 7, NEVER, 500, BAD_CREDIT],
    ['paid on due + 7 is 7 days late', 9, 7, 0, BAD_CREDIT],
    ['paid on due + 6 is on time enough', 9, 6, 0, 0],
    ['13 days overdue: no stop yet', 13, NEVER, 500, BAD_CREDIT],
    ['14 days overdue and open: stop', 14, NEVER, 500, BAD_CREDIT | STOP_SHIPMENT],
    ['14 days overdue but paid: no stop', 20, 15, 0, BAD_CREDIT],
    ['open at the start of due + 30: blacklist', 30, NEVER, 500, BAD_CREDIT | STOP_SHIPMENT | BLACKLIST],
    ['paid on due + 30: blacklisted, stop ended', 40, 30, 0, BAD_CREDIT | BLACKLIST],
    ['paid on due + 29: no blacklist', 40, 29, 0, BAD_CREDIT]
  ])('%s', (_, late, settledAfter, open, bits) => {
    const settled = settledAfter === NEVER ? NEVER : DUE + settledAfter;
    expect(effectsOn(DUE, settled, open, DUE + late)).toBe(bits);
  });
});

describe('overdueStage and taskExpired', () => {
  it.each([
    [1, 'overdue'],
    [6, 'overdue'],
    [7, 'overdue-7'],
    [13, 'overdue-7'],
    [14, 'overdue-14'],
    [29, 'overdue-14'],
    [30, 'overdue-30'],
    [400, 'overdue-30']
  ])('%i days overdue: %s', (d, stage) => {
    expect(overdueStage(d)).toBe(stage);
  });

  it('only the pre-due reminder expires, and only after the due day', () => {
    expect(taskExpired('pre-due-reminder', DUE, DUE)).toBe(false);
    expect(taskExpired('pre-due-reminder', DUE, DUE + 1)).toBe(true);
    expect(taskExpired('overdue-notice', DUE, DUE + 100)).toBe(false);
    expect(taskExpired('confirm-delivery', DUE, DUE + 100)).toBe(false);
  });
});
