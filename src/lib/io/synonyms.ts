/**
 * Header names that mean a field, besides its own labels in Chinese and English (which mapping.ts
 * takes from the message tables): what customer lists from Excel, WPS, accounting and bank
 * systems call their columns. Compared after `normalizeHeader` (case, width, spaces, brackets and
 * "required" marks do not matter).
 */
export const SYNONYMS: Record<string, Record<string, string[]>> = {
  customers: {
    name: [
      '客户名称',
      '客户名',
      '单位名称',
      '公司名称',
      '企业名称',
      '客户',
      '名称',
      '姓名',
      '户名',
      '客户全称',
      '单位全称',
      'name',
      'customer',
      'customer name',
      'company',
      'company name',
      'account name',
      'full name'
    ],
    shortName: ['客户简称', '单位简称', '公司简称', '简称', 'short name', 'abbreviation', 'alias'],
    kind: ['客户类型', '客户类别', '类型', '类别', 'type', 'customer type', 'kind'],
    creditCode: ['统一社会信用代码', '社会信用代码', '信用代码', '税号', '纳税人识别号', '营业执照号', 'uscc', 'credit code', 'tax id', 'tax number'],
    idNumber: ['身份证', '身份证号', '身份证号码', '证件号码', 'id number', 'id card', 'national id'],
    tier: ['客户等级', '等级', '级别', 'tier', 'level', 'grade'],
    status: ['客户状态', '状态', 'status'],
    stage: ['开发阶段', '阶段', 'stage'],
    source: ['客户来源', '来源', 'source', 'lead source', 'channel'],
    managerId: ['客户经理', '负责人', '业务员', '销售', '跟进人', 'account manager', 'manager', 'owner', 'sales rep'],
    orgUnitId: ['所属单位', '所属部门', '部门', '片区', '站点', 'org unit', 'department', 'branch'],
    industry: ['行业', '所属行业', 'industry', 'sector'],
    province: ['省', '省份', '所在省', 'province', 'state'],
    city: ['市', '城市', '所在市', 'city'],
    district: ['区', '县', '区县', '所在区', 'district', 'county'],
    address: ['地址', '详细地址', '联系地址', '通讯地址', '办公地址', 'address', 'street'],
    mobile: ['手机', '手机号', '手机号码', '移动电话', '联系手机', 'mobile', 'mobile phone', 'cell', 'cell phone', 'cellphone'],
    phone: ['电话', '座机', '固定电话', '联系电话', '办公电话', '电话号码', 'phone', 'tel', 'telephone', 'office phone', 'landline'],
    email: ['邮箱', '电子邮箱', '电子邮件', 'e-mail', 'email', 'mail'],
    wechat: ['微信', '微信号', 'wechat', 'weixin'],
    fax: ['传真', 'fax'],
    website: ['网站', '网址', '主页', 'website', 'web site', 'url', 'homepage'],
    parentId: ['上级集团', '集团', '上级单位', '母公司', 'parent', 'group', 'parent company'],
    ageBand: ['年龄段', '年龄', 'age band', 'age'],
    occupation: ['职业', 'occupation', 'job'],
    education: ['学历', '教育程度', 'education'],
    incomeBand: ['收入段', '收入', 'income band', 'income'],
    segments: ['细分', '客户细分', '分群', 'segments', 'segment'],
    tags: ['标签', 'tags', 'tag', 'labels'],
    notes: ['备注', '说明', '附注', 'notes', 'note', 'remarks', 'remark', 'comment', 'comments']
  },
  contacts: {
    customerId: ['客户', '客户名称', '单位名称', '公司名称', '所属客户', 'customer', 'company', 'account'],
    name: ['联系人', '联系人姓名', '姓名', '名字', 'contact', 'contact name', 'name'],
    title: ['职务', '职位', '岗位', 'title', 'job title', 'position'],
    mobile: ['手机', '手机号', '手机号码', '移动电话', 'mobile', 'cell'],
    phone: ['电话', '座机', '办公电话', 'phone', 'tel'],
    email: ['邮箱', '电子邮件', 'email', 'e-mail'],
    wechat: ['微信', '微信号', 'wechat'],
    primary: ['主要联系人', '首要联系人', '主联系人', 'primary', 'main contact'],
    notes: ['备注', 'notes', 'remarks']
  },
  staff: {
    name: ['姓名', '员工姓名', '员工', '名字', 'name', 'staff', 'employee'],
    orgUnitId: ['所属单位', '部门', '片区', '站点', 'department', 'org unit', 'branch'],
    mobile: ['手机', '手机号', '手机号码', 'mobile', 'cell'],
    email: ['邮箱', 'email', 'e-mail'],
    role: ['岗位', '职务', '角色', 'role', 'title', 'position'],
    active: ['在职', '在职状态', '状态', 'active', 'employed']
  },
  orgUnits: {
    name: ['单位名称', '名称', '部门', '部门名称', 'name', 'unit'],
    kind: ['层级', '类型', '级别', 'kind', 'level', 'type'],
    parentId: ['上级单位', '上级', '上级部门', 'parent', 'parent unit']
  },
  followUps: {
    customerId: ['客户', '客户名称', 'customer'],
    contactId: ['联系人', 'contact'],
    staffId: ['员工', '回访人', '拜访人', '负责人', 'staff', 'by'],
    at: ['时间', '回访时间', '拜访时间', '日期', 'time', 'date', 'when'],
    channel: ['方式', '回访方式', '联系方式', 'channel', 'method'],
    purpose: ['目的', '事由', 'purpose'],
    outcome: ['结果', '情况', 'outcome', 'result'],
    nextStep: ['下一步', '后续', 'next step'],
    nextDate: ['下次日期', '下次回访', 'next date'],
    done: ['已完成', '完成', 'done', 'completed']
  },
  // what POS and fuel-card systems call the columns of their transaction exports
  purchases: {
    date: [
      '交易日期',
      '交易时间',
      '消费日期',
      '消费时间',
      '加油日期',
      '加油时间',
      '购买日期',
      '销售日期',
      '日期',
      'date',
      'transaction date',
      'datetime',
      'date time'
    ],
    time: ['时间', '时刻', '交易时刻', 'time', 'time of day'],
    customerId: ['客户', '客户名称', '会员', '会员名称', '持卡人', '单位名称', 'customer', 'customer name', 'member', 'card holder'],
    orgUnitId: ['站点', '油站', '加油站', '网点', '站点名称', '油站名称', '门店', 'site', 'station', 'store'],
    amount: ['金额', '交易金额', '消费金额', '实收金额', '实付金额', '应收金额', '销售金额', 'amount', 'total', 'sales amount'],
    volume: ['数量', '加油量', '油量', '升数', '销量', '销售数量', 'volume', 'quantity', 'qty', 'litres', 'liters'],
    unit: ['单位', '计量单位', 'unit', 'uom'],
    product: ['商品', '商品名称', '油品', '油品名称', '品名', '品种', 'product', 'item', 'grade', 'fuel'],
    paymentKind: ['付款方式', '支付方式', '结算方式', '付款类型', 'payment', 'payment method', 'payment type', 'tender'],
    receiptNo: ['小票号', '流水号', '交易流水号', '交易号', '单号', '小票编号', 'receipt', 'receipt no', 'transaction id', 'transaction no'],
    notes: ['备注', 'notes', 'remarks']
  },
  products: {
    name: ['产品名称', '商品名称', '品名', '产品', '商品', '货品名称', '存货名称', 'product', 'product name', 'item', 'item name'],
    spec: ['规格型号', '型号', '规格', 'specification', 'model'],
    unit: ['计量单位', '单位', 'uom', 'unit of measure'],
    listPrice: ['标价', '单价', '售价', '零售价', '销售单价', '价格', '牌价', 'price', 'unit price', 'list price'],
    notes: ['备注', '说明', 'remarks', 'notes']
  }
};

