/**
 * Finding the record (or earlier row) an import row is a probable duplicate of
 * (shared/domain/records.md), with the domain's own normalisers (duplicateKeys: credit code,
 * mobile, name), through one hash map per key, so a 100 000-row file against a 100 000-record
 * table is linear. Other tables use the same idea with their own keys. Pure.
 */
import { duplicateKeys } from '$lib/domain/records/duplicates';
import { normalizeCode, normalizeMobile, normalizeName } from '$lib/domain/records/normalize';
import type { TableName } from '$lib/db/schema';

export type MatchReason = 'id' | 'code' | 'mobile' | 'name' | 'same';
export type Row = Record<string, unknown> & { id: string; deleted?: 0 | 1 };

export type Keys = [MatchReason, string][];

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const mobileKey = (v: unknown) => (typeof v === 'string' ? (normalizeMobile(v) ?? '') : '');

/** The duplicate keys of a record of each table, strongest first; '' = none. */
const DUPLICATE_KEYS: Partial<Record<TableName, (r: Record<string, unknown>) => Keys>> = {
  customers: (r) => {
    const [code, mobile, name] = duplicateKeys(r as never);
    return [
      ['code', code],
      ['mobile', mobile],
      ['name', name]
    ];
  },
  staff: (r) => [
    ['mobile', mobileKey(r.mobile)],
    ['name', normalizeName(str(r.name))]
  ],
  orgUnits: (r) => [['name', normalizeName(str(r.name))]],
  // a product is its name and spec together ("螺纹钢 HRB400 Φ12" and "… Φ16" are two products)
  products: (r) => [['name', normalizeName(str(r.name)) ? `${normalizeName(str(r.name))}|${normalizeName(str(r.spec))}` : '']],
  contacts: (r) => {
    const c = str(r.customerId);
    const mobile = mobileKey(r.mobile);
    const name = normalizeName(str(r.name));
    return [
      ['mobile', c && mobile ? `${c}|${mobile}` : ''],
      ['name', c && name ? `${c}|${name}` : '']
    ];
  },
  followUps: (r) => {
    const c = str(r.customerId);
    return [['same', c && r.at ? `${c}|${str(r.at)}|${str(r.channel)}` : '']];
  },
  // a purchase is the same by its receipt number, else by customer, moment and amount when it has a
  // time (without one, two equal purchases on one day are two purchases)
  purchases: (r) => {
    const c = str(r.customerId);
    const receipt = str(r.receiptNo).trim();
    return [['same', receipt ? `#${receipt}` : c && r.time ? `${c}|${str(r.date)}|${str(r.time)}|${String(r.amount)}` : '']];
  }
};

/** Fields whose different spellings mean the same (the duplicate keys): `+86 138…` is `138…`. */
export const SAME_AFTER_NORMALISING: Record<string, (a: unknown, b: unknown) => boolean> = {
  name: (a, b) => normalizeName(str(a)) !== '' && normalizeName(str(a)) === normalizeName(str(b)),
  mobile: (a, b) => mobileKey(a) !== '' && mobileKey(a) === mobileKey(b),
  creditCode: (a, b) => normalizeCode(str(a)) !== '' && normalizeCode(str(a)) === normalizeCode(str(b))
};

/** Existing records by id (deleted ones too) and by duplicate key (live ones), one map per key. */
export class Matcher {
  readonly byId = new Map<string, Row>();
  readonly keysOf: ((r: Record<string, unknown>) => Keys) | undefined;
  readonly existingKeys: Map<string, string>[];
  readonly fileKeys: Map<string, number>[];
  constructor(table: TableName, existing: readonly Row[]) {
    for (const r of existing) this.byId.set(r.id, r);
    this.keysOf = DUPLICATE_KEYS[table];
    const n = this.keysOf ? this.keysOf({}).length : 0;
    this.existingKeys = Array.from({ length: n }, () => new Map<string, string>());
    this.fileKeys = Array.from({ length: n }, () => new Map<string, number>());
    if (!this.keysOf) return;
    for (const r of existing) {
      if (r.deleted === 1) continue;
      this.keysOf(r).forEach(([, key], k) => {
        if (key && !this.existingKeys[k].has(key)) this.existingKeys[k].set(key, r.id);
      });
    }
  }
}

export interface MatchState {
  idRows: Set<number>;
  claimed: Map<string, number>;
}

/** The existing record and the earlier row of the file a row's keys match, with the reasons. */
export function findMatches(matcher: Matcher, state: MatchState, keys: Keys, hasFileId: boolean) {
  let match: { id: string; reasons: MatchReason[] } | null = null;
  let sameAs: { line: number; reasons: MatchReason[] } | null = null;
  for (let k = 0; k < keys.length; k++) {
    const [reason, key] = keys[k];
    if (!key) continue;
    const hit = matcher.existingKeys[k].get(key);
    if (hit && (!match || match.id === hit)) {
      match ??= { id: hit, reasons: [] };
      match.reasons.push(reason);
    }
    // two rows that both carry a record id are two records of an export, never one
    const earlier = matcher.fileKeys[k].get(key);
    if (earlier !== undefined && !(hasFileId && state.idRows.has(earlier)) && (!sameAs || sameAs.line === earlier)) {
      sameAs ??= { line: earlier, reasons: [] };
      sameAs.reasons.push(reason);
    }
  }
  return { match, sameAs };
}
