import { describe, expect, it } from 'vitest';
import {
  add,
  compare,
  fromJsonNumber,
  fromMinorUnits,
  subtract,
  sum,
  toFixed2,
  toMinorUnits,
} from '../../../lib/core/decimal';

describe('money', () => {
  it('adds and subtracts exactly where floats drift', () => {
    expect(add('0.10', '0.20')).toBe('0.30');
    expect(sum(['19.99', '0.01', '100.00'])).toBe('120.00');
    expect(subtract('5.00', '7.25')).toBe('-2.25');
    expect(add('336.3200', '0.0100')).toBe('336.3300');
  });

  it('compares by value, not by text', () => {
    expect(compare('1.5', '1.50')).toBe(0);
    expect(compare('9.99', '10.00')).toBe(-1);
    expect(compare('-1.00', '-2.00')).toBe(1);
  });

  it('formats BigCommerce 4-dp strings to 2 dp, rounding half away from zero', () => {
    expect(toFixed2('336.3200')).toBe('336.32');
    expect(toFixed2('1.005')).toBe('1.01');
    expect(toFixed2('-1.005')).toBe('-1.01');
    expect(toFixed2('7')).toBe('7.00');
    expect(toFixed2('0.0049')).toBe('0.00');
  });

  it('converts to and from integer minor units', () => {
    expect(toMinorUnits('19.99')).toBe(1999);
    expect(toMinorUnits('273.9000')).toBe(27390);
    expect(fromMinorUnits(1999)).toBe('19.99');
    expect(fromMinorUnits(-5)).toBe('-0.05');
    expect(fromMinorUnits(0)).toBe('0.00');
  });

  it('reads JSON numbers without float drift', () => {
    expect(fromJsonNumber(119.35)).toBe('119.35');
    expect(fromJsonNumber(0.1 + 0.2)).toBe('0.30');
    expect(fromJsonNumber(273.9)).toBe('273.90');
    expect(() => fromJsonNumber(Number.NaN)).toThrow();
    expect(() => fromJsonNumber(Number.POSITIVE_INFINITY)).toThrow();
  });

  it('refuses text that is not an amount', () => {
    expect(() => add('1,00', '2')).toThrow();
    expect(() => toFixed2('')).toThrow();
    expect(() => compare('abc', '1')).toThrow();
  });
});
