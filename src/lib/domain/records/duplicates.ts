/**
 * Probable duplicate customers (shared/domain/records.md, "Duplicates"). Two records are probably
 * the same customer when, after normalising (./normalize.ts):
 * - their credit codes match (`code`; non-empty, compared with `normalizeCode`, valid or not —
 *   the same mistyped code twice is still the same customer), or
 * - their mobile numbers match (`mobile`; only numbers that are valid mobiles), or
 * - their names match (`name`; `normalizeName`, non-empty).
 * Deleted records are left out.
 *
 * `findDuplicateGroups` joins records transitively (A~B by code and B~C by name puts A, B, C in
 * one group) with a union-find over one hash map per key: O(n) in the number of records.
 * `duplicatesOf` lists the direct matches of one record, with the reasons for each.
 */
import { normalizeCode, normalizeMobile, normalizeName } from './normalize';
import type { Customer } from './types';

export type DuplicateReason = 'code' | 'mobile' | 'name';

export type DuplicateCandidate = Pick<Customer, 'id' | 'name' | 'creditCode' | 'mobile' | 'deleted'>;

export interface DuplicateGroup {
  /** in input order */
  ids: string[];
  /** every reason that joined two members, in the order code, mobile, name */
  reasons: DuplicateReason[];
}

export interface DuplicateMatch {
  id: string;
  reasons: DuplicateReason[];
}

const REASONS: readonly DuplicateReason[] = ['code', 'mobile', 'name'];
const REASON_BIT: Record<DuplicateReason, number> = { code: 1, mobile: 2, name: 4 };

/**
 * The comparison keys of a record, '' when it has none of that kind: the normalised credit code,
 * mobile and name. Exported for callers that index many records at once (imports).
 */
export function duplicateKeys(c: DuplicateCandidate): [code: string, mobile: string, name: string] {
  const code = typeof c.creditCode === 'string' ? normalizeCode(c.creditCode) : '';
  const mobile = typeof c.mobile === 'string' ? (normalizeMobile(c.mobile) ?? '') : '';
  const name = typeof c.name === 'string' ? normalizeName(c.name) : '';
  return [code, mobile, name];
}

function reasonsFromBits(bits: number): DuplicateReason[] {
  return REASONS.filter((r) => bits & REASON_BIT[r]);
}

/** Groups of two or more live records that are probably the same customer, in input order. */
export function findDuplicateGroups(customers: readonly DuplicateCandidate[]): DuplicateGroup[] {
  const n = customers.length;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root];
    while (parent[i] !== root) {
      const next = parent[i];
      parent[i] = root;
      i = next;
    }
    return root;
  };
  // the reasons are recorded per pair joined and gathered on the root afterwards
  const joinedBy = new Uint8Array(n);
  const union = (a: number, b: number, bit: number): void => {
    joinedBy[a] |= bit;
    joinedBy[b] |= bit;
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    // the earlier record becomes the root, so groups come out in input order
    if (ra < rb) parent[rb] = ra;
    else parent[ra] = rb;
  };

  const seen: Map<string, number>[] = [new Map(), new Map(), new Map()];
  for (let i = 0; i < n; i++) {
    const c = customers[i];
    if (c.deleted === 1) continue;
    const keys = duplicateKeys(c);
    for (let k = 0; k < 3; k++) {
      const key = keys[k];
      if (key === '') continue;
      const first = seen[k].get(key);
      if (first === undefined) seen[k].set(key, i);
      else union(first, i, 1 << k);
    }
  }

  const groups = new Map<number, { ids: string[]; bits: number }>();
  for (let i = 0; i < n; i++) {
    if (joinedBy[i] === 0) continue;
    const root = find(i);
    let g = groups.get(root);
    if (!g) {
      g = { ids: [], bits: 0 };
      groups.set(root, g);
    }
    g.ids.push(customers[i].id);
    g.bits |= joinedBy[i];
  }
  const out: DuplicateGroup[] = [];
  for (const g of groups.values()) out.push({ ids: g.ids, reasons: reasonsFromBits(g.bits) });
  return out;
}

/** The live records in `all` that are probably the same customer as `customer`, and why. */
export function duplicatesOf(customer: DuplicateCandidate, all: readonly DuplicateCandidate[]): DuplicateMatch[] {
  const mine = duplicateKeys(customer);
  const out: DuplicateMatch[] = [];
  for (const other of all) {
    if (other.deleted === 1 || other.id === customer.id) continue;
    const theirs = duplicateKeys(other);
    let bits = 0;
    for (let k = 0; k < 3; k++) if (mine[k] !== '' && mine[k] === theirs[k]) bits |= 1 << k;
    if (bits) out.push({ id: other.id, reasons: reasonsFromBits(bits) });
  }
  return out;
}
