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
    'cell.error.text': '文本过长（最多 100000 个字）',
    'cell.error.notText': '应为文字，不能是数字或其他类型的值',
    'cell.error.notData': '不是可保存的数据（只能是文字、数字、是/否、列表或对象）',
    'cell.error.required': '此项必填'
  },
  en: {
    'cell.error.number': 'Enter a number, e.g. 12 or 3.5',
    'cell.error.money': 'Enter an amount in yuan with at most two decimals, e.g. 1,234.50',
    'cell.error.date': 'Enter a valid date, e.g. 2026-01-05',
    'cell.error.choice': 'Pick one of the options',
    'cell.error.checkbox': 'Enter yes or no',
    'cell.error.link': 'No matching record',
    'cell.error.text': 'The text is too long (at most 100000 characters)',
    'cell.error.notText': 'Must be text, not a number or another kind of value',
    'cell.error.notData': 'Not data that can be saved (only text, numbers, yes/no, lists or objects)',
    'cell.error.required': 'This field is required'
  }
});
