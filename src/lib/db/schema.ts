/**
 * The workspace database: one Dexie database per workspace, named `kebu-ws-<workspaceId>`.
 *
 * Schema versions are APPEND-ONLY. Never edit a published entry of `SCHEMA_VERSIONS`; add a new
 * one with the full store list and, when data must change shape, an `upgrade` that keeps every
 * field it does not understand. `schema.test.ts` opens a database written by every earlier
 * version with the current code and checks that no field was lost.
 *
 * Only the write path's modules write to these tables (the `no-restricted-syntax` rule block
 * "One write path" in eslint.config.js guards it; db/README.md lists them); everything else reads.
 */
import Dexie, { type Table, type Transaction } from 'dexie';
import type { Contact, CustomColumn, Customer, FollowUp, OrgUnit, SavedView, Staff } from '$lib/domain/records/types';
import type { CreditApplication, CreditEvaluationRecord, CreditOverride, CreditStepRecord } from '$lib/domain/credit/records';
import type { CreditAgreement, CreditSale, ExtensionRequest, LadderEffectLift, LadderTaskDone, Payment } from '$lib/domain/receivables/types';
import type { PurchaseRecord } from '$lib/domain/service/purchase-fields';
import type { Opportunity, Product } from '$lib/domain/selling/records';
import type { Complaint, ComplaintEvent } from '$lib/domain/service/complaint-fields';
import type { ChangeSet } from './changes';

export interface Setting {
  id: string;
  value: unknown;
  deleted: 0 | 1;
  createdAt: number;
  createdBy: string;
  updatedAt: number;
  updatedBy: string;
  _f?: Record<string, { at: number; by: string }>;
}

/** Small local state that is not replicated: the undo and redo stacks, last backup time… */
export interface MetaEntry {
  key: string;
  value: unknown;
}

/** The replicated record tables and their row types. */
export interface RecordTables {
  customers: Customer;
  contacts: Contact;
  followUps: FollowUp;
  staff: Staff;
  orgUnits: OrgUnit;
  customColumns: CustomColumn;
  savedViews: SavedView;
  settings: Setting;
  creditApplications: CreditApplication;
  creditSteps: CreditStepRecord;
  creditEvaluations: CreditEvaluationRecord;
  creditOverrides: CreditOverride;
  creditAgreements: CreditAgreement;
  creditSales: CreditSale;
  payments: Payment;
  extensionRequests: ExtensionRequest;
  ladderTasksDone: LadderTaskDone;
  ladderEffectLifts: LadderEffectLift;
  purchases: PurchaseRecord;
  products: Product;
  opportunities: Opportunity;
  complaints: Complaint;
  complaintEvents: ComplaintEvent;
}
export type TableName = keyof RecordTables;
export const TABLE_NAMES: readonly TableName[] = [
  'customers',
  'contacts',
  'followUps',
  'staff',
  'orgUnits',
  'customColumns',
  'savedViews',
  'settings',
  'creditApplications',
  'creditSteps',
  'creditEvaluations',
  'creditOverrides',
  'creditAgreements',
  'creditSales',
  'payments',
  'extensionRequests',
  'ladderTasksDone',
  'ladderEffectLifts',
  'purchases',
  'products',
  'opportunities',
  'complaints',
  'complaintEvents'
];

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      customers: 'id, name',
      contacts: 'id, customerId',
      followUps: 'id, customerId, at',
      staff: 'id',
      orgUnits: 'id',
      customColumns: 'id, table',
      savedViews: 'id, table',
      settings: 'id',
      changes: '++seq, &id',
      meta: 'key'
    }
  },
  {
    // credit sales (credit.md) and their receivables (receivables.md); nothing to move
    version: 2,
    stores: {
      customers: 'id, name',
      contacts: 'id, customerId',
      followUps: 'id, customerId, at',
      staff: 'id',
      orgUnits: 'id',
      customColumns: 'id, table',
      savedViews: 'id, table',
      settings: 'id',
      changes: '++seq, &id',
      meta: 'key',
      creditApplications: 'id, customerId',
      creditSteps: 'id, applicationId',
      creditEvaluations: 'id, customerId, applicationId',
      creditOverrides: 'id, customerId, saleId',
      creditAgreements: 'id, customerId',
      creditSales: 'id, customerId, agreementId',
      payments: 'id, customerId',
      extensionRequests: 'id, customerId, saleId',
      ladderTasksDone: 'id, customerId, saleId',
      ladderEffectLifts: 'id, customerId'
    }
  },
  {
    // purchases and complaints (service.md), the product catalogue and opportunities (sales.md); nothing to move
    version: 3,
    stores: {
      customers: 'id, name',
      contacts: 'id, customerId',
      followUps: 'id, customerId, at',
      staff: 'id',
      orgUnits: 'id',
      customColumns: 'id, table',
      savedViews: 'id, table',
      settings: 'id',
      changes: '++seq, &id',
      meta: 'key',
      creditApplications: 'id, customerId',
      creditSteps: 'id, applicationId',
      creditEvaluations: 'id, customerId, applicationId',
      creditOverrides: 'id, customerId, saleId',
      creditAgreements: 'id, customerId',
      creditSales: 'id, customerId, agreementId',
      payments: 'id, customerId',
      extensionRequests: 'id, customerId, saleId',
      ladderTasksDone: 'id, customerId, saleId',
      ladderEffectLifts: 'id, customerId',
      purchases: 'id, customerId, date',
      products: 'id, name',
      opportunities: 'id, customerId',
      complaints: 'id, customerId',
      complaintEvents: 'id, complaintId'
    }
  }
];

export const CURRENT_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1].version;

export class KebuDB extends Dexie {
  customers!: Table<Customer, string>;
  contacts!: Table<Contact, string>;
  followUps!: Table<FollowUp, string>;
  staff!: Table<Staff, string>;
  orgUnits!: Table<OrgUnit, string>;
  customColumns!: Table<CustomColumn, string>;
  savedViews!: Table<SavedView, string>;
  settings!: Table<Setting, string>;
  creditApplications!: Table<CreditApplication, string>;
  creditSteps!: Table<CreditStepRecord, string>;
  creditEvaluations!: Table<CreditEvaluationRecord, string>;
  creditOverrides!: Table<CreditOverride, string>;
  creditAgreements!: Table<CreditAgreement, string>;
  creditSales!: Table<CreditSale, string>;
  payments!: Table<Payment, string>;
  extensionRequests!: Table<ExtensionRequest, string>;
  ladderTasksDone!: Table<LadderTaskDone, string>;
  ladderEffectLifts!: Table<LadderEffectLift, string>;
  purchases!: Table<PurchaseRecord, string>;
  products!: Table<Product, string>;
  opportunities!: Table<Opportunity, string>;
  complaints!: Table<Complaint, string>;
  complaintEvents!: Table<ComplaintEvent, string>;
  changes!: Table<ChangeSet, number>;
  meta!: Table<MetaEntry, string>;

  constructor(name: string, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS) {
    super(name);
    for (const v of versions) {
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
  }

  recordTable<K extends TableName>(name: K): Table<RecordTables[K], string> {
    return this.table(name) as Table<RecordTables[K], string>;
  }
}

export function workspaceDbName(workspaceId: string): string {
  return `kebu-ws-${workspaceId}`;
}
