import type { GridColumn } from '$lib/grid/types';
import { i18n } from '$lib/i18n/index.svelte';
import { listOf, translate } from '$lib/i18n/translate';

/**
 * A read-only grid column with the ladder's flags of each customer today: 黑名单 (blacklisted by
 * the ladder) and/or 停止发货 (stop-shipment). A blacklist status set by hand shows in 状态.
 */
export function creditFlagColumn<R extends { id: string }>(flags: ReadonlyMap<string, { stop: boolean; blacklist: boolean }>): GridColumn<R> {
  return {
    key: 'creditFlag',
    label: translate(i18n.locale, 'col.creditFlag'),
    spec: { type: 'text' },
    width: 120,
    readonly: true,
    get: (row) => {
      const f = flags.get(row.id);
      if (!f) return undefined;
      const words: string[] = [];
      if (f.blacklist) words.push(translate(i18n.locale, 'badge.blacklist'));
      if (f.stop) words.push(translate(i18n.locale, 'badge.stop'));
      return listOf(i18n.locale, words);
    }
  };
}
