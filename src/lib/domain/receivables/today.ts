/**
 * Today's worklist 今日工作 (receivables.md, "Views everyone expects"): every ladder task due today
 * for every customer, grouped by kind in ladder order, plus the effects that came into force today
 * and the customers under a stop-shipment flag or blacklisted.
 *
 * One pass over the ledger (which groups by customer once): per sale a few integer comparisons;
 * task keys are built, and looked up among the customer's done records, only for the tasks whose
 * day has come. Within a
 * group, tasks are ordered by the day they fell due (longest waiting first), then by open amount
 * (largest first), then key; effects and flags are ordered by customer id. The list is the same
 * whatever order the records arrived in (two devices after a sync derive the same list).
 */
import { dayOf, isoOf } from '../dates';
import { BLACKLIST, EFFECT_AFTER, effectsOn, liftFor, makeTrigger, STOP_SHIPMENT, stopExempt, type EffectTrigger } from './effects';
import { currentRung, doneState, statusByDate, taskDay, taskKey } from './ladder';
import { doneRecordsOf, ledgerOf, NEVER_DAY, openAt, type ReceivablesSource } from './ledger';
import type { Fen } from '../money';
import {
  TASK_KINDS,
  TASK_OUTCOMES,
  type CreditSaleRow,
  type LadderEffect,
  type LadderEffectLiftRow,
  type LadderTaskDoneRow,
  type OverdueCause,
  type TaskKind,
  type TaskOutcome
} from './types';

export interface TodayTask {
  key: string;
  kind: TaskKind;
  customerId: string;
  saleId: string;
  invoiceNo?: string;
  /** the day it fell due */
  on: string;
  /** days since it fell due (0: today) */
  daysWaiting: number;
  /** the sale's effective due date */
  dueDate: string;
  /** today − due date */
  daysPastDue: number;
  /** fen open today */
  open: Fen;
  amount: Fen;
  /** earlier attempts without an answer */
  attempts: number;
  /** the outcomes to pick from (one click) */
  outcomes: readonly TaskOutcome[];
}

export interface TodayGroup {
  kind: TaskKind;
  tasks: TodayTask[];
}

export interface CustomerFlag {
  customerId: string;
  stopShipmentSince: string | null;
  blacklistedSince: string | null;
}

export interface TodayList {
  today: string;
  /** the five groups in ladder order (empty ones included) */
  groups: TodayGroup[];
  total: number;
  /** effects whose day is today (a new bad-credit entry, a stop, a blacklisting) */
  effectsToday: (EffectTrigger & { customerId: string })[];
  /** customers under stop-shipment or blacklisted today (not lifted) */
  flagged: CustomerFlag[];
}

const byWaiting = (a: TodayTask, b: TodayTask): number =>
  b.daysWaiting - a.daysWaiting || b.open - a.open || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
const byCustomer = (a: { customerId: string }, b: { customerId: string }) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0);
const effectOrder = (e: string) => (e === 'bad-credit' ? 0 : e === 'stop-shipment' ? 1 : 2);
const byEffect = (a: TodayList['effectsToday'][number], b: TodayList['effectsToday'][number]) =>
  byCustomer(a, b) || effectOrder(a.effect) - effectOrder(b.effect) || (a.saleId < b.saleId ? -1 : a.saleId > b.saleId ? 1 : 0);

/**
 * Today's list from its parts in any order: tasks per group (in TASK_KINDS order), today's
 * effects, flagged customers. Sorts them in place into the list's order; the one place that
 * order is written (deriveToday, and the engine merging its shards' lists, call it).
 */
export function finishToday(today: string, groups: TodayTask[][], effectsToday: TodayList['effectsToday'], flagged: CustomerFlag[]): TodayList {
  let total = 0;
  const out: TodayGroup[] = TASK_KINDS.map((kind, k) => {
    groups[k].sort(byWaiting);
    total += groups[k].length;
    return { kind, tasks: groups[k] };
  });
  effectsToday.sort(byEffect);
  flagged.sort(byCustomer);
  return { today, groups: out, total, effectsToday, flagged };
}

const NO_LIFTS: readonly LadderEffectLiftRow[] = [];

