/**
 * The default factors of the characteristic analysis model (shared/domain/credit.md §4): 18 factors
 * in the order of the fixtures' `factorOrder`, their default weights (points of 100, summing to
 * 100) and, per factor, its 4 aspects with a short name and a hint of what good and bad look like.
 * credit.md names the factors and weights; the aspects and hints are ours (the spec asks only that
 * they exist and be editable in settings), written from the essay's credit-sales practice.
 */
import type { AspectSpec, FactorSpec } from './settings';

export const DEFAULT_FACTORS: readonly FactorSpec[] = [
  {
    id: 'paymentRecord',
    name: '付款记录',
    nameEn: 'payment record',
    group: 'creditFinancial',
    weight: 10,
    aspects: [
      { name: '付款及时性', good: '历次货款按期支付', bad: '经常逾期、拖欠' },
      { name: '付款足额', good: '足额付款，不截留尾款', bad: '少付、截留尾款或找借口扣款' },
      { name: '付款方式', good: '银行转账等现汇，方式稳定', bad: '依赖远期承兑汇票或以货抵款' },
      { name: '对其他供应商', good: '同行和其他供应商评价良好', bad: '被其他供应商追讨或起诉过' }
    ]
  },
  {
    id: 'bankCredit',
    name: '银行信用',
    nameEn: 'bank credit',
    group: 'creditFinancial',
    weight: 6,
    aspects: [
      { name: '银行评级', good: '银行信用评级高', bad: '评级低或没有评级' },
      { name: '贷款偿还', good: '贷款按期还本付息', bad: '有逾期、展期或不良贷款' },
      { name: '授信余量', good: '尚有充足未用授信', bad: '授信已用尽或被压缩' },
      { name: '账户与结算', good: '基本户稳定，结算往来正常', bad: '频繁换开户行或账户被冻结' }
    ]
  },
  {
    id: 'solvency',
    name: '偿债能力',
    nameEn: 'solvency',
    group: 'creditFinancial',
    weight: 8,
    aspects: [
      { name: '流动比率', good: '接近或高于 2', bad: '明显低于 1' },
      { name: '速动比率', good: '接近或高于 1', bad: '明显低于 0.5' },
      { name: '现金比率', good: '不低于 0.2', bad: '现金紧张，难以应付到期债务' },
      { name: '资产负债率', good: '约 50% 或更低', bad: '高于 70%' }
    ]
  },
  {
    id: 'profitability',
    name: '获利能力',
    nameEn: 'profitability',
    group: 'creditFinancial',
    weight: 6,
    aspects: [
      { name: '销售利润率', good: '高于行业水平', bad: '亏损或远低于行业' },
      { name: '毛利率', good: '高于行业且稳定', bad: '偏低且下滑' },
      { name: '成本费用利润率', good: '高于行业水平', bad: '费用吞噬利润' },
      { name: '利润趋势', good: '近年利润持续增长', bad: '连续下滑或亏损' }
    ]
  },
  {
    id: 'balanceSheet',
    name: '资产负债表评估',
    nameEn: 'balance-sheet assessment',
    group: 'creditFinancial',
    weight: 5,
    aspects: [
      { name: '报表可靠性', good: '经审计，前后口径一致', bad: '未经审计或前后矛盾' },
      { name: '资产质量', good: '应收和存货周转正常', bad: '大量呆滞存货或陈旧应收' },
      { name: '负债结构', good: '长短期负债搭配合理', bad: '短贷长投，短期债务集中到期' },
      { name: '或有负债', good: '没有对外担保和未决诉讼', bad: '有大额担保或未决诉讼' }
    ]
  },
  {
    id: 'totalCapital',
    name: '资本总额',
    nameEn: 'total capital',
    group: 'creditFinancial',
    weight: 5,
    aspects: [
      { name: '注册资本', good: '注册资本充足且已实缴', bad: '认缴未实缴或注册资本很小' },
      { name: '净资产', good: '净资产规模大且在增长', bad: '净资产小或为负' },
      { name: '资本与交易规模', good: '资本远大于拟给的额度', bad: '资本小于拟给的额度' },
      { name: '股东实力', good: '股东实力强、愿意支持', bad: '股东实力弱或抽逃资金' }
    ]
  },
  {
    id: 'firstImpression',
    name: '表面印象',
    nameEn: 'first impression',
    group: 'customer',
    weight: 4,
    aspects: [
      { name: '经营场所', good: '整洁，规模与业务相符', bad: '简陋或与其所说不符' },
      { name: '员工面貌', good: '专业、精神饱满', bad: '散漫、人员流动频繁' },
      { name: '接待与沟通', good: '坦诚配合，资料给得及时', bad: '回避问题、拖延提供资料' },
      { name: '社会声誉', good: '口碑良好', bad: '负面传闻多' }
    ]
  },
  {
    id: 'organisation',
    name: '组织管理',
    nameEn: 'organisation & management',
    group: 'customer',
    weight: 6,
    aspects: [
      { name: '管理层', good: '经验丰富、讲诚信', bad: '经验不足或有不良记录' },
      { name: '组织结构', good: '职责清晰', bad: '混乱或一人说了算' },
      { name: '内部控制', good: '财务、采购制度健全', bad: '制度缺失' },
      { name: '人员稳定', good: '核心人员稳定', bad: '高层频繁更换' }
    ]
  },
  {
    id: 'productsIndustry',
    name: '产品与行业',
    nameEn: 'products & industry',
    group: 'customer',
    weight: 6,
    aspects: [
      { name: '产品质量', good: '质量稳定、有认证', bad: '质量投诉多' },
      { name: '产品结构', good: '主业突出、产品成系列', bad: '单一或杂乱' },
      { name: '行业前景', good: '行业在成长', bad: '行业衰退或受限制' },
      { name: '行业地位', good: '行业内领先', bad: '边缘企业' }
    ]
  },
  {
    id: 'competitiveness',
    name: '市场竞争性',
    nameEn: 'competitiveness',
    group: 'customer',
    weight: 6,
    aspects: [
      { name: '市场份额', good: '份额高且稳定', bad: '份额小且在下降' },
      { name: '价格竞争力', good: '价格有优势', bad: '只能靠降价维持' },
      { name: '销售渠道', good: '渠道稳定、覆盖广', bad: '渠道单一' },
      { name: '客户结构', good: '客户分散、质量好', bad: '依赖少数几家客户' }
    ]
  },
  {
    id: 'operatingCondition',
    name: '经营状况',
    nameEn: 'operating condition',
    group: 'customer',
    weight: 8,
    aspects: [
      { name: '销售增长', good: '营业收入稳定增长', bad: '收入下滑' },
      { name: '存货周转', good: '周转快', bad: '积压' },
      { name: '自身回款', good: '自己的应收回款好', bad: '自己的应收大量逾期' },
      { name: '经营连续性', good: '经营正常，没有重大变故', bad: '停产、搬迁、重组等变故' }
    ]
  },
  {
    id: 'prospects',
    name: '发展前景',
    nameEn: 'prospects',
    group: 'customer',
    weight: 5,
    aspects: [
      { name: '发展规划', good: '规划清晰可行', bad: '盲目扩张或没有规划' },
      { name: '投资项目', good: '项目稳健、资金有保障', bad: '投资过大、资金链紧' },
      { name: '技术与创新', good: '持续投入研发', bad: '技术落后' },
      { name: '政策环境', good: '受政策支持', bad: '受政策限制' }
    ]
  },
  {
    id: 'dealProfitability',
    name: '交易盈利率',
    nameEn: 'deal profitability',
    group: 'priority',
    weight: 5,
    aspects: [
      { name: '毛利水平', good: '这笔生意毛利高', bad: '微利或亏本' },
      { name: '交易规模', good: '量大且持续', bad: '量小且零星' },
      { name: '服务成本', good: '服务、运输成本低', bad: '服务成本高' },
      { name: '收款成本', good: '收款容易', bad: '催收费用高' }
    ]
  },
  {
    id: 'dealTerms',
    name: '交易条件',
    nameEn: 'deal terms',
    group: 'priority',
    weight: 4,
    aspects: [
      { name: '信用期限', good: '要求的账期短', bad: '要求很长的账期' },
      { name: '价格条件', good: '接受正常价格', bad: '压价严重' },
      { name: '结算方式', good: '结算方式对我方有利', bad: '要求对我方不利的结算方式' },
      { name: '合同条款', good: '条款规范、责任清楚', bad: '附加苛刻条款' }
    ]
  },
  {
    id: 'competitivenessEffect',
    name: '市场竞争力影响',
    nameEn: 'effect on our competitiveness',
    group: 'priority',
    weight: 4,
    aspects: [
      { name: '扩大销量', good: '明显提高我方销量', bad: '影响很小' },
      { name: '阻挡对手', good: '能挡住竞争对手进入', bad: '没有作用' },
      { name: '区域覆盖', good: '帮我方打开新区域', bad: '没有新增覆盖' },
      { name: '带动产品', good: '带动我方新产品推广', bad: '没有带动' }
    ]
  },
  {
    id: 'marketAppealEffect',
    name: '市场吸引力影响',
    nameEn: 'effect on our market appeal',
    group: 'priority',
    weight: 4,
    aspects: [
      { name: '示范效应', good: '知名客户，能带来其他客户', bad: '没有影响' },
      { name: '品牌', good: '提升我方品牌', bad: '可能损害我方品牌' },
      { name: '长期合作', good: '可以长期合作', bad: '一次性交易' },
      { name: '关联业务', good: '能带来关联业务', bad: '没有' }
    ]
  },
  {
    id: 'paymentGuarantee',
    name: '付款担保',
    nameEn: 'payment guarantee',
    group: 'priority',
    weight: 5,
    aspects: [
      { name: '担保方式', good: '有抵押或质押', bad: '没有任何担保' },
      { name: '担保人实力', good: '担保人实力强', bad: '担保人弱或没有担保人' },
      { name: '担保物价值', good: '足值且容易变现', bad: '不足值或难以变现' },
      { name: '法律手续', good: '手续齐全、可执行', bad: '手续不全' }
    ]
  },
  {
    id: 'substitutability',
    name: '可替代性',
    nameEn: 'substitutability',
    group: 'priority',
    weight: 3,
    aspects: [
      { name: '客户难以替代', good: '这样的客户很难再找到', bad: '随时可由其他客户替代' },
      { name: '我方产品的重要性', good: '我方产品对客户不可或缺，客户会优先付我方的款', bad: '客户随时可以改用别家' },
      { name: '转换成本', good: '客户换供应商的成本高', bad: '客户换供应商没有成本' },
      { name: '同类客户', good: '同类客户少、难开发', bad: '同类客户很多' }
    ]
  }
];

