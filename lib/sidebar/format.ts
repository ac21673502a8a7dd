/**
 * Display helpers, the one place the sidebar and the action dialogs format for people: money,
 * dates and ages in the browser's locale (see browserLocale). Money arrives as an exact decimal string and is handed to
 * Intl as a string (Intl.NumberFormat v3 formats decimal strings exactly), so no float ever
 * touches an amount.
 */
import { ORDER_STATUS, type Address, type Customer } from '../core/model';
import { browserLocale, type Locale } from '../core/locale';

export { browserLocale, localeRegion, type Locale } from '../core/locale';

/** Intl formatters by what they were built for: building one costs far more than using it. */
const formatters = new Map<string, unknown>();

function formatter<F>(key: string, build: () => F): F {
  let format = formatters.get(key) as F | undefined;
  if (format === undefined) {
    format = build();
    formatters.set(key, format);
  }
  return format;
}

/** "336.32" + "USD" → "$336.32" (in the locale's style); an unknown currency falls back to "336.32 XYZ". */
export function formatMoney(amount: string, currency: string, locale?: Locale): string {
  const value = amount.trim();
  if (!/^-?\d+(\.\d+)?$/.test(value)) return currency ? `${value} ${currency}`.trim() : value;
  const tag = locale ?? browserLocale();
  let format: Intl.NumberFormat;
  try {
    format = formatter(`money|${tag}|${currency}`, () =>
      currency
        ? new Intl.NumberFormat(tag, { style: 'currency', currency })
        : new Intl.NumberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    );
  } catch {
    // An unknown currency is shown as a plain amount, never with a guessed symbol.
    return currency ? `${value} ${currency}` : value;
  }
  // The DOM lib types format() as number | bigint | numeric-literal string: a decimal string is exact.
  return format.format(value as `${number}`);
}

/** Is this exact decimal amount zero (e.g. "0.00", "-0")? */
export function isZeroAmount(amount: string): boolean {
  return /^-?0*(\.0*)?$/.test(amount.trim()) && amount.trim() !== '';
}

function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const tag = locale ?? browserLocale();
  return formatter(`date|${tag}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(tag, options));
}

/** An ISO instant as a short date ("Oct 2, 2026"); '' when missing or unreadable. */
export function formatDate(iso: string, locale?: Locale): string {
  const time = Date.parse(iso);
  if (!iso || Number.isNaN(time)) return '';
  return dateFormat(locale, { dateStyle: 'medium' }).format(time);
}

/** An ISO instant with date and time, for a title attribute. */
export function formatDateTime(iso: string, locale?: Locale): string {
  const time = Date.parse(iso);
  if (!iso || Number.isNaN(time)) return '';
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(time);
}

/**
 * Builds ahead of time the formatters a customer's first result needs. The first Intl formatter
 * a page creates loads ICU's locale data (about 40 ms in Chromium); done while the sidebar waits
 * for BigCommerce, that cost no longer lands on the first paint of a profile and its orders
 * (nor the relative-time data, ≈ 6 ms more, on the "Updated just now" of a complete one).
 * Any one currency loads the data; other currencies then cost next to nothing.
 */
export function warmUpFormats(locale: Locale, currencies: readonly string[] = ['USD']): void {
  const now = new Date().toISOString();
  formatDate(now, locale);
  formatDateTime(now, locale);
  for (const currency of new Set(['', ...currencies])) formatMoney('0', currency, locale);
  // "Updated just now" under a complete result: its relative-time data loads separately (≈ 6 ms).
  formatAge(0, 0, locale);
}

/** How long ago `then` was, e.g. "3 min. ago" / "just now". */
export function formatAge(then: number, now: number, locale?: Locale): string {
  const seconds = Math.round((now - then) / 1000);
  const tag = locale ?? browserLocale();
  const format = formatter(`age|${tag}`, () => new Intl.RelativeTimeFormat(tag, { numeric: 'auto', style: 'short' }));
  if (seconds < 45) return format.format(0, 'second');
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return format.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 24) return format.format(-hours, 'hour');
  return format.format(-Math.round(hours / 24), 'day');
}

/**
 * A customer's phone as the sidebar shows it: the background formats it in the one international
 * format (lib/background/phone-display.ts, where libphonenumber already is), else as stored.
 */
export function shownPhone(customer: Pick<Customer, 'phone' | 'phoneDisplay'>): string {
  return customer.phoneDisplay ?? customer.phone.trim();
}

export type StatusTone = 'ok' | 'info' | 'warn' | 'bad' | 'muted';

/** A colour family per order status id (never per label: merchants rename statuses). */
export function statusTone(statusId: number): StatusTone {
  switch (statusId) {
    case ORDER_STATUS.SHIPPED:
    case ORDER_STATUS.COMPLETED:
      return 'ok';
    case ORDER_STATUS.PARTIALLY_SHIPPED:
    case ORDER_STATUS.AWAITING_FULFILLMENT:
    case ORDER_STATUS.AWAITING_SHIPMENT:
    case ORDER_STATUS.AWAITING_PICKUP:
      return 'info';
    case ORDER_STATUS.PENDING:
    case ORDER_STATUS.AWAITING_PAYMENT:
    case ORDER_STATUS.MANUAL_VERIFICATION_REQUIRED:
    case ORDER_STATUS.PARTIALLY_REFUNDED:
      return 'warn';
    case ORDER_STATUS.CANCELLED:
    case ORDER_STATUS.DECLINED:
    case ORDER_STATUS.DISPUTED:
    case ORDER_STATUS.REFUNDED:
      return 'bad';
    default:
      return 'muted';
  }
}

/** One line for an address: "1200 Market St, San Francisco, CA 94102, US". */
export function formatAddress(
  address: Pick<Address, 'street1' | 'street2' | 'city' | 'state' | 'zip' | 'country' | 'countryCode'>,
): string {
  const cityLine = [address.city, [address.state, address.zip].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [address.street1, address.street2, cityLine, address.countryCode || address.country]
    .filter(Boolean)
    .join(', ');
}
