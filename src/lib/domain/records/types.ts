/**
 * The customer archive's record types (../shared/domain/records.md).
 *
 * Every replicated record carries the same envelope (`Versioned`): a globally unique id, a soft
 * delete flag, who created and last changed it, and a per-field stamp of who changed each field
 * when. Money is integer fen (see ../money.ts). Dates are ISO calendar dates `YYYY-MM-DD`;
 * instants are epoch milliseconds.
 */

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

export interface Customer extends Versioned {
  kind: CustomerKind;
  name: string;
  shortName?: string;
  /** 统一社会信用代码, kept as typed even when invalid (flagged, never dropped) */
  creditCode?: string;
  /** 居民身份证号码, kept as typed even when invalid */
  idNumber?: string;
  tier?: Tier;
  status?: CustomerStatus;
  stage?: DevelopmentStage;
  source?: string;
  /** staff id */
  managerId?: string;
  /** org unit id */
  orgUnitId?: string;
  industry?: string;
  province?: string;
  city?: string;
  district?: string;
  address?: string;
  mobile?: string;
  phone?: string;
  email?: string;
  wechat?: string;
  fax?: string;
  website?: string;
  /** group parent customer id */
  parentId?: string;
  ageBand?: string;
  occupation?: string;
  education?: string;
  incomeBand?: string;
  segments?: string[];
  tags?: string[];
  notes?: string;
  /** custom field values live at top level under `x_<columnId>` keys */
  [custom: `x_${string}`]: unknown;
}

/** A person at a customer (联系人). */
export interface Contact extends Versioned {
  customerId: string;
  name: string;
  title?: string;
  mobile?: string;
  phone?: string;
  email?: string;
  wechat?: string;
  primary?: boolean;
  notes?: string;
}

export const CHANNELS = ['visit', 'phone', 'sms', 'wechat', 'email', 'fax', 'on-site'] as const;
export type Channel = (typeof CHANNELS)[number];

/** One contact made with a customer (维护回访), done or planned. */
export interface FollowUp extends Versioned {
  customerId: string;
  contactId?: string;
  staffId?: string;
  /** ISO date-time `YYYY-MM-DDTHH:mm` in the user's time zone */
  at: string;
  channel: Channel;
  purpose?: string;
  outcome?: string;
  nextStep?: string;
  /** ISO date */
  nextDate?: string;
  done: boolean;
}

export const ORG_UNIT_KINDS = ['company', 'area', 'site'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

/** company → area (片区) → site (站点) */
export interface OrgUnit extends Versioned {
  name: string;
  kind: OrgUnitKind;
  parentId?: string;
}

export interface Staff extends Versioned {
  name: string;
  orgUnitId?: string;
  mobile?: string;
  email?: string;
  role?: string;
  /** may approve credit, override a stopped credit sale and lift a ladder effect */
  manager?: boolean;
  active: boolean;
}

export const CELL_TYPES = [
  'text',
  'number',
  'money',
  'date',
  'choice',
  'multi',
  'checkbox',
  'link'
] as const;
export type CellType = (typeof CELL_TYPES)[number];

/** A user-defined column on a table. Its values live in records under `x_<id>`. */
export interface CustomColumn extends Versioned {
  table: string;
  label: string;
  type: CellType;
  /** for choice and multi */
  options?: string[];
  /** for link: the table linked to */
  linkTable?: string;
  order: number;
}

/** A named grid view per table: columns, widths, order, frozen, sort, filters. */
export interface SavedView extends Versioned {
  table: string;
  name: string;
  state: ViewState;
}

export interface SortKey {
  column: string;
  dir: 'asc' | 'desc';
}

export const FILTER_OPS = [
  'contains',
  'not-contains',
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'empty',
  'not-empty'
] as const;
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
