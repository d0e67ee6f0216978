import { defineMessages } from './define';

export const grid = defineMessages({
  'zh-CN': {
    'grid.rows': '{n} 行'
  },
  en: {
    'grid.rows': '{n} rows'
  }
});
