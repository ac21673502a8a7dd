import { describe, expect, it } from 'vitest';
import {
  currencyExponent,
  formatMoney,
  fromMinor,
  parseAmountInput,
  sumMoney,
  toMinor,
} from '../../../lib/actions/money';
import { toMoney } from '../../../lib/bigcommerce/convert';

describe('action money (integer cents inside)', () => {
  it('reads 2- and 4-decimal strings exactly', () => {
    expect(toMinor('336.3200')).toBe(33632);
    expect(toMinor('0.1')).toBe(10);
    expect(toMinor('-2.05')).toBe(-205);
    expect(() => toMinor('1.005')).toThrow();
    expect(() => toMinor('abc')).toThrow();
  });

  it('adds without float drift', () => {
    expect(sumMoney(['0.10', '0.20'])).toBe('0.30');
    expect(sumMoney(Array.from({ length: 10 }, () => '0.10'))).toBe('1.00');
    expect(fromMinor(-5)).toBe('-0.05');
    expect(formatMoney('24', 'USD')).toBe('24.00 USD');
  });

  it('accepts only what a person may type as an amount', () => {
    expect(parseAmountInput(' 12.5 ')).toBe(1250);
    expect(parseAmountInput('12.345')).toBeNull();
    expect(parseAmountInput('-1')).toBeNull();
    expect(parseAmountInput('1e3')).toBeNull();
    expect(parseAmountInput('')).toBeNull();
  });
});

describe('the currency decides the minor unit (ISO 4217 exponent)', () => {
  it('knows 3-decimal KWD and BHD, 0-decimal JPY, 2 for USD and for an unknown code', () => {
    expect(['KWD', 'BHD', 'JPY', 'USD', 'EUR', 'kwd', 'XYZ?'].map(currencyExponent)).toEqual([3, 3, 0, 2, 2, 3, 2]);
  });

  it('reads, sums and shows fils and yen exactly', () => {
    expect(toMinor('12.345', 3)).toBe(12345);
    expect(toMinor('12.3450', 3)).toBe(12345);
    expect(() => toMinor('12.3456', 3)).toThrow();
    expect(toMinor('1500', 0)).toBe(1500);
    expect(() => toMinor('1500.5', 0)).toThrow();
    expect(sumMoney(['0.125', '0.250'], 3)).toBe('0.375');
    expect(formatMoney('12.345', 'KWD')).toBe('12.345 KWD');
    expect(formatMoney('3', 'BHD')).toBe('3.000 BHD');
    expect(formatMoney('1500.00', 'JPY')).toBe('1500 JPY');
    expect(() => formatMoney('12.345', 'USD')).toThrow();
  });

  it('accepts what a person may type in that currency', () => {
    expect(parseAmountInput('4.125', 3)).toBe(4125);
    expect(parseAmountInput('4.1255', 3)).toBeNull();
    expect(parseAmountInput('450', 0)).toBe(450);
    expect(parseAmountInput('4.5', 0)).toBeNull();
  });

  it("keeps a store's third decimal when reading its payloads (v2 strings, v3 numbers)", () => {
    expect(toMoney('12.3450')).toBe('12.345');
    expect(toMoney(1.235)).toBe('1.235');
    expect(toMoney('336.3200')).toBe('336.32');
    expect(toMoney(0.1 + 0.2)).toBe('0.30');
  });
});
