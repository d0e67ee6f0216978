/**
 * Grid columns for a record table: built from the table's field specs (`TABLE_FIELDS`), the
 * workspace's custom columns, translated labels and the lookups that link cells need.
 */
import type { CellSpec } from '$lib/domain/cells';
import { TABLE_FIELDS, type FieldSpec } from '$lib/domain/records/fields';
import type { CustomColumn } from '$lib/domain/records/types';
import type { GridColumn } from '$lib/grid/types';
import { customFieldSpec } from '$lib/db/validate';
import type { OpenWorkspace } from '$lib/db/workspace';
import { translate, type Locale, type MessageKey } from '$lib/i18n/translate';

/** Message key prefix of each choice field's value labels. */
const VALUE_LABELS: Record<string, string> = {
  kind: 'kind',
  status: 'status',
  stage: 'stage',
  channel: 'channel',
  education: 'education'
};

const WIDTHS: Record<string, number> = {
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

export function fieldLabel(locale: Locale, field: string): string {
  return translate(locale, `field.${field}` as MessageKey);
}

/** Resolvers for link cells: an id from a typed name (or id), and a record's display name. */
export function linkResolver(ws: OpenWorkspace, table: string): CellSpec['link'] {
  const store =
    table === 'staff' ? ws.staff : table === 'orgUnits' ? ws.orgUnits : table === 'customers' ? ws.customers : null;
  if (!store) return undefined;
  let cache: { rows: unknown; byName: Map<string, string> } | null = null;
  const byName = () => {
    if (cache?.rows !== store.rows) {
      const m = new Map<string, string>();
      for (const r of store.rows as { id: string; name: string }[]) if (!m.has(r.name)) m.set(r.name, r.id);
      cache = { rows: store.rows, byName: m };
    }
    return cache.byName;
  };
  return {
    resolve: (text) => byName().get(text.trim()) ?? (store.get(text.trim()) ? text.trim() : undefined),
    label: (id) => (store.get(id) as { name?: string } | undefined)?.name
  };
}

function specFor(locale: Locale, ws: OpenWorkspace, field: string, spec: FieldSpec): CellSpec {
  const prefix = VALUE_LABELS[field];
  const labels = prefix
    ? Object.fromEntries((spec.options ?? []).map((o) => [o, translate(locale, `${prefix}.${o}` as MessageKey)]))
    : undefined;
  return {
    ...spec,
    labels,
    link: spec.type === 'link' && spec.linkTable ? linkResolver(ws, spec.linkTable) : undefined
  };
}

export function tableColumns<R extends { id: string }>(
  locale: Locale,
  ws: OpenWorkspace,
  table: string,
  custom: CustomColumn[],
  fieldNames?: string[]
): GridColumn<R>[] {
  const specs = TABLE_FIELDS[table];
  const names = fieldNames ?? Object.keys(specs).filter((f) => !specs[f].json);
  const columns: GridColumn<R>[] = names.map((field) => ({
    key: field,
    label: fieldLabel(locale, field),
    spec: specFor(locale, ws, field, specs[field]),
    width: WIDTHS[field]
  }));
  for (const c of custom
    .filter((c) => c.table === table && !c.deleted)
    .sort((a, b) => a.order - b.order)) {
    columns.push({
      key: `x_${c.id}`,
      label: c.label,
      spec: { ...customFieldSpec(c), link: c.linkTable ? linkResolver(ws, c.linkTable) : undefined },
      custom: true
    });
  }
  return columns;
}
