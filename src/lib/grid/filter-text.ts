/**
 * A filter condition as a person reads it ("阶段 等于 线索"): the grid's chips and the pages that
 * show the same view another way (the opportunities board) say it alike.
 */
import { formatCell } from '$lib/domain/cells';
import type { ColumnFilter } from '$lib/domain/records/types';
import { t } from '$lib/i18n/index.svelte';
import type { GridColumn } from './types';

export function filterText<R>(f: ColumnFilter, col: GridColumn<R> | undefined): string {
  const name = col?.label ?? f.column;
  const op = t(`grid.op.${f.op}`);
  if (f.value === undefined || f.op === 'empty' || f.op === 'not-empty') return `${name} ${op}`;
  let value = f.value;
  if (col?.spec.type === 'choice' || col?.spec.type === 'multi') value = formatCell({ ...col.spec, type: 'choice' }, f.value);
  if (col?.spec.type === 'checkbox') value = /^(true|1|yes|是)$/i.test(f.value) ? t('grid.yes') : t('grid.no');
  return `${name} ${op} ${value}`;
}
