import { describe, expect, it } from 'vitest';
import { phoneVariants, samePhone } from '../../../lib/core/phone';

describe('samePhone', () => {
  it('treats one US number in any common format as the same', () => {
    const spellings = [
      '650 123 4569',
      '(650) 123-4569',
      '+1 650 123 4569',
      '650-123-4569',
      '16501234569',
      '+16501234569',
    ];
    for (const a of spellings) for (const b of spellings) expect(samePhone(a, b), `${a} vs ${b}`).toBe(true);
  });

  it('tells different numbers apart', () => {
    expect(samePhone('312 555 0177', '+1 773 555 0100')).toBe(false);
    expect(samePhone('650 123 4569', '650 123 4560')).toBe(false);
  });

  it('never matches on a few digits', () => {
    expect(samePhone('4569', '4569')).toBe(false);
    expect(samePhone('123-4569', '(650) 123-4569')).toBe(false);
    expect(samePhone('', '')).toBe(false);
    expect(samePhone('ext 12', '12')).toBe(false);
  });

  it('reads international numbers', () => {
    expect(samePhone('+44 20 7946 0958', '+442079460958')).toBe(true);
    expect(samePhone('+44 20 7946 0958', '(207) 946-0958')).toBe(false);
  });
});

describe('phoneVariants', () => {
  it('lists the spellings stores commonly hold, the typed one first', () => {
    const variants = phoneVariants('650 123 4569');
    expect(variants[0]).toBe('650 123 4569');
    for (const stored of [
      '6501234569',
      '+16501234569',
      '650-123-4569',
      '(650) 123-4569',
      '+1 650-123-4569',
      '+1 650 123 4569',
    ]) {
      expect(variants).toContain(stored);
    }
    expect(new Set(variants).size).toBe(variants.length);
  });

  it('finds the stored spellings of the sandbox people', () => {
    expect(phoneVariants('(415) 555-0142')).toContain('4155550142');
    expect(phoneVariants('+1 (303) 555-0123')).toContain('303-555-0123');
    expect(phoneVariants('212-555-0199')).toContain('(212) 555-0199');
  });

  it('adds no digit-only fragment for a short input', () => {
    expect(phoneVariants(' 4569 ')).toEqual(['4569']);
  });
});

describe('phone spellings asked again (every store of a lookup asks)', () => {
  it('are the same list each time, and a caller changing its copy changes nobody else’s', () => {
    const first = phoneVariants('(650) 123-4569');
    first.push('not a spelling');
    expect(phoneVariants('(650) 123-4569')).toEqual(first.slice(0, -1));
    expect(phoneVariants('(650) 123-4569', 'DE')).not.toEqual(first.slice(0, -1));
  });
});
