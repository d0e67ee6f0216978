/**
 * Word pools for the demo workspace (./demo.ts): places with their real administrative division
 * codes and telephone area codes, the usual shapes of Chinese company and institution names,
 * common surnames and given-name characters, and the sentences a follow-up log is made of.
 * Weights are relative; they need not sum to anything.
 */
import type { Channel, CustomerStatus, DevelopmentStage, Tier } from '$lib/domain/records/types';

export interface DemoDistrict {
  name: string;
  /** GB/T 2260 division code, used in credit codes and identity numbers */
  code: string;
}

export interface DemoCity {
  province: string;
  /** province short name, for names like 河北石油化工有限公司 */
  provinceShort: string;
  city: string;
  cityShort: string;
  areaCode: string;
  districts: readonly DemoDistrict[];
}

const d = (name: string, code: string): DemoDistrict => ({ name, code });

const city = (
  province: string,
  provinceShort: string,
  name: string,
  areaCode: string,
  districts: DemoDistrict[]
): DemoCity => ({
  province,
  provinceShort,
  city: name,
  cityShort: name.replace(/市$/, ''),
  areaCode,
  districts
});

const BEIJING = city('北京市', '北京', '北京市', '010', [
  d('朝阳区', '110105'),
  d('海淀区', '110108'),
  d('丰台区', '110106')
]);
const TIANJIN = city('天津市', '天津', '天津市', '022', [
  d('和平区', '120101'),
  d('河西区', '120103'),
  d('南开区', '120104')
]);
const SHIJIAZHUANG = city('河北省', '河北', '石家庄市', '0311', [
  d('长安区', '130102'),
  d('桥西区', '130104'),
  d('裕华区', '130108')
]);
const TANGSHAN = city('河北省', '河北', '唐山市', '0315', [d('路南区', '130202'), d('路北区', '130203')]);
const HANGZHOU = city('浙江省', '浙江', '杭州市', '0571', [
  d('西湖区', '330106'),
  d('上城区', '330102'),
  d('拱墅区', '330105'),
  d('滨江区', '330108')
]);
const NINGBO = city('浙江省', '浙江', '宁波市', '0574', [d('海曙区', '330203'), d('鄞州区', '330212')]);
const SHANGHAI = city('上海市', '上海', '上海市', '021', [
  d('浦东新区', '310115'),
  d('徐汇区', '310104'),
  d('闵行区', '310112')
]);
const SUZHOU = city('江苏省', '江苏', '苏州市', '0512', [d('姑苏区', '320508'), d('吴中区', '320506')]);
const NANJING = city('江苏省', '江苏', '南京市', '025', [
  d('玄武区', '320102'),
  d('鼓楼区', '320106'),
  d('江宁区', '320115')
]);
const GUANGZHOU = city('广东省', '广东', '广州市', '020', [
  d('天河区', '440106'),
  d('越秀区', '440104'),
  d('海珠区', '440105')
]);
const SHENZHEN = city('广东省', '广东', '深圳市', '0755', [
  d('南山区', '440305'),
  d('福田区', '440304'),
  d('宝安区', '440306')
]);
const FUZHOU = city('福建省', '福建', '福州市', '0591', [
  d('鼓楼区', '350102'),
  d('台江区', '350103'),
  d('仓山区', '350104')
]);
const XIAMEN = city('福建省', '福建', '厦门市', '0592', [d('思明区', '350203'), d('湖里区', '350206')]);
const CHENGDU = city('四川省', '四川', '成都市', '028', [
  d('锦江区', '510104'),
  d('武侯区', '510107'),
  d('青羊区', '510105'),
  d('成华区', '510108')
]);
const CHONGQING = city('重庆市', '重庆', '重庆市', '023', [
  d('渝中区', '500103'),
  d('江北区', '500105'),
  d('南岸区', '500108')
]);
const KUNMING = city('云南省', '云南', '昆明市', '0871', [d('五华区', '530102'), d('盘龙区', '530103')]);

export interface DemoSite {
  name: string;
  cities: readonly DemoCity[];
}

