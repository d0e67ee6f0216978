/**
 * A field's label in the user's language, as grids, imports, exports and the quality page show it.
 */
import { translate, type Locale, type MessageKey } from './translate';

/** Fields whose label differs in one table (an org unit's kind is its level). */
const TABLE_LABELS: Record<string, Record<string, MessageKey>> = {
  orgUnits: { kind: 'field.unitKind', parentId: 'field.unitParent' },
  purchases: { orgUnitId: 'field.site' }
};

export function fieldLabel(locale: Locale, field: string, table?: string): string {
  const key = (table && TABLE_LABELS[table]?.[field]) ?? `field.${field}`;
  return translate(locale, key as MessageKey);
}
