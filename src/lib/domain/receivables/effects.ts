/**
 * The ladder's effects (receivables.md, "The ladder"; the rules in ladder.ts's header): bad-credit
 * entries, the stop-shipment flag and the blacklist, and the lifts that lift them. `effectsOn` is
 * the one rule of which effects a sale has today: `ladderEffects` (one customer, objects) and
 * `deriveToday`'s column loop (every customer) both call it.
 */
import { openOn, type SaleState } from './allocation';
import { isoOf, tryDay, type Day } from '../dates';
import { LADDER_DAYS } from './ladder-days';
import type { Fen } from '../money';
import type { CreditSaleRow, LadderEffect, LadderEffectLiftRow } from './types';

export interface EffectTrigger {
  effect: LadderEffect;
  saleId: string;
  invoiceNo?: string;
  /** the day the effect came into force */
  on: string;
  dueDate: string;
  /** days overdue today, or on the day the sale was settled */
  daysOverdue: number;
  /** fen open today */
  open: Fen;
  settledOn: string | null;
  /** the lift that lifted this trigger, if any */
  lift: LadderEffectLiftRow | null;
}

export interface CustomerEffects {
  /** every bad-credit entry 不良信用记录 (lifted ones carry their lift) */
  badCredit: EffectTrigger[];
  stopShipment: {
    active: boolean;
    /** the earliest trigger not lifted */
    since: string | null;
    triggers: EffectTrigger[];
    /** sales 14+ days overdue whose cause is classified non-credit */
    exempt: EffectTrigger[];
  };
  blacklist: { active: boolean; since: string | null; triggers: EffectTrigger[] };
}

/** A lift is in force for a trigger when dated on or before today and aimed at it. */
export function liftFor(
  lifts: readonly LadderEffectLiftRow[],
  effect: LadderEffect,
  saleId: string,
  on: Day,
  today: Day
): LadderEffectLiftRow | null {
  for (const l of lifts) {
    if (l.deleted === 1 || l.effect !== effect) continue;
    const liftedOn = tryDay(l.liftedOn);
    if (!(liftedOn <= today)) continue;
    if (l.saleId ? l.saleId === saleId : on <= liftedOn) return l;
  }
  return null;
}

/**
 * Was a sale due on `dueDay` and settled on `settledDay` still open at the start of due + `after`,
 * that day being today or earlier? (the bad-credit and blacklist triggers)
 */
export const openAtStartOf = (dueDay: Day, settledDay: Day, after: number, today: Day): boolean =>
  dueDay + after <= today && settledDay >= dueDay + after;

/** Is a sale with `open` fen open today at least 14 days overdue? (the stop, before its cause is looked at) */
export const stopsShipping = (dueDay: Day, open: number, today: Day): boolean => open > 0 && today - dueDay >= LADDER_DAYS.stopShipment;

/** Is a sale's stop-shipment trigger exempt? (its overdue cause is classified non-credit) */
export const stopExempt = (sale: CreditSaleRow): boolean => sale.overdueCause === 'non-credit';

/** Days after the effective due date on which each effect comes into force. */
export const EFFECT_AFTER = {
  'bad-credit': LADDER_DAYS.badCredit,
  'stop-shipment': LADDER_DAYS.stopShipment,
  blacklist: LADDER_DAYS.blacklist
} as const satisfies Record<LadderEffect, number>;

/** Bits of `effectsOn`. */
export const BAD_CREDIT = 1;
export const STOP_SHIPMENT = 2;
export const BLACKLIST = 4;

/**
 * The effects a sale due on `dueDay`, settled on `settledDay`, with `open` fen open has today, as
 * bits (BAD_CREDIT, STOP_SHIPMENT before its exemption, BLACKLIST); 0 for most sales, with no
 * object made. Every effect needs the sale open at the start of due + 7.
 */
export function effectsOn(dueDay: Day, settledDay: Day, open: number, today: Day): number {
  if (!openAtStartOf(dueDay, settledDay, EFFECT_AFTER['bad-credit'], today)) return 0;
  let fx = BAD_CREDIT;
  if (stopsShipping(dueDay, open, today)) fx |= STOP_SHIPMENT;
  if (openAtStartOf(dueDay, settledDay, EFFECT_AFTER.blacklist, today)) fx |= BLACKLIST;
  return fx;
}

/** An effect trigger of a sale, from its days (shared with deriveToday's column loop). */
export function makeTrigger(
  effect: LadderEffect,
  sale: CreditSaleRow,
  onDay: Day,
  dueDay: Day,
  settledDay: Day,
  open: number,
  lifts: readonly LadderEffectLiftRow[],
  today: Day
): EffectTrigger {
  const settled = settledDay <= today;
  const x: EffectTrigger = {
    effect,
    saleId: sale.id,
    on: isoOf(onDay),
    dueDate: isoOf(dueDay),
    daysOverdue: (settled ? settledDay : today) - dueDay,
    open: open as Fen,
    settledOn: settled ? isoOf(settledDay) : null,
    lift: liftFor(lifts, effect, sale.id, onDay, today)
  };
  if (sale.invoiceNo) x.invoiceNo = sale.invoiceNo;
  return x;
}

/** Add the effects of one sale to `into`. */
export function collectEffects(s: SaleState, lifts: readonly LadderEffectLiftRow[], today: Day, into: CustomerEffects): void {
  const open = openOn(s, today);
  const fx = effectsOn(s.dueDay, s.settledDay, open, today);
  if (fx === 0) return;
  const trigger = (effect: LadderEffect) => makeTrigger(effect, s.sale, s.dueDay + EFFECT_AFTER[effect], s.dueDay, s.settledDay, open, lifts, today);
  into.badCredit.push(trigger('bad-credit'));
  if (fx & STOP_SHIPMENT) {
    const x = trigger('stop-shipment');
    if (stopExempt(s.sale)) into.stopShipment.exempt.push(x);
    else into.stopShipment.triggers.push(x);
  }
  if (fx & BLACKLIST) into.blacklist.triggers.push(trigger('blacklist'));
}

export const noEffects = (): CustomerEffects => ({
  badCredit: [],
  stopShipment: { active: false, since: null, triggers: [], exempt: [] },
  blacklist: { active: false, since: null, triggers: [] }
});

/** Fill in `active` and `since` from the triggers and their lifts; sort triggers by date. */
export function settleEffects(e: CustomerEffects): CustomerEffects {
  const byOn = (a: EffectTrigger, b: EffectTrigger) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.saleId < b.saleId ? -1 : 1);
  e.badCredit.sort(byOn);
  for (const group of [e.stopShipment, e.blacklist]) {
    group.triggers.sort(byOn);
    const live = group.triggers.find((x) => x.lift === null);
    group.active = live !== undefined;
    group.since = live ? live.on : null;
  }
  e.stopShipment.exempt.sort(byOn);
  return e;
}

/** The bad-credit entries, stop-shipment flag and blacklist of one customer's sales, today. */
export function ladderEffects(sales: readonly SaleState[], lifts: readonly LadderEffectLiftRow[], today: Day | string): CustomerEffects {
  const t = typeof today === 'string' ? tryDay(today) : today;
  if (Number.isNaN(t)) throw new RangeError(`today is not a YYYY-MM-DD date: ${String(today)}`);
  const e = noEffects();
  for (const s of sales) collectEffects(s, lifts, t, e);
  return settleEffects(e);
}