export interface DemoArea {
  name: string;
  sites: readonly DemoSite[];
}

/** Areas in the order they are opened; a workspace takes the first 3 or 4, each with 2–3 sites. */
export const AREAS: readonly DemoArea[] = [
  {
    name: '华东片区',
    sites: [
      { name: '杭州站', cities: [HANGZHOU, NINGBO] },
      { name: '上海站', cities: [SHANGHAI, SUZHOU] },
      { name: '南京站', cities: [NANJING] }
    ]
  },
  {
    name: '华北片区',
    sites: [
      { name: '北京站', cities: [BEIJING] },
      { name: '石家庄站', cities: [SHIJIAZHUANG, TANGSHAN] },
      { name: '天津站', cities: [TIANJIN] }
    ]
  },
  {
    name: '华南片区',
    sites: [
      { name: '广州站', cities: [GUANGZHOU] },
      { name: '深圳站', cities: [SHENZHEN] },
      { name: '福州站', cities: [FUZHOU, XIAMEN] }
    ]
  },
  {
    name: '西南片区',
    sites: [
      { name: '成都站', cities: [CHENGDU] },
      { name: '重庆站', cities: [CHONGQING] },
      { name: '昆明站', cities: [KUNMING] }
    ]
  }
];

export const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭',
  '何', '高', '林', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾',
  '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡', '余', '杜', '叶', '程', '苏', '魏', '吕', '丁',
  '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金', '石', '廖', '贾', '夏',
  '韦', '付', '方', '白', '邹', '孟', '熊', '秦', '邱', '江', '尹', '薛', '段', '雷', '侯', '龙',
  '史', '陶', '黎', '贺', '顾', '毛', '郝', '龚', '邵', '万', '钱', '严', '武', '戴', '莫', '孔',
  '欧阳', '司马', '诸葛'
];

/** The most common surnames carry most people: the first ten are picked half of the time. */
export const COMMON_SURNAMES = SURNAMES.slice(0, 10);

export const GIVEN_NAME_CHARS = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明',
  '超', '霞', '平', '刚', '华', '建', '国', '文', '辉', '鹏', '宇', '浩', '婷', '雪', '琳', '晨',
  '欣', '佳', '俊', '峰', '斌', '红', '玉', '兰', '英', '凤', '海', '波', '宁', '志', '云', '飞',
  '丹', '萍', '玲', '倩', '颖', '洁', '亮', '松', '林', '鑫', '秀', '桂', '春', '梅', '嘉', '子',
  '思', '梓', '涵', '博', '晴', '轩', '一', '诺', '雨', '悦', '晓', '东', '永', '德', '荣', '庆'
];

/** Characters companies like in their trade names, with pinyin for e-mail and web addresses. */
export const TRADE_NAME_FIRST: readonly (readonly [string, string])[] = [
  ['恒', 'heng'], ['宏', 'hong'], ['鑫', 'xin'], ['华', 'hua'], ['金', 'jin'], ['永', 'yong'],
  ['顺', 'shun'], ['瑞', 'rui'], ['天', 'tian'], ['盛', 'sheng'], ['新', 'xin'], ['东', 'dong'],
  ['中', 'zhong'], ['广', 'guang'], ['福', 'fu'], ['汇', 'hui'], ['隆', 'long'], ['泰', 'tai'],
  ['嘉', 'jia'], ['安', 'an'], ['海', 'hai'], ['博', 'bo'], ['远', 'yuan'], ['润', 'run'],
  ['兴', 'xing'], ['通', 'tong'], ['信', 'xin'], ['万', 'wan'], ['正', 'zheng'], ['长', 'chang'],
  ['蜀', 'shu'], ['浙', 'zhe']
];

