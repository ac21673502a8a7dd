import { describe, expect, it } from 'vitest';
import {
  formatAddress,
  formatAge,
  formatDate,
  formatMoney,
  isZeroAmount,
  localeRegion,
  statusTone,
  warmUpFormats,
} from '../../../lib/sidebar/format';
import { ORDER_STATUS, newestFirst } from '../../../lib/core/model';

describe('sidebar formatting', () => {
  it('formats exact decimal strings in the currency and locale given', () => {
    expect(formatMoney('336.32', 'USD', 'en-US')).toBe('$336.32');
    expect(formatMoney('1234.5', 'EUR', 'de-DE')).toBe('1.234,50\u00a0€');
    // Beyond float precision: still exact, because the string goes to Intl untouched.
    expect(formatMoney('90071992547409.93', 'USD', 'en-US')).toBe('$90,071,992,547,409.93');
  });

  it('falls back to the plain amount for an unknown currency or an odd value', () => {
    expect(formatMoney('12.00', 'X1', 'en-US')).toBe('12.00 X1');
    // A store whose currency is not known yet: the amount without a guessed symbol.
    expect(formatMoney('25', '', 'en-US')).toBe('25.00');
    expect(formatMoney('1234.5', '', 'de-DE')).toBe('1.234,50');
    expect(formatMoney('n/a', 'USD', 'en-US')).toBe('n/a USD');
  });

  it('warms up without changing what is shown, even for a currency Intl does not know', () => {
    expect(() => warmUpFormats('en-GB', ['GBP', 'X1'])).not.toThrow();
    expect(formatMoney('12.5', 'GBP', 'en-GB')).toBe('£12.50');
    expect(formatMoney('12.00', 'X1', 'en-GB')).toBe('12.00 X1');
    expect(formatDate('2024-02-01T10:00:00.000Z', 'en-GB')).toBe('1 Feb 2024');
  });

  it('orders newest first by creation time, then by the higher id', () => {
    const orders = [
      { id: '7', createdAt: '2025-12-31T23:59:59.000Z' },
      { id: '9', createdAt: '2026-01-02T08:00:00.000Z' },
      { id: '10', createdAt: '2026-01-02T08:00:00.000Z' },
      { id: '8', createdAt: '' },
    ];
    expect([...orders].sort(newestFirst).map((o) => o.id)).toEqual(['10', '9', '7', '8']);
  });

  it('tells zero amounts apart', () => {
    expect(isZeroAmount('0.00')).toBe(true);
    expect(isZeroAmount('0')).toBe(true);
    expect(isZeroAmount('0.01')).toBe(false);
    expect(isZeroAmount('')).toBe(false);
  });

  it('builds the formatters of a result once, ahead of it: the age line builds none after the warm-up', () => {
    const Original = Intl.RelativeTimeFormat;
    let built = 0;
    const replace = (value: typeof Original) =>
      Object.defineProperty(Intl, 'RelativeTimeFormat', { value, configurable: true, writable: true });
    replace(
      class extends Original {
        constructor(...args: ConstructorParameters<typeof Original>) {
          super(...args);
          built += 1;
        }
      },
    );
    try {
      warmUpFormats('fr');
      expect(built).toBe(1);
      const now = Date.UTC(2026, 10, 24, 12, 0, 0);
      expect(formatAge(now - 3 * 60_000, now, 'fr')).toMatch(/^il y a 3\smin$/);
      expect(formatAge(now - 5 * 60_000, now, 'fr')).toMatch(/^il y a 5\smin$/);
      expect(built).toBe(1);
    } finally {
      replace(Original);
    }
  });

  it('formats dates and ages', () => {
    expect(formatDate('2024-02-01T10:00:00.000Z', 'en-US')).toBe('Feb 1, 2024');
    expect(formatDate('', 'en-US')).toBe('');
    const now = Date.UTC(2026, 10, 24, 12, 0, 0);
    expect(formatAge(now - 10_000, now, 'en-US')).toBe('now');
    expect(formatAge(now - 3 * 60_000, now, 'en-US')).toBe('3 min. ago');
    expect(formatAge(now - 2 * 3_600_000, now, 'en-US')).toBe('2 hr. ago');
  });

  it('follows the browser locale: the same money, date, age and phone in English and in German', () => {
    expect(formatMoney('141.90', 'USD', 'en-US')).toBe('$141.90');
    expect(formatMoney('141.90', 'USD', 'de')).toBe('141,90\u00a0$');
    expect(formatMoney('1234.5', 'EUR', 'en')).toBe('€1,234.50');
    expect(formatMoney('1234.5', 'EUR', 'de')).toBe('1.234,50\u00a0€');
    expect(formatDate('2026-10-02T12:00:00.000Z', 'en')).toBe('Oct 2, 2026');
    expect(formatDate('2026-10-02T12:00:00.000Z', 'de')).toBe('02.10.2026');
    const now = Date.UTC(2026, 10, 24, 12, 0, 0);
    expect(formatAge(now - 3 * 60_000, now, 'de')).toBe('vor 3 Min.');
    expect(formatAge(now - 2 * 3_600_000, now, 'de')).toBe('vor 2 Std.');
    // The locale's country reads a phone stored without a country code (the background formats
    // phones: tests/unit/background/phone-display.test.ts).
    expect(localeRegion('de')).toBe('DE');
    expect(localeRegion('en')).toBe('US');
  });

  it('colours statuses by id, not by label', () => {
    expect(statusTone(ORDER_STATUS.SHIPPED)).toBe('ok');
    expect(statusTone(ORDER_STATUS.AWAITING_FULFILLMENT)).toBe('info');
    expect(statusTone(ORDER_STATUS.AWAITING_PAYMENT)).toBe('warn');
    expect(statusTone(ORDER_STATUS.CANCELLED)).toBe('bad');
    expect(statusTone(ORDER_STATUS.INCOMPLETE)).toBe('muted');
  });

  it('writes an address on one line', () => {
    expect(
      formatAddress({
        street1: '1200 Market St',
        street2: 'Suite 4',
        city: 'San Francisco',
        state: 'CA',
        zip: '94102',
        country: 'United States',
        countryCode: 'US',
      }),
    ).toBe('1200 Market St, Suite 4, San Francisco, CA 94102, US');
  });
});
