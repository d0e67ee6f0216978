/**
 * Collection documents (issue 15.4): the 催收函 (collection letter), the overdue notice and the
 * SMS/WeChat text, from templates the user can edit (the `settings` record `collectionTemplates`;
 * the defaults below in zh-CN and en). Filling is pure: a placeholder in either language is
 * replaced by its value, amounts in yuan with `formatYuan`, dates as ISO dates; a missing value
 * shows "—", never undefined or NaN; an unknown placeholder is left as typed.
 */
import { formatYuan, type Fen } from '$lib/domain/money';
import { daysBetween, isIsoDate } from '$lib/domain/dates';

export const COLLECTION_TEMPLATES_SETTING = 'collectionTemplates';
export const DOCUMENT_KINDS = ['letter', 'notice', 'sms'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export type CollectionTemplates = Record<DocumentKind, string>;

/** Placeholders, each under its Chinese and English name. */
export const PLACEHOLDERS = [
  ['客户名称', 'customer'],
  ['金额', 'amount'],
  ['到期日', 'dueDate'],
  ['逾期天数', 'daysOverdue'],
  ['发票号', 'invoices'],
  ['今天', 'today']
] as const;
type Placeholder = (typeof PLACEHOLDERS)[number][1];

export const DEFAULT_TEMPLATES: Record<'zh-CN' | 'en', CollectionTemplates> = {
  'zh-CN': {
    letter:
      '催收函\n\n{客户名称}：\n\n截至{今天}，贵方尚欠我方货款人民币 {金额} 元（发票号：{发票号}），最早一笔已于{到期日}到期，逾期 {逾期天数} 天。\n请于收到本函后七日内付清上述款项。如已付款，请忽略本函并与我们核对。\n\n此致\n敬礼',
    notice:
      '逾期付款通知\n\n{客户名称}：\n\n贵方有人民币 {金额} 元的货款已于{到期日}到期（发票号：{发票号}），至{今天}已逾期 {逾期天数} 天，请尽快安排付款。',
    sms: '【提醒】{客户名称}您好，贵方货款 {金额} 元已于{到期日}到期，已逾期 {逾期天数} 天，请尽快安排付款。如已付款请忽略。'
  },
  en: {
    letter:
      'Collection letter\n\nTo {customer},\n\nAs of {today}, you owe us {amount} yuan (invoices: {invoices}); the oldest fell due on {dueDate} and is {daysOverdue} days overdue.\nPlease pay the amount within seven days of this letter. If you have already paid, please disregard it and reconcile with us.\n\nYours faithfully',
    notice:
      'Overdue notice\n\nTo {customer},\n\n{amount} yuan fell due on {dueDate} (invoices: {invoices}) and is {daysOverdue} days overdue as of {today}. Please arrange payment soon.',
    sms: 'Reminder: {customer}, {amount} yuan fell due on {dueDate} and is {daysOverdue} days overdue. Please arrange payment. Ignore this if paid.'
  }
};

export interface DocumentFacts {
  customer?: string;
  /** fen overdue (or open) */
  amount?: Fen | number | null;
  /** the oldest due date among them */
  dueDate?: string | null;
  invoices?: readonly string[];
  today?: string;
}

const MISSING = '—';

function valueOf(name: Placeholder, f: DocumentFacts): string {
  switch (name) {
    case 'customer':
      return f.customer?.trim() || MISSING;
    case 'amount':
      return typeof f.amount === 'number' && Number.isFinite(f.amount) ? formatYuan(f.amount) : MISSING;
    case 'dueDate':
      return f.dueDate && isIsoDate(f.dueDate) ? f.dueDate : MISSING;
    case 'daysOverdue':
      return f.dueDate && f.today && isIsoDate(f.dueDate) && isIsoDate(f.today) ? String(Math.max(0, daysBetween(f.dueDate, f.today))) : MISSING;
    case 'invoices':
      return f.invoices?.length ? f.invoices.join(', ') : MISSING;
    case 'today':
      return f.today && isIsoDate(f.today) ? f.today : MISSING;
  }
}

const NAMES = new Map<string, Placeholder>(PLACEHOLDERS.flatMap(([zh, en]) => [[zh, en] as const, [en, en] as const]));

/** The template with every known placeholder `{name}` (Chinese or English) filled in. */
export function fillTemplate(template: string, facts: DocumentFacts): string {
  return template.replace(/\{([^{}]+)\}/g, (whole, name: string) => {
    const key = NAMES.get(name.trim());
    return key ? valueOf(key, facts) : whole;
  });
}

/** The stored templates, each falling back to the default of `locale` when missing or blank. */
export function templatesOf(stored: unknown, locale: 'zh-CN' | 'en'): CollectionTemplates {
  const d = DEFAULT_TEMPLATES[locale];
  const s = (stored && typeof stored === 'object' ? stored : {}) as Partial<Record<DocumentKind, unknown>>;
  const pick = (k: DocumentKind) => (typeof s[k] === 'string' && (s[k] as string).trim() ? (s[k] as string) : d[k]);
  return { letter: pick('letter'), notice: pick('notice'), sms: pick('sms') };
}

/** What a customer's documents say: the overdue receivables (else every open one), oldest due first. */
export function documentFacts(customer: string, open: readonly { invoiceNo?: string; dueDate: string; open: Fen }[], today: string): DocumentFacts {
  const overdue = open.filter((o) => o.dueDate < today);
  const rows = (overdue.length ? overdue : open).filter((o) => o.open > 0);
  const dueDate = rows.reduce<string | null>((min, o) => (min === null || o.dueDate < min ? o.dueDate : min), null);
  return {
    customer,
    amount: rows.reduce((s, o) => s + o.open, 0),
    dueDate,
    invoices: rows.map((o) => o.invoiceNo).filter((x): x is string => !!x),
    today
  };
}