export const TRADE_NAME_SECOND: readonly (readonly [string, string])[] = [
  ['达', 'da'], ['通', 'tong'], ['远', 'yuan'], ['源', 'yuan'], ['盛', 'sheng'], ['丰', 'feng'],
  ['泰', 'tai'], ['信', 'xin'], ['隆', 'long'], ['昌', 'chang'], ['发', 'fa'], ['成', 'cheng'],
  ['利', 'li'], ['兴', 'xing'], ['和', 'he'], ['祥', 'xiang'], ['邦', 'bang'], ['辉', 'hui'],
  ['德', 'de'], ['宇', 'yu'], ['诚', 'cheng'], ['创', 'chuang'], ['鼎', 'ding'], ['安', 'an'],
  ['佳', 'jia'], ['川', 'chuan'], ['顺', 'shun'], ['美', 'mei'], ['锦', 'jin'], ['香', 'xiang']
];

export interface DemoIndustry {
  industry: string;
  /** [word in the full name, word in the short name] */
  words: readonly (readonly [string, string])[];
  weight: number;
}

export const INDUSTRIES: readonly DemoIndustry[] = [
  { industry: '物流', weight: 10, words: [['物流', '物流'], ['货运', '货运'], ['运输', '运输']] },
  { industry: '餐饮', weight: 10, words: [['餐饮管理', '餐饮'], ['餐饮', '餐饮'], ['食品', '食品']] },
  { industry: '建材', weight: 9, words: [['建材', '建材'], ['装饰材料', '装饰'], ['建筑材料', '建材']] },
  {
    industry: '机械制造',
    weight: 8,
    words: [['机械制造', '机械'], ['机械设备', '机械'], ['重工', '重工']]
  },
  { industry: '化工', weight: 6, words: [['石油化工', '石化'], ['化工', '化工'], ['新材料', '材料']] },
  { industry: '零售', weight: 12, words: [['商贸', '商贸'], ['百货', '百货'], ['贸易', '贸易']] },
  {
    industry: '电子信息',
    weight: 7,
    words: [['电子科技', '电子'], ['信息技术', '信息'], ['网络科技', '科技']]
  },
  { industry: '医药', weight: 4, words: [['医药', '医药'], ['药业', '药业'], ['医疗器械', '器械']] },
  { industry: '纺织服装', weight: 5, words: [['纺织', '纺织'], ['服饰', '服饰'], ['制衣', '制衣']] },
  {
    industry: '建筑工程',
    weight: 7,
    words: [['建筑工程', '建工'], ['建设工程', '建设'], ['装饰工程', '装饰']]
  },
  { industry: '汽车', weight: 5, words: [['汽车销售', '汽车'], ['汽车服务', '汽车'], ['汽配', '汽配']] },
  { industry: '农业', weight: 4, words: [['农业开发', '农业'], ['农产品', '农产品'], ['生态农业', '农业']] },
  { industry: '能源', weight: 3, words: [['能源', '能源'], ['燃气', '燃气'], ['石油', '石油']] }
];

/** Company-form suffixes and how often they occur; `shop` forms belong to 个体工商户. */
export const COMPANY_FORMS: readonly (readonly [string, number])[] = [
  ['有限公司', 70],
  ['有限责任公司', 9],
  ['股份有限公司', 7],
  ['集团有限公司', 5],
  ['经营部', 5],
  ['商行', 4]
];

export const ORDINALS = ['一', '二', '三', '四', '五', '六'];

export const BUREAUS = [
  '交通运输局',
  '市场监督管理局',
  '教育局',
  '卫生健康局',
  '住房和城乡建设局',
  '水务局',
  '城市管理局',
  '人民政府'
];

export const STREETS = [
  '人民路', '解放路', '中山路', '建设路', '新华路', '和平路', '胜利路', '长江路', '黄河路',
  '文化路', '工业路', '科技路', '创业路', '迎宾大道', '滨江大道', '环城北路', '东风路', '青年路',
  '光明路', '民主路', '学院路', '朝阳路', '花园路', '体育路'
];

export const SOURCES: readonly (readonly [string, number])[] = [
  ['老客户介绍', 22],
  ['上门拜访', 18],
  ['电话营销', 14],
  ['网络', 14],
  ['展会', 10],
  ['自然到店', 10],
  ['招投标', 5],
  ['广告', 7]
];