export function deriveToday(source: ReceivablesSource, today: string): TodayList {
  const t = dayOf(today, 'today');
  const L = ledgerOf(source);
  const groups: TodayTask[][] = TASK_KINDS.map(() => []);
  const effectsToday: TodayList['effectsToday'] = [];
  const flagged: CustomerFlag[] = [];

  for (let c = 0; c < L.customerIds.length; c++) {
    const customerId = L.customerIds[c];
    const lifts = L.lifts.get(c) ?? NO_LIFTS;
    let stopSince = NEVER_DAY;
    let blacklistSince = NEVER_DAY;
    const end = L.saleStart[c + 1];
    for (let i = L.saleStart[c]; i < end; i++) {
      const ship = L.shipDay[i];
      if (ship > t) continue;
      const due = L.dueDay[i];
      const settled = L.settledDay[i];
      const open = openAt(L, i, t);

      // effects: ladderEffects's rule (effectsOn) on the columns; objects only for today's
      const fx = effectsOn(due, settled, open, t);
      if (fx !== 0) {
        const row = L.saleRows[i];
        const effect = (kind: LadderEffect) => {
          const on = due + EFFECT_AFTER[kind];
          const lifted = lifts.length > 0 && liftFor(lifts, kind, row.id, on, t) !== null;
          if (on === t) effectsToday.push({ ...makeTrigger(kind, row, on, due, settled, open, lifts, t), customerId });
          return lifted ? NEVER_DAY : on;
        };
        effect('bad-credit');
        if (fx & STOP_SHIPMENT && !stopExempt(row)) stopSince = Math.min(stopSince, effect('stop-shipment'));
        if (fx & BLACKLIST) blacklistSince = Math.min(blacklistSince, effect('blacklist'));
      }
      if (open === 0) continue;

      // the task of the sale's current rung (one invoice, one task), when not done or snoozed
      // (ladderTasks's rules; the done records are looked up only for that one task)
      const row = L.saleRows[i];
      const epoch = L.epoch[i];
      const k = currentRung(ship, due, open, row.deliveryConfirmedOn, t);
      if (k >= 0) {
        const kind = TASK_KINDS[k];
        const on = taskDay(kind, ship, due);
        const key = taskKey(row.id, kind, epoch);
        const state = doneState(doneRecordsOf(L, c, key), t);
        if (statusByDate(kind, on, due, state, t) !== 'due') continue;
        const task: TodayTask = {
          key,
          kind,
          customerId,
          saleId: row.id,
          on: isoOf(on),
          daysWaiting: t - on,
          dueDate: isoOf(due),
          daysPastDue: t - due,
          open: open as Fen,
          amount: row.amount,
          attempts: state.attempts,
          outcomes: TASK_OUTCOMES[kind]
        };
        if (row.invoiceNo) task.invoiceNo = row.invoiceNo;
        groups[k].push(task);
      }
    }
    if (stopSince !== NEVER_DAY || blacklistSince !== NEVER_DAY) {
      flagged.push({
        customerId,
        stopShipmentSince: stopSince === NEVER_DAY ? null : isoOf(stopSince),
        blacklistedSince: blacklistSince === NEVER_DAY ? null : isoOf(blacklistSince)
      });
    }
  }

  return finishToday(today, groups, effectsToday, flagged);
}

/** What to write when a person does a task: the done record and, when the outcome says something about the sale, a patch of it. */
export interface TaskDoneWrite {
  done: Omit<LadderTaskDoneRow, 'id'>;
  /** fields to set on the credit sale in the same write, or null */
  salePatch: Partial<Pick<CreditSaleRow, 'deliveryConfirmedOn' | 'overdueCause'>> | null;
}

/**
 * The one-or-two-click write of doing a task: its outcome (one of the task's outcomes), who and
 * when; a confirmed delivery also confirms it on the sale, and the collection letter's cause
 * classification (credit / non-credit) goes on the sale, where the stop-shipment rule reads it.
 */
export function recordTaskDone(
  task: { key: string; kind: TaskKind; saleId: string; customerId: string },
  outcome: TaskOutcome,
  doneBy: string,
  doneOn: string,
  extra: { promisedOn?: string; note?: string; cause?: OverdueCause } = {}
): TaskDoneWrite {
  if (!(TASK_OUTCOMES[task.kind] as readonly string[]).includes(outcome)) {
    throw new RangeError(`${outcome} is not an outcome of ${task.kind}`);
  }
  dayOf(doneOn, 'doneOn');
  if (extra.promisedOn !== undefined) dayOf(extra.promisedOn, 'promisedOn');
  if (extra.cause !== undefined && task.kind !== 'collection-letter') {
    throw new RangeError('the cause is classified at the collection letter');
  }
  const done: Omit<LadderTaskDoneRow, 'id'> = {
    customerId: task.customerId,
    saleId: task.saleId,
    taskKey: task.key,
    kind: task.kind,
    outcome,
    doneOn,
    doneBy
  };
  if (extra.promisedOn) done.promisedOn = extra.promisedOn;
  if (extra.note) done.note = extra.note;
  let salePatch: TaskDoneWrite['salePatch'] = null;
  if (task.kind === 'confirm-delivery' && (outcome === 'arrived-satisfied' || outcome === 'arrived-with-issue')) {
    salePatch = { deliveryConfirmedOn: doneOn };
  }
  if (extra.cause) salePatch = { overdueCause: extra.cause };
  return { done, salePatch };
}
