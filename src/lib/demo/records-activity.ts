/**
 * The people around the demo's customers: the contacts of its companies and a year of follow-ups
 * with every customer. Each draws from its own random stream (3 and 4 of the workspace's seed), so
 * changing how many of one there are changes nothing else.
 */
import { CHANNELS_WEIGHTED, COMPANY_TITLES, INSTITUTION_INDUSTRIES, INSTITUTION_TITLES, NEXT_STEPS, OUTCOMES, PURPOSES } from './records-data';
import { countAround, idMaker, landline, mobile, personName, writtenMobile } from './records-people';
import { dayOf, isoOf } from '$lib/domain/dates';
import { rngStream } from '$lib/domain/records/rng';
import type { Contact, FollowUp, Staff } from '$lib/domain/records/types';
import type { Draft, Made } from './records';

/** Contacts of the unit customers (individuals are their own contact), the first one primary. */
export function buildContacts(seed: number, made: readonly Made[], mean: number): Map<string, Draft<Contact>[]> {
  const rng = rngStream(seed, 3);
  const contactId = idMaker('ct-', seed, 13);
  const byCustomer = new Map<string, Draft<Contact>[]>();
  for (const { customer: c, place } of made) {
    if (c.kind !== 'unit') continue;
    const n = countAround(rng, mean, 3);
    if (n === 0) continue;
    const titles = INSTITUTION_INDUSTRIES.has(c.industry ?? '') ? INSTITUTION_TITLES : COMPANY_TITLES;
    const list: Draft<Contact>[] = [];
    for (let j = 0; j < n; j++) {
      const p: Draft<Contact> = {
        id: contactId(),
        customerId: c.id,
        name: personName(rng),
        primary: j === 0
      };
      if (rng.chance(0.9)) p.title = rng.pick(titles);
      if (rng.chance(0.9)) p.mobile = writtenMobile(rng, mobile(rng));
      if (rng.chance(0.2)) {
        p.phone = c.phone ? `${c.phone}-${rng.int(800, 899)}` : landline(rng, place.city);
      }
      if (rng.chance(0.15)) p.email = `${rng.int(10000, 999999999)}@qq.com`;
      if (rng.chance(0.3)) {
        p.wechat = p.mobile && rng.chance(0.5) ? p.mobile : `wxid_${rng.uint32().toString(36)}`;
      }
      if (rng.chance(0.05)) p.notes = rng.pick(['周三下午不在办公室', '只接受微信联系', '新任负责人']);
      list.push(p);
    }
    byCustomer.set(c.id, list);
  }
  return byCustomer;
}

/** A year of follow-ups per customer (a few planned ahead), by its manager mostly, in time order. */
export function buildFollowUps(
  seed: number,
  today: string,
  staff: readonly Draft<Staff>[],
  made: readonly Made[],
  contacts: Map<string, Draft<Contact>[]>,
  mean: number
): Draft<FollowUp>[] {
  const rng = rngStream(seed, 4);
  const followUpId = idMaker('fu-', seed, 14);
  const todayDay = dayOf(today, 'today');
  const out: Draft<FollowUp>[] = [];
  for (const { customer: c } of made) {
    const n = countAround(rng, mean, 2);
    if (n === 0) continue;
    const people = contacts.get(c.id);
    const batch: Draft<FollowUp>[] = [];
    for (let j = 0; j < n; j++) {
      const planned = rng.chance(0.08);
      const day = todayDay + (planned ? rng.int(1, 30) : -rng.int(1, 365));
      const time = `${String(rng.int(8, 17)).padStart(2, '0')}:${rng.pick(['00', '15', '30', '45'])}`;
      const f: Draft<FollowUp> = {
        id: followUpId(),
        customerId: c.id,
        at: `${isoOf(day)}T${time}`,
        channel: rng.weighted(CHANNELS_WEIGHTED),
        done: !planned
      };
      const staffId = c.managerId && rng.chance(0.9) ? c.managerId : rng.pick(staff).id;
      f.staffId = staffId;
      if (people && rng.chance(0.6)) f.contactId = rng.pick(people).id;
      if (planned || rng.chance(0.95)) f.purpose = rng.pick(PURPOSES);
      if (!planned) {
        if (rng.chance(0.9)) f.outcome = rng.pick(OUTCOMES);
        if (rng.chance(0.35)) {
          f.nextStep = rng.pick(NEXT_STEPS);
          f.nextDate = isoOf(day + rng.int(7, 30));
        }
      }
      batch.push(f);
    }
    batch.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    out.push(...batch);
  }
  return out;
}
