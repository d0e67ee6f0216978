import { app } from './app';
import { cells } from './cells';
import { commands } from './commands';
import { complaints } from './complaints';
import { common } from './common';
import { credit } from './credit';
import { creditEvaluation } from './credit-evaluation';
import { creditSettings } from './credit-settings';
import { fields } from './fields';
import { grid } from './grid';
import { io } from './io';
import { ioFiles } from './io-files';
import { receivables } from './receivables';
import { records } from './records';
import { servicePurchases } from './service-purchases';
import { selling } from './selling';
import { sharing } from './sharing';
import type { Locale } from './define';

/**
 * All message tables, merged. Add an area's file here. The page never imports this module as it
 * is: it loads `index.ts?locale=<locale>`, in which every area's other language is left out
 * (../load.ts, scripts/split-messages.ts); workers and unit tests take both (../all-messages.ts).
 */
const areas = [
  common,
  app,
  cells,
  fields,
  grid,
  io,
  ioFiles,
  records,
  credit,
  creditEvaluation,
  creditSettings,
  receivables,
  sharing,
  servicePurchases,
  commands,
  selling,
  complaints
] as const;

type Keys<T> = T extends { 'zh-CN': Record<infer K, string> } ? K : never;
export type MessageKey = Keys<(typeof areas)[number]>;

export const messages: Record<Locale, Record<MessageKey, string>> = {
  'zh-CN': Object.assign({}, ...areas.map((a) => a['zh-CN'])),
  en: Object.assign({}, ...areas.map((a) => a.en))
};
