/**
 * "Overwrite Existing Values": what a Gladly profile must be changed to so that its name,
 * address and the mapped custom attributes equal the store's. Only what differs is sent, and
 * nothing at all when everything already matches (Gladly's PATCH rate limit is per organisation).
 * Emails and phones are never part of it (Gladly only ever adds those).
 */
import type { Customer } from '../core/model';
import type { OverwriteAttribute, OverwriteField } from '../settings/schema';
import type { GladlyProfile, GladlyProfilePatch } from './api-client';

/** The store's address as Gladly keeps it: one line. */
export function gladlyAddress(customer: Customer): string {
  const a = customer.address;
  if (!a) return '';
  return [a.street1, a.street2, a.city, a.state, a.zip, a.countryCode].filter(Boolean).join(', ');
}

/** A customer field as the text a Gladly custom attribute holds ('' = the store has no value). */
export function fieldText(customer: Customer, field: OverwriteField): string {
  switch (field) {
    case 'id':
      return customer.id;
    case 'company':
      return customer.company.trim();
    case 'customerGroupName':
      return customer.customerGroupName ?? '';
    case 'storeCreditAmount':
      return customer.storeCreditAmount === null
        ? ''
        : `${customer.storeCreditAmount} ${customer.storeCreditCurrency}`.trim();
    case 'notes':
      return customer.notes.trim();
    case 'acceptsMarketing':
      return customer.acceptsMarketing === null ? '' : customer.acceptsMarketing ? 'Yes' : 'No';
    case 'createdAt':
      return customer.createdAt.slice(0, 10);
  }
}

/**
 * The PATCH that brings `profile` to the store's values, or null when nothing differs. A value
 * the store does not have is left as Gladly has it (never blanked).
 */
export function overwritePatch(
  profile: GladlyProfile,
  customer: Customer,
  attributes: readonly OverwriteAttribute[],
): GladlyProfilePatch | null {
  const patch: GladlyProfilePatch = {};
  const name = customer.name.trim();
  if (name && name !== (profile.name ?? '')) patch.name = name;
  const address = gladlyAddress(customer);
  if (address && address !== (profile.address ?? '')) patch.address = address;
  const custom: Record<string, string> = {};
  for (const { field, attribute } of attributes) {
    const value = fieldText(customer, field);
    if (value && value !== String(profile.customAttributes[attribute] ?? '')) custom[attribute] = value;
  }
  if (Object.keys(custom).length > 0) patch.customAttributes = custom;
  return Object.keys(patch).length > 0 ? patch : null;
}
