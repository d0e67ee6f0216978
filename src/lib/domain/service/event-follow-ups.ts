/**
 * Event-triggered follow-ups (service.md "Contacts and follow-ups"; essay 6: "遇油价调整、天气变化、
 * 重要节日必访"). Given an event and customers already picked by a saved view or filter, the
 * planned contacts to create: one per customer, assigned to that customer's account manager.
 *
 * Pure: the caller writes the plan in one write, so one undo removes every contact it made.
 * Rules: the contact's date is the event's date (not before today, not more than two years after);
 * a customer listed twice gets one contact; a customer whose manager is absent, unknown or
 * inactive goes to `fallbackStaffId` when given, else the plan is refused (`no-manager`, per
 * customer); a customer that already has an open planned contact on that date with the same
 * purpose is skipped (running the action twice does not double the work) and reported.
 */
import type { Channel } from '../records/types';
import { Checker, todayOf, type Outcome } from './problems';
import { dayOfMoment } from '../dates';
import type { StaffRef } from './staffing';

export const EVENT_KINDS = ['price-change', 'weather', 'holiday', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** How far ahead a plan may reach, in days. */
export const PLAN_HORIZON_DAYS = 731;

export interface FollowUpEvent {
  kind: EventKind;
  /** what the contact is for, in the user's words (written to the contact's purpose) */
  purpose: string;
  date: string;
  /** `HH:mm`, 09:00 when absent */
  time?: string;
  channel?: Channel;
}

export interface PlannedContact {
  customerId: string;
  staffId: string;
  /** `YYYY-MM-DDTHH:mm` */
  at: string;
  channel: Channel;
  purpose: string;
  event: EventKind;
  done: false;
}

export interface ExistingContact {
  customerId: string;
  at: string;
  purpose?: string;
  done: boolean;
}

export interface EventPlan {
  planned: PlannedContact[];
  skipped: { customerId: string; reason: 'already-planned' }[];
}

export function planEventFollowUps(
  event: FollowUpEvent,
  customers: readonly { id: string; managerId?: string | null }[],
  staff: readonly StaffRef[],
  today: string,
  options: { fallbackStaffId?: string | null; existing?: readonly ExistingContact[] } = {}
): Outcome<EventPlan> {
  const t = todayOf(today);
  if (!t.ok) return t;
  const c = new Checker();
  if (!EVENT_KINDS.includes(event.kind)) c.push('invalid-setting', 'event.kind', event.kind);
  if (typeof event.purpose !== 'string' || !event.purpose.trim()) c.push('invalid-setting', 'event.purpose', event.purpose);
  const day = c.day(event.date, 'event.date', t.value + PLAN_HORIZON_DAYS);
  if (day < t.value) c.push('invalid-date', 'event.date', event.date);
  const time = event.time ?? '09:00';
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) c.push('invalid-setting', 'event.time', time);
  const active = new Set(staff.filter((s) => s.active).map((s) => s.id));
  const fallback = options.fallbackStaffId ?? null;
  if (fallback !== null && !active.has(fallback)) c.push('unknown-staff', 'fallbackStaffId', fallback);
  const purpose = typeof event.purpose === 'string' ? event.purpose.trim() : '';
  const taken = new Set(
    (options.existing ?? []).filter((e) => !e.done && dayOfMoment(e.at) === day && (e.purpose ?? '').trim() === purpose).map((e) => e.customerId)
  );
  const seen = new Set<string>();
  const planned: PlannedContact[] = [];
  const skipped: EventPlan['skipped'] = [];
  customers.forEach((k, i) => {
    if (seen.has(k.id)) return;
    seen.add(k.id);
    const manager = k.managerId != null && active.has(k.managerId) ? k.managerId : fallback;
    if (manager === null) return c.push('no-manager', `customers[${i}]`, k.id);
    if (taken.has(k.id)) return void skipped.push({ customerId: k.id, reason: 'already-planned' });
    planned.push({
      customerId: k.id,
      staffId: manager,
      at: `${event.date.slice(0, 10)}T${time}`,
      channel: event.channel ?? 'phone',
      purpose,
      event: event.kind,
      done: false
    });
  });
  return c.result(() => ({ planned, skipped }));
}
