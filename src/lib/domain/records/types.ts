/**
 * The customer archive's record types (../shared/domain/records.md).
 *
 * Every replicated record carries the same envelope (`Versioned`): a globally unique id, a soft
 * delete flag, who created and last changed it, and a per-field stamp of who changed each field
 * when. Money is integer fen (see ../money.ts). Dates are ISO calendar dates `YYYY-MM-DD`;
 * instants are epoch milliseconds.
 *
 * The records' fields are derived from their field specs (./fields.ts, `RecordOf`), so a field's
 * type and its check are one definition.
 */
import type { RecordOf } from './field-kit';
import type {
  CONTACT_FIELDS,
  CUSTOM_COLUMN_FIELDS,
  CUSTOMER_FIELDS,
  FOLLOW_UP_FIELDS,
  ORG_UNIT_FIELDS,
  SAVED_VIEW_FIELDS,
  STAFF_FIELDS
} from './fields';

/** Who changed a field and when: the last writer of that field. */
export interface FieldStamp {
  /** epoch ms (hybrid logical clock: never goes backwards on one device) */
  at: number;
  /** actor id: `profileId` of the person who made the change */
  by: string;
}

export interface Versioned {
  id: string;
  /** 1 when soft-deleted. A number, not a boolean, so that IndexedDB can index it. */
  deleted: 0 | 1;
  createdAt: number;
  createdBy: string;
  updatedAt: number;
  updatedBy: string;
  /** per-field stamps; a field without a stamp was last written at creation */
  _f?: Record<string, FieldStamp>;
}

export const CUSTOMER_KINDS = ['unit', 'individual'] as const;
export type CustomerKind = (typeof CUSTOMER_KINDS)[number];

export const TIERS = ['VIP', 'A', 'B', 'C'] as const;
export type Tier = (typeof TIERS)[number];

export const CUSTOMER_STATUSES = ['prospect', 'active', 'dormant', 'lost', 'blacklisted'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

/** 客户开发"三步法" (service.md): first contact → initial record → complete record. */
export const DEVELOPMENT_STAGES = ['first-contact', 'initial', 'complete'] as const;
export type DevelopmentStage = (typeof DEVELOPMENT_STAGES)[number];

export const AGE_BANDS = ['<25', '25-34', '35-44', '45-54', '55-64', '65+'] as const;
export const EDUCATION_LEVELS = ['primary', 'secondary', 'college', 'bachelor', 'postgraduate'] as const;
export const INCOME_BANDS = ['<5k', '5k-10k', '10k-20k', '20k-50k', '50k+'] as const;

/**
 * A customer (客户档案). Its fields are `CUSTOMER_FIELDS` (./fields.ts): `creditCode`
 * (统一社会信用代码) and `idNumber` (居民身份证号码) are kept as typed even when invalid (flagged,
 * never dropped); `managerId` is a staff id, `orgUnitId` an org unit id, `parentId` the group
 * parent customer's id. Custom field values live at top level under `x_<columnId>` keys.
 */
export interface Customer extends Versioned, RecordOf<typeof CUSTOMER_FIELDS> {
  [custom: `x_${string}`]: unknown;
}

/** A person at a customer (联系人): `CONTACT_FIELDS`. */
export interface Contact extends Versioned, RecordOf<typeof CONTACT_FIELDS> {}

export const CHANNELS = ['visit', 'phone', 'sms', 'wechat', 'email', 'fax', 'on-site'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * One contact made with a customer (维护回访), done or planned: `FOLLOW_UP_FIELDS`. `at` is an
 * ISO date-time `YYYY-MM-DDTHH:mm` in the user's time zone, `nextDate` an ISO date.
 */
export interface FollowUp extends Versioned, RecordOf<typeof FOLLOW_UP_FIELDS> {}

export const ORG_UNIT_KINDS = ['company', 'area', 'site'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

/** company → area (片区) → site (站点): `ORG_UNIT_FIELDS`. */
export interface OrgUnit extends Versioned, RecordOf<typeof ORG_UNIT_FIELDS> {}

/** A staff member: `STAFF_FIELDS` (`manager`: may approve credit, override a stopped sale, lift an effect). */
export interface Staff extends Versioned, RecordOf<typeof STAFF_FIELDS> {}

export const CELL_TYPES = ['text', 'number', 'money', 'date', 'choice', 'multi', 'checkbox', 'link'] as const;
export type CellType = (typeof CELL_TYPES)[number];

/**
 * A user-defined column on a table (`CUSTOM_COLUMN_FIELDS`). Its values live in records under
 * `x_<id>`; `options` for choice and multi, `linkTable` the table a link column links to.
 */
export interface CustomColumn extends Versioned, RecordOf<typeof CUSTOM_COLUMN_FIELDS> {}

/** A named grid view per table (`SAVED_VIEW_FIELDS`): columns, widths, order, frozen, sort, filters. */
export interface SavedView extends Versioned, RecordOf<typeof SAVED_VIEW_FIELDS> {}

export interface SortKey {
  column: string;
  dir: 'asc' | 'desc';
}

export const FILTER_OPS = ['contains', 'not-contains', 'eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'empty', 'not-empty'] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

export interface ColumnFilter {
  column: string;
  op: FilterOp;
  /** the value as the user typed it; parsed by the column's type */
  value?: string;
}

export interface ViewState {
  /** column keys in display order */
  order: string[];
  hidden: string[];
  widths: Record<string, number>;
  /** number of leading visible columns frozen */
  frozen: number;
  sort: SortKey[];
  filters: ColumnFilter[];
  search: string;
}
