/**
 * The industry benchmarks that ship with the defaults (credit.md §2: "The standard-ratio method
 * compares each ratio with a benchmark per industry, kept in settings"). Every figure is computed
 * from an official statistical table that was read, and `source` names it (publisher, title, year,
 * table, address); the raw inputs and formulas are in ./README.md ("Industry benchmarks") and
 * `industry-defaults.test.ts` recomputes every figure from them. Figures are rounded to three
 * significant digits. An industry has only the ratios its table supports; the others fall back to
 * the general benchmarks.
 *
 * Keys are the values of the customer's 行业 field as the app writes them (the demo's industries,
 * and 批发), so an evaluation picks them up from the customer record.
 *
 * Not shipped, for lack of a table we could read cleanly: manufacturing (the tables found give all
 * of 规模以上工业 together, not 制造业) and transport (no table with 营业成本 found).
 */
import { defaultText, type TextLocale } from './factor-text';
import type { IndustryOverride } from './settings';

const BEIJING_TRADE_2019_URL = 'http://tjj.beijing.gov.cn/tjsj_31433/yjdsj_31440/sy_31814/2019/202002/t20200217_1644527.html';
const BEIJING_TRADE_2019 = '北京市统计局，统计数据 › 月季度数据 › 商业 › 2019：《限额以上批发和零售业法人单位主要经济指标》（2019年1-12月，无表号）';
const BEIJING_TRADE_2019_EN =
  'Beijing Municipal Bureau of Statistics, Statistics › Monthly and quarterly data › Commerce › 2019: ' +
  '“Main economic indicators of wholesale and retail legal entities above the designated size” (January–December 2019, no table number)';

/** the shipped industries, by the customer-record 行业 value */
export const DEFAULT_INDUSTRIES: Readonly<Record<string, IndustryOverride>> = {
  批发: {
    name: '批发',
    source: `${BEIJING_TRADE_2019}，“批发企业”行，${BEIJING_TRADE_2019_URL}`,
    ratios: { grossMargin: { benchmark: 0.0732 }, profitMargin: { benchmark: 0.0269 } }
  },
  零售: {
    name: '零售',
    source: `${BEIJING_TRADE_2019}，“零售企业”行，${BEIJING_TRADE_2019_URL}`,
    ratios: { grossMargin: { benchmark: 0.124 }, profitMargin: { benchmark: 0.00814 } }
  },
  餐饮: {
    name: '餐饮',
    source:
      '北京市统计局《北京统计年鉴2013》英文版，表14-11 “Financial Status of Catering Enterprises above Designated Size (2012)”，Total 行，' +
      'https://nj.tjj.beijing.gov.cn/nj/main/2013-en1/content/V249_1411.htm',
    ratios: {
      currentRatio: { benchmark: 0.814 },
      debtToAssets: { benchmark: 0.78 },
      grossMargin: { benchmark: 0.564 },
      profitMargin: { benchmark: 0.0276 },
      costProfitRatio: { benchmark: 0.0283 }
    }
  },
  建筑工程: {
    name: '建筑工程',
    source:
      '广州市统计局《广州统计年鉴2022》，表12-1《资质以上建筑业企业主要经济指标》，2021年列，' +
      'https://tjj.gz.gov.cn/datav/admin/home/www_nj/2022/directory/12/html/12-01.htm',
    ratios: { grossMargin: { benchmark: 0.0639 }, profitMargin: { benchmark: 0.0183 } }
  }
};

/** The English of each shipped source, by industry key (shown in English while the source is unedited). */
export const DEFAULT_INDUSTRY_SOURCE_EN: Readonly<Record<string, string>> = {
  批发: `${BEIJING_TRADE_2019_EN}, row “wholesale enterprises”, ${BEIJING_TRADE_2019_URL}`,
  零售: `${BEIJING_TRADE_2019_EN}, row “retail enterprises”, ${BEIJING_TRADE_2019_URL}`,
  餐饮:
    'Beijing Municipal Bureau of Statistics, Beijing Statistical Yearbook 2013 (English edition), table 14-11 “Financial Status of Catering Enterprises above Designated Size (2012)”, row Total, ' +
    'https://nj.tjj.beijing.gov.cn/nj/main/2013-en1/content/V249_1411.htm',
  建筑工程:
    'Guangzhou Municipal Bureau of Statistics, Guangzhou Statistical Yearbook 2022, table 12-1 “Major Indicators of Grade Construction Enterprises”, 2021 column, ' +
    'https://tjj.gz.gov.cn/datav/admin/home/www_nj/2022/directory/12/html/12-01.htm'
};

/** An industry's source note to show: the shipped note's English in `en` while unedited, else as stored. */
export function industrySourceText(key: string, source: string, locale: TextLocale): string {
  return defaultText(source, DEFAULT_INDUSTRIES[key]?.source, DEFAULT_INDUSTRY_SOURCE_EN[key], locale);
}
