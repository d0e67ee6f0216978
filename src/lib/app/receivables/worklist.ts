/**
 * Today as a collector's worklist (issue 15.4), the pure parts: whom to call for a customer, the
 * follow-ups planned for today or earlier and not yet taken up, the follow-up a task's outcome
 * writes to the customer's log, and the collection documents' templates filled in.
 */
import type { Contact, Customer, FollowUp } from '$lib/domain/records/types';
import type { TaskKind } from '$lib/domain/receivables/types';

export interface CallTarget {
  /** the person to ask for (the primary contact), or null when calling the customer itself */
  person: string | null;
  /** the number as shown */
  phone: string;
  /** `tel:` link, digits and + only */
  href: string;
}

const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

/**
 * Whom to call: the primary contact (else the first contact) with a mobile or phone, else the
 * customer's own mobile or phone; null when no number is known.
 */
export function callTarget(
  customer: Pick<Customer, 'mobile' | 'phone'> | undefined,
  contacts: readonly (Pick<Contact, 'name' | 'mobile' | 'phone' | 'primary'> & { deleted?: Contact['deleted'] })[]
): CallTarget | null {
  const live = contacts.filter((c) => !c.deleted);
  const ordered = [...live.filter((c) => c.primary), ...live.filter((c) => !c.primary)];
  for (const c of ordered) {
    const phone = (c.mobile || c.phone || '').trim();
    if (phone && telHref(phone) !== 'tel:') return { person: c.name, phone, href: telHref(phone) };
  }
  const own = (customer?.mobile || customer?.phone || '').trim();
  if (own && telHref(own) !== 'tel:') return { person: null, phone: own, href: telHref(own) };
  return null;
}

export interface PlannedItem {
  /** the follow-up record */
  followUp: FollowUp;
  /** `planned`: a contact logged ahead (not done); `next-step`: a done contact's next step */
  kind: 'planned' | 'next-step';
  /** its day, YYYY-MM-DD */
  on: string;
}

/**
 * The follow-ups whose day has come (on or before `today`) and are still open: a planned contact
 * not yet done, or a next step (`nextDate`) with no done contact of that customer after the one
 * that set it. Newest day first, then by customer.
 */
export function plannedFollowUps(followUps: readonly FollowUp[], today: string): PlannedItem[] {
  const lastDone = new Map<string, string>();
  for (const f of followUps) {
    if (f.deleted || !f.done) continue;
    const prev = lastDone.get(f.customerId);
    if (!prev || f.at > prev) lastDone.set(f.customerId, f.at);
  }
  const out: PlannedItem[] = [];
  for (const f of followUps) {
    if (f.deleted) continue;
    if (!f.done) {
      const on = f.at.slice(0, 10);
      if (on <= today) out.push({ followUp: f, kind: 'planned', on });
    } else if (f.nextDate && f.nextDate <= today && (lastDone.get(f.customerId) ?? '') <= f.at) {
      out.push({ followUp: f, kind: 'next-step', on: f.nextDate });
    }
  }
  return out.sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : a.followUp.customerId < b.followUp.customerId ? -1 : 1));
}

/** The channel a ladder task is usually done by, for its entry in the follow-up log. */
export const TASK_CHANNEL: Record<TaskKind, FollowUp['channel']> = {
  'confirm-delivery': 'phone',
  'pre-due-reminder': 'phone',
  'overdue-notice': 'sms',
  'collection-letter': 'email',
  'field-visit': 'visit'
};
