import { describe, expect, it } from 'vitest';
import { formatReference, parseReference, referencePattern } from './reference.ts';

describe('reference', () => {
  it('pads the sequence to six digits', () => {
    expect(formatReference('SOE', 2026, 123)).toBe('SOE-2026-000123');
    expect(formatReference('SOE', 2026, 1)).toBe('SOE-2026-000001');
  });

  it('uses more digits when needed', () => {
    expect(formatReference('SOE', 2026, 1_234_567)).toBe('SOE-2026-1234567');
  });

  it('produces what the pattern accepts', () => {
    expect(referencePattern.test(formatReference('SOE', 2026, 42))).toBe(true);
    expect(referencePattern.test('SOE-2026-123')).toBe(false);
    expect(referencePattern.test('soe-2026-000123')).toBe(false);
    expect(referencePattern.test('SOE-26-000123')).toBe(false);
  });

  it('rejects invalid parts', () => {
    expect(() => formatReference('soe', 2026, 1)).toThrow(RangeError);
    expect(() => formatReference('SOE', 26, 1)).toThrow(RangeError);
    expect(() => formatReference('SOE', 2026, 0)).toThrow(RangeError);
    expect(() => formatReference('SOE', 2026, 1.5)).toThrow(RangeError);
  });

  it('parses a reference a resident types, case-insensitively', () => {
    expect(parseReference(' soe-2026-000123 ')).toEqual({ prefix: 'SOE', year: 2026, seq: 123 });
    expect(parseReference('SOE 2026 123')).toBeNull();
  });
});
