/**
 * The fields of each record table and their cell types: one definition that the write path
 * validates against, the grid builds its columns from, and imports map onto. Envelope fields
 * (id, deleted, created/updated stamps) are not listed; the write path owns them.
 */
import {
  AGE_BANDS,
  CHANNELS,
  CUSTOMER_KINDS,
  CUSTOMER_STATUSES,
  CELL_TYPES,
  DEVELOPMENT_STAGES,
  EDUCATION_LEVELS,
  INCOME_BANDS,
  ORG_UNIT_KINDS,
  TIERS
} from './types';
import { CREDIT_FIELDS } from '../credit/records';
import { RECEIVABLE_FIELDS } from '../receivables/fields';
import { PURCHASE_FIELDS } from '../service/purchase-fields';
import { SELLING_FIELDS } from '../selling/records';
import { COMPLAINT_FIELDS } from '../service/complaint-fields';

import {
  checkbox,
  choice,
  date,
  json,
  number,
  link,
  requiredCheckbox,
  requiredNumber,
  requiredText,
  tags,
  text,
  type FieldSpec,
  type FieldSpecs
} from './field-kit';
import type { ViewState } from './types';

export type { FieldSpec, FieldSpecs };

/** The specs of each table are `as const`: the record types (./types.ts) are derived from them. */
export const CUSTOMER_FIELDS = {
  kind: choice(CUSTOMER_KINDS, true),
  name: requiredText,
  shortName: text,
  creditCode: text,
  idNumber: text,
  tier: choice(TIERS),
  status: choice(CUSTOMER_STATUSES),
  stage: choice(DEVELOPMENT_STAGES),
  source: text,
  managerId: link('staff'),
  orgUnitId: link('orgUnits'),
  industry: text,
  province: text,
  city: text,
  district: text,
  address: text,
  mobile: text,
  phone: text,
  email: text,
  wechat: text,
  fax: text,
  website: text,
  parentId: link('customers'),
  ageBand: choice(AGE_BANDS),
  occupation: text,
  education: choice(EDUCATION_LEVELS),
  incomeBand: choice(INCOME_BANDS),
  segments: tags,
  tags,
  notes: text,
  /** the usual days between purchases, set by hand (churn signals: else the median of the purchases) */
  cycleDays: number
} as const satisfies FieldSpecs;

export const CONTACT_FIELDS = {
  customerId: link('customers', true),
  name: requiredText,
  title: text,
  mobile: text,
  phone: text,
  email: text,
  wechat: text,
  primary: checkbox,
  notes: text
} as const satisfies FieldSpecs;

export const FOLLOW_UP_FIELDS = {
  customerId: link('customers', true),
  contactId: link('contacts'),
  staffId: link('staff'),
  at: requiredText,
  channel: choice(CHANNELS, true),
  purpose: text,
  outcome: text,
  nextStep: text,
  nextDate: date,
  done: requiredCheckbox
} as const satisfies FieldSpecs;

export const STAFF_FIELDS = {
  name: requiredText,
  orgUnitId: link('orgUnits'),
  mobile: text,
  email: text,
  role: text,
  /** may approve credit, override a stopped credit sale and lift a ladder effect */
  manager: checkbox,
  active: requiredCheckbox
} as const satisfies FieldSpecs;

export const ORG_UNIT_FIELDS = {
  name: requiredText,
  kind: choice(ORG_UNIT_KINDS, true),
  parentId: link('orgUnits')
} as const satisfies FieldSpecs;

export const CUSTOM_COLUMN_FIELDS = {
  table: requiredText,
  label: requiredText,
  type: choice(CELL_TYPES, true),
  options: tags,
  linkTable: text,
  order: requiredNumber
} as const satisfies FieldSpecs;

export const SAVED_VIEW_FIELDS = {
  table: requiredText,
  name: requiredText,
  state: json<ViewState, true>(true)
} as const satisfies FieldSpecs;

export const TABLE_FIELDS: Record<string, FieldSpecs> = {
  customers: CUSTOMER_FIELDS,
  contacts: CONTACT_FIELDS,
  followUps: FOLLOW_UP_FIELDS,
  staff: STAFF_FIELDS,
  orgUnits: ORG_UNIT_FIELDS,
  customColumns: CUSTOM_COLUMN_FIELDS,
  savedViews: SAVED_VIEW_FIELDS,
  settings: {
    value: json()
  },
  ...CREDIT_FIELDS,
  ...RECEIVABLE_FIELDS,
  ...PURCHASE_FIELDS,
  ...SELLING_FIELDS,
  ...COMPLAINT_FIELDS
};

/** Default display widths (px) of fields whose content is wider or narrower than usual. */
export const FIELD_WIDTHS: Readonly<Record<string, number>> = {
  name: 220,
  address: 240,
  notes: 220,
  creditCode: 180,
  idNumber: 170,
  kind: 70,
  tier: 60,
  mobile: 120,
  phone: 130
};
export const DEFAULT_FIELD_WIDTH = 140;

/** Message-key prefix of each choice field's value labels (`kind.unit`, `status.active`…). */
export const VALUE_LABEL_PREFIX: Readonly<Record<string, string>> = {
  kind: 'kind',
  status: 'status',
  stage: 'stage',
  channel: 'channel',
  education: 'education',
  paymentKind: 'paymentKind'
};