export const OCCUPATIONS = [
  '个体工商户',
  '企业职员',
  '企业主',
  '公务员',
  '教师',
  '医生',
  '司机',
  '农民',
  '自由职业',
  '退休人员',
  '工程师',
  '销售人员'
];

export const TAGS = [
  '重点客户',
  '长期合作',
  '价格敏感',
  '回款慢',
  '新客户',
  '需回访',
  '战略合作',
  '潜力客户',
  '投诉过'
];

export const CUSTOMER_NOTES = [
  '客户要求每月25日前对账',
  '老板比较重视价格，需提前报价',
  '仓库在城郊，送货需提前预约',
  '曾因质量问题投诉，已妥善处理',
  '付款周期60天，信用良好',
  '春节前需求量大，提前备货',
  '与竞争对手也有合作，需重点维护',
  '由老客户介绍，关系较好',
  '财务换人，新对接人待确认',
  '只接受增值税专用发票'
];

export const COMPANY_TITLES = [
  '总经理', '副总经理', '采购经理', '采购员', '财务经理', '会计', '出纳', '老板', '法人代表',
  '办公室主任', '仓库主管', '销售经理', '行政专员'
];

export const INSTITUTION_TITLES = ['主任', '科长', '副科长', '处长', '办公室主任', '采购专员', '财务科长'];

export const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155',
  '156', '157', '158', '159', '166', '173', '176', '177', '180', '181', '182', '183', '186', '187',
  '188', '189', '191', '198', '199'
];

export const PURPOSES = [
  '季度例行回访',
  '了解近期采购需求',
  '介绍新产品',
  '催收到期货款',
  '节日问候',
  '投诉处理跟进',
  '价格调整通知',
  '商谈年度合同',
  '收集满意度反馈',
  '送达对账单'
];

export const OUTCOMES = [
  '客户表示满意，暂无新需求',
  '客户计划下月追加订单',
  '约定下周面谈',
  '已确认对账单无误',
  '客户反映送货不及时，已记录并反馈物流',
  '客户对新价格有异议，需进一步沟通',
  '已收到部分货款，余款月底前付清',
  '联系人外出，改日再联系',
  '客户有意向，已发送报价',
  '客户转向竞争对手采购，原因待了解'
];

export const NEXT_STEPS = [
  '电话确认订单',
  '寄送新品样品',
  '安排技术人员上门',
  '发送报价单',
  '跟进回款情况',
  '邀请参加新品推介会',
  '节前再次拜访'
];

export const TIERS_WEIGHTED: readonly (readonly [Tier | undefined, number])[] = [
  ['VIP', 5],
  ['A', 20],
  ['B', 40],
  ['C', 32],
  [undefined, 3]
];
export const STATUSES_WEIGHTED: readonly (readonly [CustomerStatus, number])[] = [
  ['active', 62],
  ['prospect', 15],
  ['dormant', 10],
  ['lost', 8],
  ['blacklisted', 3]
];
export const PROSPECT_STAGES: readonly (readonly [DevelopmentStage, number])[] = [
  ['first-contact', 50],
  ['initial', 40],
  ['complete', 10]
];
export const CUSTOMER_STAGES: readonly (readonly [DevelopmentStage, number])[] = [
  ['complete', 75],
  ['initial', 25]
];
/** How much of a record is known at each development stage (三步法, service.md). */
export const STAGE_FILL: Record<DevelopmentStage, number> = { 'first-contact': 0.35, initial: 0.75, complete: 1 };
export const CHANNELS_WEIGHTED: readonly (readonly [Channel, number])[] = [
  ['phone', 35],
  ['visit', 25],
  ['wechat', 20],
  ['email', 8],
  ['sms', 5],
  ['on-site', 5],
  ['fax', 2]
];
export const INDUSTRIES_WEIGHTED = INDUSTRIES.map((i) => [i, i.weight] as const);
export const INSTITUTION_INDUSTRIES = new Set(['医疗', '教育', '政府机关']);
export const COMPANY_FORM = /(集团有限公司|股份有限公司|有限责任公司|有限公司|经营部|商行)$/;
