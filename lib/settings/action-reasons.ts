/**
 * The reasons an agent picks from when cancelling or refunding, until the admin sets their own.
 * Apart from ./schema.ts (which re-exports them) so the sidebar can use them without zod.
 */
export const DEFAULT_ACTION_REASONS: readonly string[] = [
  'Customer changed their mind',
  'Ordered by mistake',
  'Item out of stock',
  'Damaged or defective',
  'Wrong item sent',
  'Arrived too late',
  'Suspected fraud',
  'Other',
];
