import { defineMessages } from './define';

export const records = defineMessages({
  'zh-CN': {
    'records.customers': '客户',
    'identity.length': '位数不对，应为 18 位',
    'identity.charset': '含有不允许的字符',
    'identity.checksum': '校验码不符，可能有录入错误',
    'identity.birthdate': '出生日期不是有效日期',
    'phone.invalid': '手机号码格式不正确',
    'email.invalid': '电子邮箱格式不正确'
  },
  en: {
    'records.customers': 'Customers',
    'identity.length': 'Wrong length: should be 18 characters',
    'identity.charset': 'Contains characters that are not allowed',
    'identity.checksum': 'Check character does not match: probably a typo',
    'identity.birthdate': 'The birth date in the number is not a real date',
    'phone.invalid': 'Not a valid mobile number',
    'email.invalid': 'Not a valid email address'
  }
});
