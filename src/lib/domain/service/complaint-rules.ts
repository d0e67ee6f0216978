/**
 * What a person may do to a complaint, checked before anything is written (the commands of
 * app/commands/complaints.ts call these; the board asks them before it offers a drop).
 *
 * - A step is done only when it is the current one (steps run in order; the board moves a card to
 *   its next column only), never while the clock is paused (resume first), and at a time not
 *   before the previous step (or the receipt) and not after today.
 * - Pausing needs an open, unpaused complaint; resuming a paused one; neither before the receipt,
 *   the last pause or after today.
 * - A note may be added at any time, archived or not, at a time between the receipt and today.
 */
import { dayOfMoment } from '../dates';
import type { ComplaintStep } from './complaints';
import type { ComplaintView } from './complaint-book';

export type ComplaintRuleProblem = 'archived' | 'not-current-step' | 'paused' | 'not-paused' | 'bad-time' | 'before-previous' | 'after-today';

const previousTime = (view: ComplaintView): string => {
  // notes and recorded escalations do not move the clock of the steps
  const times = [view.complaint.receivedAt, ...view.events.filter((e) => e.kind !== 'escalation' && e.kind !== 'note').map((e) => e.at)];
  return times.reduce((a, b) => (b > a ? b : a));
};

function timeProblem(view: ComplaintView, at: string, today: string): ComplaintRuleProblem | null {
  const day = dayOfMoment(at);
  if (Number.isNaN(day) || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(at)) return 'bad-time';
  if (day > dayOfMoment(today)) return 'after-today';
  if (at < previousTime(view)) return 'before-previous';
  return null;
}

/** Why `step` cannot be done at `at` (a local date-time), or null when it can. */
export function stepProblem(view: ComplaintView, step: ComplaintStep, at: string, today: string): ComplaintRuleProblem | null {
  if (view.current === null) return 'archived';
  if (step !== view.current) return 'not-current-step';
  if (view.paused) return 'paused';
  return timeProblem(view, at, today);
}

/** Why the clock cannot be paused (`pause`) or resumed (`resume`) at `at`, or null. */
export function pauseProblem(view: ComplaintView, kind: 'pause' | 'resume', at: string, today: string): ComplaintRuleProblem | null {
  if (view.current === null) return 'archived';
  if (kind === 'pause' && view.paused) return 'paused';
  if (kind === 'resume' && !view.paused) return 'not-paused';
  return timeProblem(view, at, today);
}

/** Why a note cannot be added at `at`, or null. */
export function noteProblem(view: ComplaintView, at: string, today: string): ComplaintRuleProblem | null {
  const day = dayOfMoment(at);
  if (Number.isNaN(day) || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(at)) return 'bad-time';
  if (day > dayOfMoment(today)) return 'after-today';
  if (at < view.complaint.receivedAt) return 'before-previous';
  return null;
}
