/**
 * BigCommerce's value formats turned into ours: RFC 2822 (v2) and ISO 8601 (v3) dates into ISO
 * instants, 4-dp money strings (v2) and JSON numbers (v3 refunds) into exact 2- or 3-dp decimal strings.
 */
import { isDecimal, toFixedN, toStoreMoney } from '../core/decimal';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// "Wed, 10 Jan 2018 21:05:30 +0000" (the weekday is optional; zone as ±hhmm, GMT, UT or Z).
const RFC2822 =
  /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|GMT|UT|Z)$/;
const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** An ISO 8601 instant from an RFC 2822 or ISO date, or null when it is not a date. */
export function toIsoInstant(value: string): string | null {
  const text = value.trim();
  const rfc = RFC2822.exec(text);
  if (rfc) {
    const [, day, mon, year, hh, mm, ss = '00', zone = 'Z'] = rfc;
    const month = MONTHS.indexOf(mon!.toLowerCase());
    if (
      month < 0 ||
      !isCalendarDay(Number(year), month, Number(day)) ||
      Number(hh) > 23 ||
      Number(mm) > 59 ||
      Number(ss) > 59
    )
      return null;
    const offsetMin = /^[+-]\d{4}$/.test(zone)
      ? (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3)))
      : 0;
    const date = new Date(0);
    date.setUTCFullYear(Number(year), month, Number(day));
    date.setUTCHours(Number(hh), Number(mm), Number(ss));
    return instant(date.getTime() - offsetMin * 60_000);
  }
  if (ISO.test(text)) {
    const [year, month, day] = text.slice(0, 10).split('-').map(Number);
    if (!isCalendarDay(year!, month! - 1, day!)) return null;
    return instant(Date.parse(text.replace(' ', 'T')));
  }
  return null;
}

function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month && date.getUTCDate() === day;
}

function instant(ms: number): string | null {
  if (!Number.isFinite(ms)) return null;
  const iso = new Date(ms).toISOString();
  return /^\d{4}-/.test(iso) ? iso : null;
}

/**
 * Money from a decimal string or a JSON number, exactly: 2 dp, or 3 where the third is not zero
 * (three-decimal currencies such as KWD and BHD); null when it is neither. A JSON number's
 * shortest text is what BigCommerce sent, for up to 15 significant digits.
 */
export function toMoney(value: string | number): string | null {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  return isDecimal(text) ? toStoreMoney(text) : null;
}

/** A decimal string (2 or 3 dp) as the JSON number BigCommerce's v3 refund bodies expect. */
export function moneyToJsonNumber(value: string): number {
  return Number(toFixedN(value, 3));
}
