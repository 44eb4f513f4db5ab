import { describe, expect, it } from 'vitest';
import { streetFromAddress } from '../src/street.ts';

describe('streetFromAddress', () => {
  it.each([
    ['Steenhoffstraat 46a, 3764 BM Soest', 'Steenhoffstraat'],
    ['Steenhoffstraat 46 A, Soest', 'Steenhoffstraat'],
    ['Van Weedestraat 12-14 3761 CE Soest', 'Van Weedestraat'],
    ['Van Weedestraat 12 3761CE Soest', 'Van Weedestraat'],
    ['2e Hogeweg 5', '2e Hogeweg'],
    ['Steenhoffstraat', 'Steenhoffstraat'],
    ['Steenhoffstraat, Soest', 'Steenhoffstraat'],
    ['  Kerkpad   Noordzijde  7 ', 'Kerkpad Noordzijde'],
  ])('%s → %s', (input, expected) => {
    expect(streetFromAddress(input)).toBe(expected);
  });

  it.each([[null], [undefined], [''], ['46'], ['3764 BM']])('%s → nothing', (input) => {
    expect(streetFromAddress(input)).toBeUndefined();
  });
});
