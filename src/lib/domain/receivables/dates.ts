/** Calendar days: the one dates module is `domain/dates.ts`; receivables' modules import it through here. */
export * from '../dates';
