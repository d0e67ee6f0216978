/**
 * Grid columns for a record table: built from the table's field specs (`TABLE_FIELDS`), the
 * workspace's custom columns, translated labels (`i18n/field-labels.ts`) and the lookups that link
 * cells need. Pure apart
 * from the stores it is given, so the import and export workers build the very same columns from
 * rows they read themselves (`LinkSources`).
 */
import type { CellSpec } from '$lib/domain/cells';
import { FIELD_WIDTHS, TABLE_FIELDS, VALUE_LABEL_PREFIX, type FieldSpec } from '$lib/domain/records/fields';
import type { CustomColumn } from '$lib/domain/records/types';
import type { GridColumn } from '$lib/grid/types';
import { customFieldSpec } from '$lib/db/validate';
import { fieldLabel } from '$lib/i18n/field-labels';
import { translate, type Locale, type MessageKey } from '$lib/i18n/translate';

/** The records a link cell can point at: an OpenWorkspace's stores, or rows a worker read itself. */
export interface LinkStore {
  readonly rows: readonly { id: string }[];
  get(id: string): unknown;
}
export type LinkSources = Record<'staff' | 'orgUnits' | 'customers' | 'contacts', LinkStore>;

/** Fields whose value labels differ in one table (an org unit's kind is its level). */
const TABLE_VALUE_LABELS: Record<string, Record<string, string>> = {
  orgUnits: { kind: 'orgKind' }
};

/** Resolvers for link cells: an id from a typed name (or id), and a record's display name. */
export function linkResolver(ws: LinkSources, table: string): CellSpec['link'] {
  const store = table in ws ? ws[table as keyof LinkSources] : null;
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

function specFor(locale: Locale, ws: LinkSources, table: string, field: string, spec: FieldSpec): CellSpec {
  const prefix = TABLE_VALUE_LABELS[table]?.[field] ?? VALUE_LABEL_PREFIX[field];
  const labels = prefix ? Object.fromEntries((spec.options ?? []).map((o) => [o, translate(locale, `${prefix}.${o}` as MessageKey)])) : undefined;
  return {
    ...spec,
    labels,
    link: spec.type === 'link' && spec.linkTable ? linkResolver(ws, spec.linkTable) : undefined
  };
}

export function tableColumns<R extends { id: string }>(
  locale: Locale,
  ws: LinkSources,
  table: string,
  custom: readonly CustomColumn[],
  fieldNames?: string[]
): GridColumn<R>[] {
  const specs = TABLE_FIELDS[table];
  const names = fieldNames ?? Object.keys(specs).filter((f) => !specs[f].json);
  const columns: GridColumn<R>[] = names.map((field) => ({
    key: field,
    label: fieldLabel(locale, field, table),
    spec: specFor(locale, ws, table, field, specs[field]),
    width: FIELD_WIDTHS[field]
  }));
  for (const c of custom.filter((c) => c.table === table && !c.deleted).sort((a, b) => a.order - b.order)) {
    columns.push({
      key: `x_${c.id}`,
      label: c.label,
      spec: { ...customFieldSpec(c), link: c.linkTable ? linkResolver(ws, c.linkTable) : undefined },
      custom: true
    });
  }
  return columns;
}
