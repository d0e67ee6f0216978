/**
 * The ladder's distances in calendar days (receivables.md's table): ladder.ts and effects.ts read
 * them, from their own module so that neither of the two imports the other.
 */
export const LADDER_DAYS = {
  deliveryWindow: 7,
  preDue: 7,
  overdueNotice: 7,
  collectionLetter: 14,
  fieldVisit: 30,
  badCredit: 7,
  stopShipment: 14,
  blacklist: 30
} as const;
