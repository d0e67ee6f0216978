/**
 * The hybrid clock's spec: what every stamp of this device must satisfy, and how the clock
 * survives a reload.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CLOCK_KEY, HybridClock, loadClock, MAX_SKEW, MAX_STAMP_AT, saveClock } from './hybrid-clock';
import { KebuDB } from './schema';

const at = (t: number) => () => t;

describe('HybridClock', () => {
  it.each([
    { name: 'follows wall time', wall: [1000, 2000, 3000], stamps: [1000, 2000, 3000] },
    { name: 'never twice in one millisecond', wall: [1000, 1000, 1000], stamps: [1000, 1001, 1002] },
    { name: 'never backwards when the wall clock is set back', wall: [5000, 4000, 4500], stamps: [5000, 5001, 5002] }
  ])('$name', ({ wall, stamps }) => {
    let i = 0;
    const clock = new HybridClock(() => wall[i]);
    const out: number[] = [];
    for (i = 0; i < wall.length; i++) out.push(clock.now());
    expect(out).toEqual(stamps);
  });

  it('after accepting a stamp, the next local stamp sorts after it (receive rule)', () => {
    const clock = new HybridClock(at(1000));
    clock.observe(600_000);
    expect(clock.now()).toBe(600_001);
  });

  it.each([
    { name: 'a day and a millisecond ahead', stamp: 1000 + MAX_SKEW + 1 },
    { name: 'the end of JavaScript dates', stamp: MAX_STAMP_AT },
    { name: 'past the end of dates', stamp: 1e300 },
    { name: 'not a number', stamp: Number.NaN },
    { name: 'infinite', stamp: Infinity }
  ])('never accepts or follows a stamp $name', ({ stamp }) => {
    const clock = new HybridClock(at(1000));
    expect(clock.accepts(stamp)).toBe(false);
    clock.observe(stamp);
    expect(clock.now()).toBe(1000);
  });

  it('accepts a stamp up to MAX_SKEW (24 hours) ahead of its own time', () => {
    expect(MAX_SKEW).toBe(24 * 60 * 60 * 1000);
    const clock = new HybridClock(at(1000));
    expect(clock.accepts(1000 + MAX_SKEW)).toBe(true);
    clock.observe(1000 + MAX_SKEW);
    expect(clock.now()).toBe(1001 + MAX_SKEW);
  });

  it('restore never moves the clock back and ignores what is not a stamp', () => {
    const clock = new HybridClock(at(1000));
    clock.restore(50_000);
    clock.restore(20_000);
    for (const junk of ['99999999', null, undefined, {}, Number.NaN, MAX_STAMP_AT * 2]) clock.restore(junk);
    expect(clock.last).toBe(50_000);
    expect(clock.now()).toBe(50_001);
  });
});

describe('the clock in meta', () => {
  let db: KebuDB;
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('survives a reload as a plain number: a new clock on the same database starts from it', async () => {
    db = new KebuDB(`clock-${Date.now()}`);
    const before = new HybridClock(at(1000));
    before.observe(600_000);
    await saveClock(db, before);
    expect((await db.meta.get(CLOCK_KEY))?.value).toBe(600_000);
    const after = new HybridClock(at(1000)); // the page loads again, its wall clock 10 minutes behind
    await loadClock(db, after);
    expect(after.now()).toBe(600_001);
  });
});
