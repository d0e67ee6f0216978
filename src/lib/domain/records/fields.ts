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

import { choice, link, requiredText, tags, text, type FieldSpec, type FieldSpecs } from './field-kit';

export type { FieldSpec, FieldSpecs };

export const CUSTOMER_FIELDS: FieldSpecs = {
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
  notes: text
};

export const TABLE_FIELDS: Record<string, FieldSpecs> = {
  customers: CUSTOMER_FIELDS,
  contacts: {
    customerId: { ...link('customers'), required: true },
    name: requiredText,
    title: text,
    mobile: text,
    phone: text,
    email: text,
    wechat: text,
    primary: { type: 'checkbox' },
    notes: text
  },
  followUps: {
    customerId: { ...link('customers'), required: true },
    contactId: link('contacts'),
    staffId: link('staff'),
    at: requiredText,
    channel: choice(CHANNELS, true),
    purpose: text,
    outcome: text,
    nextStep: text,
    nextDate: { type: 'date' },
    done: { type: 'checkbox', required: true }
  },
  staff: {
    name: requiredText,
    orgUnitId: link('orgUnits'),
    mobile: text,
    email: text,
    role: text,
    /** may approve credit, override a stopped credit sale and lift a ladder effect */
    manager: { type: 'checkbox' },
    active: { type: 'checkbox', required: true }
  },
  orgUnits: {
    name: requiredText,
    kind: choice(ORG_UNIT_KINDS, true),
    parentId: link('orgUnits')
  },
  customColumns: {
    table: requiredText,
    label: requiredText,
    type: choice(CELL_TYPES, true),
    options: tags,
    linkTable: text,
    order: { type: 'number', required: true }
  },
  savedViews: {
    table: requiredText,
    name: requiredText,
    state: { type: 'text', json: true, required: true }
  },
  settings: {
    value: { type: 'text', json: true }
  },
  ...CREDIT_FIELDS,
  ...RECEIVABLE_FIELDS
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
  education: 'education'
};
