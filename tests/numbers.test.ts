import { describe, expect, it } from 'vitest';
import { formatEvidence, parseNumber } from '../src/load/numbers.ts';

describe('parseNumber', () => {
  it.each([
    ['14.833', 'id', 14833],
    ['13,50', 'id', 13.5],
    ['1.234.567,89', 'id', 1234567.89],
    ['Rp 5.000.000.000', 'id', 5e9],
    ['13,50%', 'id', 13.5],
    ['-5', 'id', -5],
    ['14,833', 'en', 14833],
    ['13.50', 'en', 13.5],
    ['1,234,567.89', 'en', 1234567.89],
    ['5000000000', 'en', 5e9],
  ] as const)('%s in %s format is %d', (raw, fmt, n) => {
    expect(parseNumber(raw, fmt)).toBe(n);
  });

  it.each([
    ['13.50', 'id'], // a dot before two digits is not an Indonesian thousands group
    ['1.23.456', 'id'],
    ['13,50', 'en'],
    ['abc', 'en'],
    ['12a', 'id'],
    ['', 'id'],
  ] as const)('rejects %s in %s format', (raw, fmt) => {
    expect(parseNumber(raw, fmt)).toBeNull();
  });
});

describe('formatEvidence', () => {
  it('reads a decimal comma and a multi-group dot as Indonesian', () => {
    expect(formatEvidence('13,50', false)).toBe('id');
    expect(formatEvidence('1.234.567', false)).toBe('id');
    expect(formatEvidence('1.234,5', false)).toBe('id');
  });
  it('reads a decimal point as English', () => {
    expect(formatEvidence('13.50', false)).toBe('en');
    expect(formatEvidence('1,234,567', false)).toBe('en');
  });
  it('treats 14.833 as a thousands group only in a whole-number column', () => {
    expect(formatEvidence('14.833', true)).toBe('id');
    expect(formatEvidence('14.833', false)).toBeNull();
    expect(formatEvidence('14833', true)).toBeNull();
  });
});
