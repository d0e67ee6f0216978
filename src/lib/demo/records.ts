/**
 * A seeded, deterministic demo workspace: what a Chinese small business's customer book looks
 * like after a few years of use (company → areas 片区 → sites 站点, account managers at about one
 * per 15–25 customers as in service.md's 1:15 rule, ~70 % unit and ~30 % individual customers,
 * contacts and a year of follow-ups).
 *
 * The data is realistic on purpose and imperfect on purpose, so that every screen has something to
 * show: fields are missing in proportion to how far a customer has been developed (三步法), about
 * 5 % of credit codes and identity numbers are mistyped, mobiles are sometimes written with spaces
 * or +86, ~2.5 % of customers are near-duplicates of another (without the 有限公司 suffix, the same
 * credit code under the short name, the same mobile written differently), and ~2 % of companies
 * belong to a customer group (`parentId`).
 *
 * Same seed and options → deep-equal output. Each kind of record draws from its own random stream,
 * so changing `contactsPerCustomer` or `followUpsPerCustomer` does not change the customers.
 * Records are drafts: the envelope (`deleted`, `created*`, `updated*`, `_f`) is added by the write
 * path; ids are made here, from the seed (`c-` + 24 hex digits, never repeated within a workspace).
 */
import {
  AREAS,
  BUREAUS,
  COMPANY_FORMS,
  CUSTOMER_NOTES,
  OCCUPATIONS,
  ORDINALS,
  SOURCES,
  TAGS,
  TRADE_NAME_FIRST,
  TRADE_NAME_SECOND,
  type DemoCity,
  type DemoDistrict,
  type DemoSite,
  TIERS_WEIGHTED,
  STATUSES_WEIGHTED,
  PROSPECT_STAGES,
  CUSTOMER_STAGES,
  STAGE_FILL,
  INDUSTRIES_WEIGHTED,
  COMPANY_FORM
} from './records-data';
import { address, creditCode, idMaker, idNumber } from './records-people';
import { landline, mistypeCode, mobile, personName, writtenMobile } from './records-people';
import { buildContacts, buildFollowUps } from './records-activity';
import { isIsoDate } from '$lib/domain/dates';
import { createRng, rngStream, type Rng } from '$lib/domain/records/rng';
import {
  AGE_BANDS,
  EDUCATION_LEVELS,
  INCOME_BANDS,
  type Contact,
  type Customer,
  type FollowUp,
  type OrgUnit,
  type Staff
} from '$lib/domain/records/types';

export { createRng, type Rng };

/** A record before the write path adds its envelope: everything but the id is the caller's to stamp. */
export type Draft<T> = Omit<T, 'deleted' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy' | '_f'>;

// ---------------------------------------------------------------- the workspace

export interface WorkspaceOptions {
  seed: number;
  customers: number;
  /** mean contacts per unit customer (individuals are their own contact); default 1 */
  contactsPerCustomer?: number;
  /** mean follow-ups per customer; default 2 */
  followUpsPerCustomer?: number;
  /** the date the workspace is "now" (`YYYY-MM-DD`); default '2026-11-28' */
  today?: string;
}

export interface Workspace {
  orgUnits: Draft<OrgUnit>[];
  staff: Draft<Staff>[];
  customers: Draft<Customer>[];
  contacts: Draft<Contact>[];
  followUps: Draft<FollowUp>[];
}

export interface Place {
  site: DemoSite;
  city: DemoCity;
  district: DemoDistrict;
}

/** What the generator remembers about a customer to make duplicates, groups and contacts. */
export interface Made {
  customer: Draft<Customer>;
  place: Place;
  trade?: string;
}

class WorkspaceBuilder {
  readonly orgUnits: Draft<OrgUnit>[] = [];
  readonly staff: Draft<Staff>[] = [];
  readonly #staffSites: DemoSite[] = [];
  readonly #sites: { id: string; site: DemoSite }[] = [];
  readonly #cities: DemoCity[] = [];
  readonly #groupParents: { id: string; trade: string; tradePinyin: string }[] = [];
  readonly #today: string;
  readonly #customerId: () => string;

  constructor(
    readonly seed: number,
    customerCount: number,
    today: string
  ) {
    this.#today = today;
    this.#customerId = idMaker('c-', seed, 12);
    this.#buildOrg(customerCount);
  }

