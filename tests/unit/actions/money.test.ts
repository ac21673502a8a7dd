import { describe, expect, it } from 'vitest';
import { formatMoney, fromMinor, parseAmountInput, sumMoney, toMinor } from '../../../lib/actions/money';

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
