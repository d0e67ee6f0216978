import { defineMessages } from './define';

/** Why a typed or pasted value was refused; keys are exactly `CellError` of domain/cells.ts. */
export const cells = defineMessages({
  'zh-CN': {
    'cell.error.number': '请输入数字，例如 12 或 3.5',
    'cell.error.money': '请输入金额（元），最多两位小数，例如 1,234.50',
    'cell.error.date': '请输入有效日期，例如 2026-01-05',
    'cell.error.choice': '请从选项中选择',
    'cell.error.checkbox': '请输入“是”或“否”',
    'cell.error.link': '找不到对应的记录',
    'cell.error.text': '文本过长',
    'cell.error.required': '此项必填'
  },
  en: {
    'cell.error.number': 'Enter a number, e.g. 12 or 3.5',
    'cell.error.money': 'Enter an amount in yuan with at most two decimals, e.g. 1,234.50',
    'cell.error.date': 'Enter a valid date, e.g. 2026-01-05',
    'cell.error.choice': 'Pick one of the options',
    'cell.error.checkbox': 'Enter yes or no',
    'cell.error.link': 'No matching record',
    'cell.error.text': 'The text is too long',
    'cell.error.required': 'This field is required'
  }
});
