import { defineMessages } from './define';

export const common = defineMessages({
  'zh-CN': {
    'app.name': '客簿',
    'app.tagline': '本地优先的客户档案',
    'common.save': '保存',
    'common.chooseFile': '选择文件…',
    'common.listSeparator': '、',
    'common.labelValue': '{label}：{value}',
    'common.noFile': '未选择文件',
    'common.cancel': '取消',
    'common.close': '关闭',
    'common.delete': '删除',
    'common.add': '添加',
    'common.rename': '重命名',
    'common.yes': '是',
    'common.no': '否',
    'common.loading': '加载中…',
    'common.none': '无',
    'common.language': '语言',
    'common.languageFailed': '无法载入该语言的文字，请检查网络后重试。'
  },
  en: {
    'app.name': 'Kebu',
    'app.tagline': 'A local-first customer book',
    'common.save': 'Save',
    'common.chooseFile': 'Choose a file…',
    'common.listSeparator': ', ',
    'common.labelValue': '{label}: {value}',
    'common.noFile': 'No file chosen',
    'common.cancel': 'Cancel',
    'common.close': 'Close',
    'common.delete': 'Delete',
    'common.add': 'Add',
    'common.rename': 'Rename',
    'common.yes': 'Yes',
    'common.no': 'No',
    'common.loading': 'Loading…',
    'common.none': 'None',
    'common.language': 'Language',
    'common.languageFailed': 'Could not load that language’s text. Check the connection and try again.'
  }
});