/** Headers that are row numbers, never data. */
export const IGNORED_HEADERS = ['序号', '行号', 'no', 'no.', '#', 'row', 'index'];

/**
 * Words other systems use for the options of a choice field, per table and field: option →
 * words. Compared after `normalizeWord` (case, width, spaces and punctuation do not matter). Only
 * words that mean the option without doubt: a word that could mean two options is left for the
 * user to decide in the preview's value table.
 */
export const VALUE_SYNONYMS: Record<string, Record<string, Record<string, string[]>>> = {
  customers: {
    kind: {
      unit: [
        '企业',
        '公司',
        '单位',
        '法人',
        '企业客户',
        '公司客户',
        '单位客户',
        '机构',
        '组织',
        '商户',
        '对公',
        'company',
        'business',
        'corporate',
        'enterprise',
        'organisation',
        'organization',
        'b2b'
      ],
      individual: ['个人', '自然人', '个人客户', '散户', '私人', '对私', 'person', 'personal', 'private', 'consumer', 'b2c']
    },
    status: {
      prospect: ['潜在客户', '潜客', '意向客户', '意向', '线索', 'lead', 'potential'],
      active: ['活跃客户', '正常', '合作中', '老客户', '已成交', '成交客户', '在合作', 'current', 'customer'],
      dormant: ['休眠客户', '沉睡', '沉睡客户', '不活跃', 'inactive'],
      lost: ['流失', '已流失', '流失客户', 'churned'],
      blacklisted: ['黑名单客户', '拉黑', 'blacklist', 'blocked']
    },
    stage: {
      'first-contact': ['首次接触', '初次联系', '首次联系', '初访', 'first contact', 'new lead']
    },
    tier: {
      VIP: ['vip客户', '重要客户', '核心客户'],
      A: ['a级', 'a类', '甲', '甲级'],
      B: ['b级', 'b类', '乙', '乙级'],
      C: ['c级', 'c类', '丙', '丙级']
    }
  },
  purchases: {
    paymentKind: {
      cash: ['现金', '现款', 'cash'],
      card: [
        '刷卡',
        '银行卡',
        '加油卡',
        '油卡',
        'ic卡',
        '储值卡',
        '会员卡',
        '信用卡',
        '借记卡',
        'card',
        'fuel card',
        'bank card',
        'credit card',
        'debit card'
      ],
      credit: ['赊销', '赊账', '挂账', '记账', '月结', '签单', 'on account', 'credit sale'],
      other: ['其他', '微信', '微信支付', '支付宝', '扫码', '移动支付', 'wechat pay', 'alipay', 'mobile', 'other']
    }
  },
  followUps: {
    channel: {
      visit: ['上门', '上门拜访', '面访', 'visit'],
      phone: ['电话', '致电', '电联', 'call', 'phone call'],
      wechat: ['微信', 'wechat', 'weixin'],
      email: ['邮件', '电子邮件', 'email', 'e-mail'],
      sms: ['短信', 'sms', 'text'],
      'on-site': ['到店', '来访', '到访', 'walk-in']
    }
  }
};

/** Header names of a customer's contact person in a customers file (contact field → names). */
export const CONTACT_SYNONYMS: Record<string, string[]> = {
  name: ['联系人', '联系人姓名', '联系人名字', '联系人名称', '对接人', '经办人', 'contact', 'contact name', 'contact person'],
  title: ['联系人职务', '联系人职位', '职务', '职位', 'title', 'job title', 'position'],
  mobile: ['联系人手机', '联系人手机号', '联系人手机号码', 'contact mobile'],
  phone: ['联系人电话', '联系人座机', 'contact phone'],
  email: ['联系人邮箱', 'contact email'],
  wechat: ['联系人微信', 'contact wechat']
};

/** Header words that say a column holds money (an amount column is money, not a plain number). */
export const MONEY_HEADER = /金额|额|价|款|费|元|收入|营收|销售|成交|采购|amount|price|revenue|sales|cost|fee|total|value|¥|￥/i;
/** Header words that say a column holds dates. */
export const DATE_HEADER = /日期|时间|日|date|time|when|day/i;
