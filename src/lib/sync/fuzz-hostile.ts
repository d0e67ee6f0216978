/**
 * The hostile elements the convergence fuzz pushes raw into a log (convergence.test.ts): malformed,
 * invalid, or well-formed with stamps a day ahead or at the end of dates. Ids start with `H-`.
 */
import { MAX_STAMP_AT } from '$lib/db/write-path';

const MINUTES_10 = 600_000;
const DAY = 24 * 60 * 60 * 1000;

export const HOSTILE_ELEMENTS = (at: number, record: string): unknown[] => {
  const base = { v: 1, actor: 'mallory', actorName: 'M', device: 'x', at, label: 'change.edit' };
  const ins = (id: string, f: Record<string, unknown>) => JSON.stringify({ ...base, id, ops: [{ t: 'customers', id: `${id}-r`, ins: 1, f }] });
  const edit = (id: string, stamp: number) =>
    JSON.stringify({
      ...base,
      device: 'mallory-phone',
      id,
      at: stamp,
      ops: [{ t: 'customers', id: record, f: { name: ['poisoned', stamp, 'mallory'] } }]
    });
  return [
    'not json {',
    42,
    { an: 'object' },
    JSON.stringify({ ...base, v: 2, id: 'H-v2', ops: [] }),
    JSON.stringify({ ...base, id: 'H-nan', at: null, ops: [{ t: 'customers', id: 'r', f: { name: ['x', at, 'm'] } }] }),
    JSON.stringify({ ...base, id: 'H-table', ops: [{ t: 'users', id: 'r', f: { name: ['x', at, 'm'] } }] }),
    ins('H-proto', { kind: ['unit', at, 'm'], name: ['x', at, 'm'], deleted: [0, at, 'm'] }).replace('"name"', '"__proto__"'),
    ins('H-choice', { kind: ['unit', at, 'm'], name: ['x', at, 'm'], tier: ['Z', at, 'm'], deleted: [0, at, 'm'] }),
    ins('H-huge', { kind: ['unit', at, 'm'], name: ['x'.repeat(1_100_000), at, 'm'], deleted: [0, at, 'm'] }),
    ins('H-future', { kind: ['unit', 1e300, 'm'], name: ['x', 1e300, 'm'], deleted: [0, 1e300, 'm'] }),
    ins('H-max', { kind: ['unit', MAX_STAMP_AT, 'm'], name: ['x', MAX_STAMP_AT, 'm'], deleted: [0, MAX_STAMP_AT, 'm'] }),
    edit('H-max-edit', MAX_STAMP_AT),
    edit('H-day-edit', at + DAY + MINUTES_10 * 3),
    ins('H-envelope', { kind: ['unit', at, 'm'], name: ['x', at, 'm'], createdBy: ['eve', at, 'm'], deleted: [0, at, 'm'] }),
    '['.repeat(50_000) + ']'.repeat(50_000)
  ];
};
