import type { Customer } from '$lib/domain/records/types';

/** What quick search looks in, besides the visible columns (records.md, "Search"). */
export function customerSearchText(c: Customer): string {
  return [c.name, c.shortName, c.mobile, c.phone, c.creditCode, c.idNumber, c.address, c.notes, c.email, c.wechat].filter(Boolean).join(' ');
}