/** English for one default factor: its name and its 4 aspects, in the order of `DEFAULT_FACTORS`. */
export interface FactorTextEn {
  name: string;
  aspects: readonly AspectSpec[];
}

/**
 * English for the default texts above, keyed by factor id (aspects by index). Display only: the
 * settings keep the Chinese defaults (what the fixtures and stored evaluations hold), and
 * `factorText`/`aspectText` (./factor-text.ts) show this English only for a text still equal to
 * its Chinese default.
 */
export const DEFAULT_FACTOR_TEXT_EN: Readonly<Record<string, FactorTextEn>> = {
  paymentRecord: {
    name: 'Payment record',
    aspects: [
      { name: 'Timeliness', good: 'Has always paid on time', bad: 'Often late or in arrears' },
      { name: 'Paying in full', good: 'Pays in full, no withheld balances', bad: 'Short-pays, withholds balances or finds reasons to deduct' },
      { name: 'Payment method', good: 'Bank transfer or other cash, consistently', bad: 'Relies on long-dated bank acceptances or pays in goods' },
      { name: 'With other suppliers', good: 'Well regarded by peers and other suppliers', bad: 'Chased or sued by other suppliers' }
    ]
  },
  bankCredit: {
    name: 'Bank credit',
    aspects: [
      { name: 'Bank rating', good: 'High bank credit rating', bad: 'Low rating or none' },
      { name: 'Loan repayment', good: 'Loans repaid on schedule', bad: 'Overdue, extended or non-performing loans' },
      { name: 'Unused credit lines', good: 'Ample unused credit lines', bad: 'Credit lines used up or cut' },
      { name: 'Accounts and settlement', good: 'Stable main account, normal settlements', bad: 'Keeps changing banks, or accounts frozen' }
    ]
  },
  solvency: {
    name: 'Solvency',
    aspects: [
      { name: 'Current ratio', good: 'Around 2 or higher', bad: 'Well below 1' },
      { name: 'Quick ratio', good: 'Around 1 or higher', bad: 'Well below 0.5' },
      { name: 'Cash ratio', good: 'At least 0.2', bad: 'Short of cash, struggles with debts due' },
      { name: 'Debt to assets', good: 'About 50% or lower', bad: 'Above 70%' }
    ]
  },
  profitability: {
    name: 'Profitability',
    aspects: [
      { name: 'Profit margin', good: 'Above the industry', bad: 'Loss-making or far below the industry' },
      { name: 'Gross margin', good: 'Above the industry and stable', bad: 'Low and falling' },
      { name: 'Profit to costs', good: 'Above the industry', bad: 'Expenses eat the profit' },
      { name: 'Profit trend', good: 'Profits growing in recent years', bad: 'Falling year after year, or losses' }
    ]
  },
  balanceSheet: {
    name: 'Balance-sheet assessment',
    aspects: [
      { name: 'Reliable statements', good: 'Audited, consistent from year to year', bad: 'Unaudited or inconsistent' },
      { name: 'Asset quality', good: 'Receivables and stock turn over normally', bad: 'Much dead stock or stale receivables' },
      {
        name: 'Debt structure',
        good: 'Sound mix of short- and long-term debt',
        bad: 'Short-term loans fund long-term assets; debts fall due together'
      },
      { name: 'Contingent liabilities', good: 'No guarantees for others, no pending lawsuits', bad: 'Large guarantees or pending lawsuits' }
    ]
  },
  totalCapital: {
    name: 'Total capital',
    aspects: [
      { name: 'Registered capital', good: 'Ample and fully paid in', bad: 'Subscribed but not paid in, or very small' },
      { name: 'Net assets', good: 'Large and growing', bad: 'Small or negative' },
      { name: 'Capital vs. deal size', good: 'Capital far above the limit we would give', bad: 'Capital below the limit we would give' },
      { name: 'Shareholders', good: 'Strong shareholders willing to support', bad: 'Weak shareholders, or capital withdrawn' }
    ]
  },
  firstImpression: {
    name: 'First impression',
    aspects: [
      { name: 'Premises', good: 'Tidy, sized to the business', bad: 'Shabby, or not what they claim' },
      { name: 'Staff', good: 'Professional and motivated', bad: 'Careless, high staff turnover' },
      { name: 'Dealing with us', good: 'Open and cooperative, documents on time', bad: 'Dodges questions, delays documents' },
      { name: 'Reputation', good: 'Good word of mouth', bad: 'Many negative rumours' }
    ]
  },
  organisation: {
    name: 'Organisation & management',
    aspects: [
      { name: 'Management', good: 'Experienced and honest', bad: 'Inexperienced or with a bad record' },
      { name: 'Structure', good: 'Clear responsibilities', bad: 'Chaotic, or one person decides everything' },
      { name: 'Internal controls', good: 'Sound finance and purchasing rules', bad: 'No rules in place' },
      { name: 'Staff stability', good: 'Key people stay', bad: 'Frequent changes at the top' }
    ]
  },
  productsIndustry: {
    name: 'Products & industry',
    aspects: [
      { name: 'Product quality', good: 'Consistent quality, certified', bad: 'Many quality complaints' },
      { name: 'Product range', good: 'Clear core business, full product lines', bad: 'Single product or scattered range' },
      { name: 'Industry outlook', good: 'Growing industry', bad: 'Declining or restricted industry' },
      { name: 'Industry position', good: 'A leader in its industry', bad: 'A marginal player' }
    ]
  },
  competitiveness: {
    name: 'Competitiveness',
    aspects: [
      { name: 'Market share', good: 'High and stable share', bad: 'Small and shrinking share' },
      { name: 'Price competitiveness', good: 'Prices have an edge', bad: 'Holds on only by cutting prices' },
      { name: 'Sales channels', good: 'Stable, wide-reaching channels', bad: 'A single channel' },
      { name: 'Customer base', good: 'Many sound customers', bad: 'Depends on a few customers' }
    ]
  },
  operatingCondition: {
    name: 'Operating condition',
    aspects: [
      { name: 'Sales growth', good: 'Revenue growing steadily', bad: 'Revenue falling' },
      { name: 'Stock turnover', good: 'Stock turns fast', bad: 'Stock piling up' },
      { name: 'Own collections', good: 'Collects its own receivables well', bad: 'Many of its own receivables overdue' },
      { name: 'Continuity', good: 'Operating normally, no major upheaval', bad: 'Halted production, relocation, restructuring' }
    ]
  },
  prospects: {
    name: 'Prospects',
    aspects: [
      { name: 'Development plans', good: 'Clear, feasible plans', bad: 'Reckless expansion or no plans' },
      { name: 'Investments', good: 'Sound projects with secured funding', bad: 'Overinvested, cash stretched' },
      { name: 'Technology & innovation', good: 'Steady R&D spending', bad: 'Outdated technology' },
      { name: 'Policy environment', good: 'Supported by policy', bad: 'Restricted by policy' }
    ]
  },
  dealProfitability: {
    name: 'Deal profitability',
    aspects: [
      { name: 'Gross margin', good: 'High margin on this business', bad: 'Thin margin or a loss' },
      { name: 'Deal size', good: 'Large and recurring volumes', bad: 'Small, occasional orders' },
      { name: 'Cost to serve', good: 'Low service and freight costs', bad: 'High cost to serve' },
      { name: 'Cost to collect', good: 'Easy to collect', bad: 'High collection costs' }
    ]
  },
  dealTerms: {
    name: 'Deal terms',
    aspects: [
      { name: 'Credit term', good: 'Asks for a short term', bad: 'Asks for a very long term' },
      { name: 'Price', good: 'Accepts normal prices', bad: 'Pushes prices down hard' },
      { name: 'Settlement', good: 'Settlement terms favour us', bad: 'Wants settlement terms that hurt us' },
      { name: 'Contract terms', good: 'Standard terms, clear obligations', bad: 'Adds harsh conditions' }
    ]
  },
  competitivenessEffect: {
    name: 'Effect on our competitiveness',
    aspects: [
      { name: 'More sales', good: 'Clearly raises our sales', bad: 'Little effect' },
      { name: 'Keeps rivals out', good: 'Keeps competitors out', bad: 'No effect' },
      { name: 'Regional reach', good: 'Opens a new region for us', bad: 'No new reach' },
      { name: 'Pulls other products', good: 'Helps launch our new products', bad: 'No pull' }
    ]
  },
  marketAppealEffect: {
    name: 'Effect on our market appeal',
    aspects: [
      { name: 'Reference value', good: 'Well-known customer who brings others', bad: 'No effect' },
      { name: 'Brand', good: 'Lifts our brand', bad: 'May hurt our brand' },
      { name: 'Long-term relationship', good: 'Long-term partner', bad: 'One-off deal' },
      { name: 'Related business', good: 'Brings related business', bad: 'None' }
    ]
  },
  paymentGuarantee: {
    name: 'Payment guarantee',
    aspects: [
      { name: 'Type of security', good: 'Mortgage or pledge', bad: 'No security at all' },
      { name: 'Guarantor strength', good: 'Strong guarantor', bad: 'Weak guarantor or none' },
      { name: 'Collateral value', good: 'Full value and easy to sell', bad: 'Short of value or hard to sell' },
      { name: 'Legal formalities', good: 'Complete and enforceable', bad: 'Incomplete' }
    ]
  },
  substitutability: {
    name: 'Substitutability',
    aspects: [
      { name: 'Hard to replace', good: 'A customer like this is hard to find again', bad: 'Easily replaced by other customers' },
      {
        name: 'Our product matters to them',
        good: 'They cannot do without our product and will pay us first',
        bad: 'They can switch to another supplier any time'
      },
      { name: 'Switching cost', good: 'Changing supplier costs them a lot', bad: 'Changing supplier costs them nothing' },
      { name: 'Similar customers', good: 'Few similar customers, hard to win', bad: 'Many similar customers' }
    ]
  }
};
