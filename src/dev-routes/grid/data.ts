/**
 * Rows and columns for the grid playground.
 *
 * `demo` (default): the seeded demo customers (`generateWorkspace`, seed 1) cut down to their 15
 * most common fields, with the same widths as the AG Grid baseline in bench/ag-grid, so the
 * benchmark compares the two grids on the same data.
 * `mixed`: a tiny local generator with one column of every cell type (money, numbers, dates,
 * checkboxes, several options, links), for trying editors and the status bar.
 */
import { demoRowsAndColumns, linkSpec } from './demo-dataset';
import type { GridColumn } from '$lib/grid';
import type { Locale } from '$lib/i18n/translate';

import type { Row } from './demo-dataset';
import { createRng } from '$lib/domain/records/rng';
import { dayOf, isoOf } from '$lib/domain/dates';

export type { Row };

export interface Dataset {
  rows: Row[];
  columns: (locale: Locale) => GridColumn<Row>[];
}

export function demoDataset(n: number): Dataset {
  return demoRowsAndColumns(n);
}

const PLACES = ['杭州', '河北', '上海', '北京', '苏州', '宁波', '温州', '广州', '深圳', '成都', '重庆', '武汉'];
const TRADES = ['顺达', '石油', '华兴', '宏远', '鼎盛', '恒通', '百川', '金泰', '瑞丰', '永安', '新星', '天成'];
const KINDS = ['物流', '贸易', '建材', '食品', '科技', '机械', '餐饮', '医药'];
const FORMS = ['有限公司', '有限责任公司', '经营部', '商行'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华';
const TAGS = ['重点客户', '长期合作', '价格敏感', '回款慢', '新客户', '需回访'];
const STREETS = ['人民路', '解放路', '中山路', '建设路', '新华路', '和平路'];
const NOTES = ['每月25日前对账', '需提前报价', '送货需预约', '付款周期60天', ''];

export function mixedDataset(n: number): Dataset {
  const r = createRng(20260105).next;
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)];
  const person = () => pick([...SURNAMES]) + pick([...GIVEN]) + (r() < 0.5 ? pick([...GIVEN]) : '');
  const staff = Array.from({ length: 24 }, (_, i) => ({ id: `s${i}`, name: person() }));
  const day = (from: number, span: number) => isoOf(dayOf(`${from}-01-01`) + Math.floor(r() * span));
  const rows: Row[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row: Row = {
      id: `m${i.toString(36)}`,
      name: pick(PLACES) + pick(TRADES) + pick(KINDS) + pick(FORMS),
      contact: person(),
      city: pick(PLACES),
      tier: r() < 0.05 ? undefined : pick(['VIP', 'A', 'B', 'C']),
      phone: `1${3 + Math.floor(r() * 6)}${String(Math.floor(r() * 1e9)).padStart(9, '0')}`,
      revenue: r() < 0.1 ? undefined : Math.floor(r() * 50_000_000),
      orders: Math.floor(r() * 200),
      since: day(2015, 3650),
      vip: r() < 0.2,
      manager: pick(staff).id,
      email: r() < 0.6 ? `kehu${i}@163.com` : undefined,
      address: `${pick(STREETS)}${1 + Math.floor(r() * 999)}号`,
      notes: pick(NOTES) || undefined
    };
    if (r() < 0.5) row.tags = r() < 0.3 ? [pick(TAGS), pick(TAGS)].filter((v, k, a) => a.indexOf(v) === k) : [pick(TAGS)];
    if (r() < 0.7) row.lastVisit = day(2025, 700);
    rows[i] = row;
  }
  const L = (locale: Locale, zh: string, en: string) => (locale === 'zh-CN' ? zh : en);
  return {
    rows,
    columns: (locale) => [
      { key: 'name', label: L(locale, '客户名称', 'Customer'), spec: { type: 'text', required: true }, width: 220 },
      { key: 'contact', label: L(locale, '联系人', 'Contact'), spec: { type: 'text' }, width: 90 },
      { key: 'city', label: L(locale, '城市', 'City'), spec: { type: 'choice', options: PLACES }, width: 80 },
      { key: 'tier', label: L(locale, '等级', 'Tier'), spec: { type: 'choice', options: ['VIP', 'A', 'B', 'C'] }, width: 70 },
      { key: 'tags', label: L(locale, '标签', 'Tags'), spec: { type: 'multi', options: TAGS }, width: 170 },
      { key: 'phone', label: L(locale, '手机', 'Mobile'), spec: { type: 'text' }, width: 120 },
      { key: 'revenue', label: L(locale, '年销售额（元）', 'Revenue (¥)'), spec: { type: 'money' }, width: 130 },
      { key: 'orders', label: L(locale, '订单数', 'Orders'), spec: { type: 'number' }, width: 80 },
      { key: 'since', label: L(locale, '建档日期', 'Since'), spec: { type: 'date' }, width: 110 },
      { key: 'lastVisit', label: L(locale, '最近回访', 'Last visit'), spec: { type: 'date' }, width: 110 },
      { key: 'vip', label: L(locale, '重点', 'Key'), spec: { type: 'checkbox' }, width: 60 },
      { key: 'manager', label: L(locale, '客户经理', 'Manager'), spec: { type: 'link', link: linkSpec(staff) }, width: 100 },
      { key: 'email', label: L(locale, '邮箱', 'Email'), spec: { type: 'text' }, width: 170 },
      { key: 'address', label: L(locale, '地址', 'Address'), spec: { type: 'text' }, width: 160 },
      { key: 'notes', label: L(locale, '备注', 'Notes'), spec: { type: 'text' }, width: 180 },
      { key: 'code', label: L(locale, '编号', 'Code'), spec: { type: 'text' }, width: 90, readonly: true, get: (row) => row.id }
    ]
  };
}
