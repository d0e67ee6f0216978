/**
 * The stored records of complaints (service.md "Complaints"), in the shape of
 * `records/fields.ts`'s `TABLE_FIELDS`, so the write path validates them, sync and backups carry
 * them, undo inverts them and a merge of customers re-points them (`customerId` is a link to
 * customers) with no code of their own.
 *
 * What is stored and what is derived:
 * - Stored: the complaint (who, where, how it came in, when, what) and its events, append-only:
 *   a step done (who did it, when, notes), waiting on the customer began (`pause`) or ended
 *   (`resume`), a note, and an escalation once a person's action recorded it.
 * - Derived, never stored: which step is current, each step's deadline and lateness, the unit
 *   now responsible. They follow from the events, the service levels, the holiday calendar and
 *   today (`complaints.ts`), so they are right after any edit, sync or settings change.
 * Events are separate records, not fields of the complaint, for the reason credit steps are: two
 * people acting on one complaint on two devices leave two events and nothing is lost.
 */
import { choice, date, link, requiredText, text, type FieldSpecs, type RecordOf } from '../records/field-kit';
import type { Versioned } from '../records/types';
import { COMPLAINT_CHANNELS, COMPLAINT_STEPS } from './complaints';

export const COMPLAINT_EVENT_KINDS = ['step', 'pause', 'resume', 'escalation', 'note'] as const;
export type ComplaintEventKind = (typeof COMPLAINT_EVENT_KINDS)[number];
export const ESCALATION_WHYS = ['late', 'still-late'] as const;

export const COMPLAINT_TABLES = ['complaints', 'complaintEvents'] as const;
export type ComplaintTable = (typeof COMPLAINT_TABLES)[number];

/**
 * `receivedAt` is a local date-time `YYYY-MM-DDTHH:mm` (the clock of every step starts there);
 * `orgUnitId` is the unit that handles it first (a site, usually the customer's); `ownerId` who
 * is responsible now. An event's `at` is a local date-time too; `step` is the step done (kind
 * `step`) or escalated (kind `escalation`, with `why`, `deadline` and the units).
 */
export const COMPLAINT_SPECS = {
  complaints: {
    customerId: link('customers', true),
    orgUnitId: link('orgUnits'),
    channel: choice(COMPLAINT_CHANNELS, true),
    receivedAt: requiredText,
    summary: requiredText,
    details: text,
    ownerId: link('staff')
  },
  complaintEvents: {
    complaintId: link('complaints', true),
    kind: choice(COMPLAINT_EVENT_KINDS, true),
    at: requiredText,
    step: choice(COMPLAINT_STEPS),
    staffId: link('staff'),
    notes: text,
    why: choice(ESCALATION_WHYS),
    deadline: date,
    fromUnitId: link('orgUnits'),
    toUnitId: link('orgUnits')
  }
} as const satisfies Record<ComplaintTable, FieldSpecs>;

/** The same specs, indexable by any field name (what the write path and the grid read). */
export const COMPLAINT_FIELDS: Record<ComplaintTable, FieldSpecs> = COMPLAINT_SPECS;

export interface Complaint extends Versioned, RecordOf<typeof COMPLAINT_SPECS.complaints> {}
export interface ComplaintEvent extends Versioned, RecordOf<typeof COMPLAINT_SPECS.complaintEvents> {}
