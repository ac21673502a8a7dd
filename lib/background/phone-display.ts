/**
 * Phones for the sidebar, formatted in the worker because libphonenumber (≈ 28 kB gzip) is here
 * for the lookup anyway: the sidebar's bundle goes without it (issue #16). Done on the last hop to
 * the sidebar, so a lookup from the cache or the team service gets it too, in this browser's locale.
 */
import { formatPhone } from '../core/phone';
import { localeRegion, type Locale } from '../core/locale';
import type { Customer } from '../core/model';
import type { LookupUpdate, StoreLookup } from '../messages/lookup';

/**
 * A phone in the one international format ("+49 30 1234567", issue #17). A number stored without
 * its country code is read in the country of the customer's address, else in the locale's
 * country: a German agent's "030 1234567" is Berlin, an American's "650-123-4569" California.
 */
export function displayPhone(stored: string, country?: string, locale?: Locale): string {
  return formatPhone(stored, country || localeRegion(locale));
}

function withPhoneDisplay(customer: Customer, locale: Locale): Customer {
  const phoneDisplay = displayPhone(customer.phone, customer.address?.countryCode || undefined, locale);
  return { ...customer, phoneDisplay };
}

function storeWithPhoneDisplays(store: StoreLookup, locale: Locale): StoreLookup {
  if (!store.customer && !store.candidates) return store;
  return {
    ...store,
    ...(store.customer ? { customer: withPhoneDisplay(store.customer, locale) } : {}),
    ...(store.candidates ? { candidates: store.candidates.map((c) => withPhoneDisplay(c, locale)) } : {}),
  };
}

/** A message for the sidebar with its customers' phones ready to show; any other message unchanged. */
export function withPhoneDisplays<M>(message: M, locale?: Locale): M {
  const update = message as Partial<LookupUpdate> | null;
  if (typeof update !== 'object' || update === null || update.type !== 'lookup/update') return message;
  if (!Array.isArray(update.stores)) return message;
  return { ...message, stores: update.stores.map((store) => storeWithPhoneDisplays(store, locale)) };
}