  #buildOrg(customerCount: number): void {
    const rng = rngStream(this.seed, 1);
    const orgId = idMaker('org-', this.seed, 10);
    const staffId = idMaker('stf-', this.seed, 11);
    const company = { id: orgId(), name: '总公司', kind: 'company' as const };
    this.orgUnits.push(company);
    const areaCount = rng.int(3, 4);
    const firstSiteOfArea: string[] = [];
    for (const area of AREAS.slice(0, areaCount)) {
      const areaUnit = { id: orgId(), name: area.name, kind: 'area' as const, parentId: company.id };
      this.orgUnits.push(areaUnit);
      for (const site of area.sites.slice(0, rng.int(2, 3))) {
        const siteUnit = { id: orgId(), name: site.name, kind: 'site' as const, parentId: areaUnit.id };
        this.orgUnits.push(siteUnit);
        this.#sites.push({ id: siteUnit.id, site });
        this.#cities.push(...site.cities);
        if (site === area.sites[0]) firstSiteOfArea.push(siteUnit.id);
      }
    }
    const staffCount = Math.max(4, Math.round(customerCount / rng.int(15, 25)));
    const areaHeads = new Set<string>();
    for (let i = 0; i < staffCount; i++) {
      const { id: siteId, site } = this.#sites[i % this.#sites.length];
      const head = firstSiteOfArea.includes(siteId) && !areaHeads.has(siteId);
      if (head) areaHeads.add(siteId);
      const member: Draft<Staff> = {
        id: staffId(),
        name: personName(rng),
        orgUnitId: siteId,
        mobile: mobile(rng),
        role: head ? '片区经理' : '客户经理',
        // area heads approve credit, override stopped sales and lift ladder effects
        ...(head ? { manager: true } : {}),
        active: i < 4 || rng.chance(0.95)
      };
      this.staff.push(member);
      this.#staffSites.push(site);
    }
  }

  /** Customers, with ~2.5 % near-duplicates of earlier ones. */
  buildCustomers(count: number): Made[] {
    const rng = rngStream(this.seed, 2);
    const made: Made[] = [];
    for (let i = 0; i < count; i++) {
      if (i >= 5 && rng.chance(0.025)) made.push(this.#duplicate(rng, made[rng.int(0, i - 1)]));
      else made.push(this.#customer(rng, rng.chance(0.7) ? 'unit' : 'individual', undefined));
    }
    return made;
  }

  #place(rng: Rng, managerIndex: number): Place {
    const site = managerIndex >= 0 ? this.#staffSites[managerIndex] : rng.pick(this.#sites).site;
    const city = rng.chance(0.9) ? rng.pick(site.cities) : rng.pick(this.#cities);
    return { site, city, district: rng.pick(city.districts) };
  }

  /**
   * A new customer, or (with `original`) the body of a duplicate of it: same place, and the
   * identity (name, codes) left to the caller.
   */
  #customer(rng: Rng, kind: 'unit' | 'individual', original: Made | undefined): Made {
    const managerIndex = rng.chance(0.98) ? rng.int(0, this.staff.length - 1) : -1;
    const place = original?.place ?? this.#place(rng, managerIndex);
    const { city, district } = place;
    const status = rng.weighted(STATUSES_WEIGHTED);
    const stage = rng.weighted(status === 'prospect' ? PROSPECT_STAGES : CUSTOMER_STAGES);
    const fill = STAGE_FILL[stage];
    const has = (p: number): boolean => rng.chance(p * fill);

    const c: Draft<Customer> = { id: this.#customerId(), kind, name: '', status, stage };
    const made: Made = { customer: c, place };
    const tier = rng.weighted(TIERS_WEIGHTED);
    if (tier) c.tier = tier;
    if (managerIndex >= 0) {
      c.managerId = this.staff[managerIndex].id;
      c.orgUnitId = this.staff[managerIndex].orgUnitId;
    }
    if (rng.chance(0.85)) c.source = rng.weighted(SOURCES);
    if (rng.chance(0.97)) {
      c.province = city.province;
      c.city = city.city;
      if (rng.chance(0.85)) c.district = district.name;
    }
    if (has(0.9)) c.address = address(rng, kind === 'individual');
    if (rng.chance(0.85)) c.mobile = writtenMobile(rng, mobile(rng));

    const segments: string[] = [];
    if (kind === 'unit') {
      const pinyin = original ? '' : this.#unitIdentity(rng, made, segments);
      if (has(0.7)) c.phone = landline(rng, city);
      if (has(0.15)) c.fax = landline(rng, city);
      if (pinyin && has(0.3)) {
        c.email = rng.chance(0.5) ? `sales@${pinyin}.com.cn` : `${pinyin}${rng.int(1, 999)}@163.com`;
      }
      if (pinyin && has(0.1)) c.website = `www.${pinyin}.com.cn`;
      if (has(0.2)) c.wechat = `wxid_${rng.uint32().toString(36)}${rng.int(10, 99)}`;
    } else {
      c.name = personName(rng);
      if (has(0.9)) c.ageBand = rng.pick(AGE_BANDS);
      if (has(0.85)) c.occupation = rng.pick(OCCUPATIONS);
      if (has(0.7)) c.education = rng.pick(EDUCATION_LEVELS);
      if (has(0.6)) c.incomeBand = rng.pick(INCOME_BANDS);
      if (has(0.5)) c.idNumber = idNumber(rng, district, c.ageBand, this.#today, rng.chance(0.95));
      if (has(0.1)) c.phone = landline(rng, city);
      if (has(0.2)) c.email = `${rng.int(10000, 999999999)}@qq.com`;
      if (has(0.5)) {
        c.wechat = c.mobile && rng.chance(0.5) ? c.mobile : `wxid_${rng.uint32().toString(36)}`;
      }
      if (c.incomeBand === '20k-50k' || c.incomeBand === '50k+') segments.push('高净值');
      if (c.ageBand === '<25' || c.ageBand === '25-34') segments.push('年轻客群');
      if (c.ageBand === '55-64' || c.ageBand === '65+') segments.push('中老年客群');
      if (c.occupation === '个体工商户' || c.occupation === '企业主') segments.push('小微企业主');
    }
    if (c.tier === 'VIP') segments.push('大客户');
    if (segments.length) c.segments = segments;
    if (rng.chance(0.4)) {
      const first = rng.pick(TAGS);
      const second = rng.pick(TAGS);
      c.tags = rng.chance(0.3) && second !== first ? [first, second] : [first];
    }
    if (rng.chance(0.15)) c.notes = rng.pick(CUSTOMER_NOTES);
    return made;
  }

  /** Name, short name, industry and credit code of a unit; returns the pinyin for web addresses. */
  #unitIdentity(rng: Rng, made: Made, segments: string[]): string {
    const c = made.customer;
    const { city, district } = made.place;
    let codeType = '91';
    let pinyin = '';
    if (rng.chance(0.05)) {
      // hospitals, schools and government offices
      const r = rng.next();
      if (r < 0.35) {
        c.industry = '医疗';
        codeType = '12';
        c.name = rng.chance(0.6)
          ? `${city.city}第${rng.pick(ORDINALS)}人民医院`
          : `${city.city}${district.name}${rng.chance(0.5) ? '人民医院' : '中医院'}`;
      } else if (r < 0.7) {
        c.industry = '教育';
        codeType = '12';
        c.name = rng.chance(0.5)
          ? `${city.city}第${rng.pick(ORDINALS)}中学`
          : `${city.city}${district.name}${rng.chance(0.5) ? '实验小学' : '职业技术学校'}`;
      } else {
        c.industry = '政府机关';
        codeType = '11';
        c.name = `${city.city}${district.name}${rng.pick(BUREAUS)}`;
      }
      segments.push('政府及事业单位');
    } else {
      const [first, firstPinyin] = rng.pick(TRADE_NAME_FIRST);
      let [second, secondPinyin] = rng.pick(TRADE_NAME_SECOND);
      if (second === first) [second, secondPinyin] = TRADE_NAME_SECOND[0];
      let trade = first + second;
      pinyin = firstPinyin + secondPinyin;
      const industry = rng.weighted(INDUSTRIES_WEIGHTED);
      const [word, shortWord] = rng.pick(industry.words);
      if (rng.chance(0.97)) c.industry = industry.industry;
      const place = rng.chance(0.7) ? city.cityShort : city.provinceShort;
      const form = rng.weighted(COMPANY_FORMS);
      const parent = this.#groupParents.length && rng.chance(0.03) ? rng.pick(this.#groupParents) : undefined;
      if (parent) {
        // a subsidiary carries its group's trade name
        trade = parent.trade;
        pinyin = parent.tradePinyin;
        c.name = `${city.cityShort}${trade}${word}有限公司`;
        c.parentId = parent.id;
        segments.push('集团客户');
      } else if (form === '集团有限公司') {
        c.name = `${city.provinceShort}${trade}集团有限公司`;
        this.#groupParents.push({ id: c.id, trade, tradePinyin: pinyin });
        segments.push('集团客户');
      } else if (form === '经营部' || form === '商行') {
        codeType = '92';
        c.name = `${city.city}${district.name}${trade}${word}${form}`;
        segments.push('小微商户');
      } else if (rng.chance(0.08)) {
        c.name = `${trade}${word}（${city.cityShort}）${form}`;
      } else {
        c.name = `${place}${trade}${word}${form}`;
      }
      if (rng.chance(0.85)) c.shortName = form === '集团有限公司' && !parent ? `${trade}集团` : trade + shortWord;
      made.trade = trade;
      if (!segments.length) segments.push('中小企业');
    }
    // ~90 % valid, ~5 % mistyped, ~5 % missing; fewer of both before the record is complete
    const fill = STAGE_FILL[c.stage ?? 'complete'];
    const r = rng.next();
    if (r < 0.05 * fill) c.creditCode = mistypeCode(rng, creditCode(rng, codeType, district));
    else if (r < 0.95 * fill) c.creditCode = creditCode(rng, codeType, district);
    return pinyin;
  }

  /** The same customer entered again by someone else, written a little differently. */
  #duplicate(rng: Rng, original: Made): Made {
    const o = original.customer;
    const made = this.#customer(rng, o.kind, original);
    const c = made.customer;
    made.trade = original.trade;
    for (const key of ['province', 'city', 'district', 'industry', 'shortName'] as const) {
      if (o[key] === undefined) delete c[key];
      else c[key] = o[key];
    }
    if (o.segments) c.segments = [...o.segments];
    if (o.kind === 'individual') {
      c.name = o.name;
      const plain = typeof o.mobile === 'string' ? o.mobile.replace(/\D/g, '').slice(-11) : '';
      if (plain.length === 11) {
        c.mobile = rng.chance(0.5) ? `+86 ${plain}` : `${plain.slice(0, 3)} ${plain.slice(3, 7)} ${plain.slice(7)}`;
      }
      if (o.idNumber !== undefined && rng.chance(0.5)) c.idNumber = o.idNumber;
      return made;
    }
    const stem = o.name.replace(COMPANY_FORM, '');
    const r = rng.next();
    delete c.creditCode;
    if (r < 0.3 && o.creditCode) {
      c.name = o.shortName ?? stem;
      c.creditCode = rng.chance(0.5) ? o.creditCode.toLowerCase() : o.creditCode.replace(/(.{6})(?=.)/g, '$1 ');
    } else if (r < 0.65 || stem === o.name) {
      c.name = stem;
      if (o.creditCode && rng.chance(0.3)) c.creditCode = o.creditCode;
    } else {
      c.name = stem + (o.name.endsWith('有限责任公司') ? '有限公司' : '有限责任公司');
    }
    return made;
  }
}

/** Generate a whole demo workspace. See the header for what it contains. */
export function generateWorkspace(opts: WorkspaceOptions): Workspace {
  const today = opts.today ?? '2026-11-28';
  if (!isIsoDate(today)) {
    throw new RangeError(`today is not a YYYY-MM-DD date: ${today}`);
  }
  const count = Math.max(0, Math.floor(opts.customers));
  const builder = new WorkspaceBuilder(opts.seed, count, today);
  const made = builder.buildCustomers(count);
  const contactsByCustomer = buildContacts(opts.seed, made, opts.contactsPerCustomer ?? 1);
  const followUps = buildFollowUps(opts.seed, today, builder.staff, made, contactsByCustomer, opts.followUpsPerCustomer ?? 2);
  const contacts: Draft<Contact>[] = [];
  for (const list of contactsByCustomer.values()) contacts.push(...list);
  return {
    orgUnits: builder.orgUnits,
    staff: builder.staff,
    customers: made.map((m) => m.customer),
    contacts,
    followUps
  };
}
