import { describe, expect, it } from 'vitest';
import { streetAndNumber } from './address-line.ts';

describe('streetAndNumber', () => {
  it('writes number, letter and toevoeging as Dutch addresses do', () => {
    const base = { street: 'Steenhoffstraat', houseLetter: null, houseNumberAddition: null };
    expect(streetAndNumber({ ...base, houseNumber: 46 })).toBe('Steenhoffstraat 46');
    expect(streetAndNumber({ ...base, houseNumber: 46, houseLetter: 'a' })).toBe('Steenhoffstraat 46a');
    expect(streetAndNumber({ ...base, houseNumber: 12, houseNumberAddition: '2' })).toBe(
      'Steenhoffstraat 12-2',
    );
    expect(streetAndNumber({ ...base, houseNumber: null })).toBe('Steenhoffstraat');
  });
});
