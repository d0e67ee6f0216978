/** Columns and rows shared by the grid's unit specs. */
import type { GridColumn } from './types';

export interface TRow {
  id: string;
  name?: string;
  city?: string;
  amount?: number;
  qty?: number;
  since?: string;
  tier?: string;
  tags?: string[];
  vip?: boolean;
  owner?: string;
  [key: string]: unknown;
}

const owners: Record<string, string> = { s1: '王芳', s2: '李强' };

export const columns: GridColumn<TRow>[] = [
  { key: 'name', label: '名称', spec: { type: 'text', required: true } },
  { key: 'city', label: '城市', spec: { type: 'text' } },
  { key: 'amount', label: '金额', spec: { type: 'money' } },
  { key: 'qty', label: '数量', spec: { type: 'number' } },
  { key: 'since', label: '日期', spec: { type: 'date' } },
  { key: 'tier', label: '等级', spec: { type: 'choice', options: ['VIP', 'A', 'B', 'C'] } },
  { key: 'tags', label: '标签', spec: { type: 'multi', options: ['老客户', '新客户', '重点'] } },
  { key: 'vip', label: '重要', spec: { type: 'checkbox' } },
  {
    key: 'owner',
    label: '负责人',
    spec: {
      type: 'link',
      link: {
        resolve: (t) => (owners[t] ? t : Object.keys(owners).find((k) => owners[k] === t)),
        label: (id) => owners[id]
      }
    }
  },
  { key: 'code', label: '编号', spec: { type: 'text' }, readonly: true }
];

export const rows: TRow[] = [
  { id: 'r1', name: '河北石油', city: '石家庄', amount: 120000, qty: 3, since: '2024-05-01', tier: 'A', tags: ['老客户'], vip: true, owner: 's1' },
  { id: 'r2', name: '杭州顺达物流', city: '杭州', amount: 5000, qty: 10, since: '2023-01-15', tier: 'VIP', owner: 's2' },
  { id: 'r3', name: 'Apple 中国', city: '上海', qty: 1, tier: 'C', tags: ['新客户', '重点'] },
  { id: 'r4', name: '北京百度', city: '北京', amount: 99, since: '2025-12-31', vip: false },
  { id: 'r5', name: '重庆火锅', city: '重庆', amount: -100, qty: 2, tier: 'B' }
];
