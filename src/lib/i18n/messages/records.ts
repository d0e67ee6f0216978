import { defineMessages } from './define';

export const records = defineMessages({
  'zh-CN': {
    'records.customers': '客户'
  },
  en: {
    'records.customers': 'Customers'
  }
});
