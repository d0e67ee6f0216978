import type { GridColumn } from '$lib/grid/types';
import type { Flag } from '$lib/domain/service/flags';
import { i18n } from '$lib/i18n/index.svelte';
import { translate } from '$lib/i18n/translate';
import type { ChurnMeasure } from './churn-settings';
import { openFlagsText } from './signal-text';

/**
 * A read-only grid column with each customer's open churn signals and why, in numbers ("Visit
 * cycle: usual cycle 6 days, 11 days since the last purchase (grace 3 days)"): filterable and
 * sortable like any text column. Empty until the signals worker has answered.
 */
export function churnColumn<R extends { id: string }>(flags: ReadonlyMap<string, readonly Flag[]>, measure: ChurnMeasure): GridColumn<R> {
  return {
    key: 'churn',
    label: translate(i18n.locale, 'col.churn'),
    spec: { type: 'text' },
    width: 280,
    readonly: true,
    get: (row) => {
      const f = flags.get(row.id);
      return f ? openFlagsText(i18n.locale, f, measure) || undefined : undefined;
    }
  };
}
