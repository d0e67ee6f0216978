import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Fen } from '../money';
import type { CreditOverride, CreditStepRecord } from '../credit/records';
import type { Payment, PaymentAllocation, CreditSale, LadderTaskDone, TaskOutcome } from '../receivables/types';
import { AGE_BANDS, EDUCATION_LEVELS, type Channel, type Customer, type FollowUp, type SavedView, type ViewState } from './types';
import { CUSTOMER_FIELDS } from './fields';
import { choice, json, link, requiredMoney, text, type RecordOf } from './field-kit';

describe('record types derived from field specs', () => {
  it('maps each spec kind to its stored type, required specs to required fields', () => {
    const specs = { a: link('customers', true), b: choice(['x', 'y']), c: requiredMoney, d: json<number[]>(), e: text } as const;
    expect(specs.a.required).toBe(true);
    expectTypeOf<RecordOf<typeof specs>['a']>().toEqualTypeOf<string>();
    expectTypeOf<RecordOf<typeof specs>['c']>().toEqualTypeOf<Fen>();
    expectTypeOf<RecordOf<typeof specs>['b']>().toEqualTypeOf<'x' | 'y' | undefined>();
    expectTypeOf<RecordOf<typeof specs>['d']>().toEqualTypeOf<number[] | undefined>();
  });

  it('gives the records the types of their specs (ageBand and education are their choices)', () => {
    expectTypeOf<Customer['ageBand']>().toEqualTypeOf<(typeof AGE_BANDS)[number] | undefined>();
    expectTypeOf<Customer['education']>().toEqualTypeOf<(typeof EDUCATION_LEVELS)[number] | undefined>();
    expectTypeOf<Customer['name']>().toEqualTypeOf<string>();
    expectTypeOf<FollowUp['channel']>().toEqualTypeOf<Channel>();
    expectTypeOf<FollowUp['done']>().toEqualTypeOf<boolean>();
    expectTypeOf<SavedView['state']>().toEqualTypeOf<ViewState>();
    expectTypeOf<CreditSale['amount']>().toEqualTypeOf<Fen>();
    expectTypeOf<Payment['allocations']>().toEqualTypeOf<PaymentAllocation[] | undefined>();
    expectTypeOf<LadderTaskDone['outcome']>().toEqualTypeOf<TaskOutcome>();
    expectTypeOf<CreditOverride['limit']>().toEqualTypeOf<Fen | undefined>();
    expectTypeOf<CreditStepRecord['by']>().toEqualTypeOf<string>();
  });

  it('keeps the specs as the write path reads them', () => {
    expect(CUSTOMER_FIELDS.ageBand).toEqual({ type: 'choice', options: AGE_BANDS, required: false });
    expect(CUSTOMER_FIELDS.kind.required).toBe(true);
    expect(json(true)).toEqual({ type: 'text', json: true, required: true });
  });
});
