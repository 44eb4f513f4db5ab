import { describe, expect, it } from 'vitest';
import { intakeSchema } from './intake-schema.ts';
import { text } from './text-schema.ts';
import { textMessages } from './texts-nl.ts';

describe('text', () => {
  it('refuses NUL and other control characters with a Dutch message', () => {
    for (const value of ['a\u0000b', '\u0001', 'x\u001b[31m', 'del\u007f']) {
      const result = text().safeParse(value);
      expect(result.error?.issues[0]?.message).toBe(textMessages.controlCharactersInLine);
      expect(text({ multiline: true }).safeParse(value).success).toBe(false);
    }
  });

  it('keeps tab, line feed and carriage return in free text only', () => {
    expect(text({ multiline: true }).parse('regel 1\r\nregel 2\tmet tab')).toBe(
      'regel 1\r\nregel 2\tmet tab',
    );
    expect(text().safeParse('regel 1\nregel 2').success).toBe(false);
  });

  it('trims before checking when asked, so length checks chained after it see the trimmed value', () => {
    expect(text({ trim: true }).min(3).parse('  abc\n')).toBe('abc');
  });
});

describe('the intake refuses control characters in every text field, naming the field', () => {
  const valid = {
    category: 'jeugdoverlast',
    subcategory: 'geluid',
    description: 'Groep jongeren met harde muziek bij de speeltuin.',
    location: { lat: 52.1733, lng: 5.2917, address: 'Steenhoffstraat 1, Soest' },
    answers: { leeftijd_indicatie: '12_17' },
    contact: { email: 'inwoner@example.nl', phone: '06 12345678' },
  };
  const cases: [string, Record<string, unknown>][] = [
    ['description', { description: 'Harde muziek\u0000 bij de speeltuin.' }],
    ['location.address', { location: { ...valid.location, address: 'Steenhoff\u0000straat 1' } }],
    ['contact.email', { contact: { email: 'inwoner\u0000@example.nl' } }],
    ['subcategory', { subcategory: 'gel\u0000uid' }],
    ['answers.leeftijd_indicatie', { answers: { leeftijd_indicatie: '12\u0000_17' } }],
  ];
  it.each(cases)('%s', (field, change) => {
    const result = intakeSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toContain(field);
  });

  it('keeps line breaks in the description', () => {
    const parsed = intakeSchema.parse({ ...valid, description: 'Eerste regel.\nTweede regel.' });
    expect(parsed.description).toBe('Eerste regel.\nTweede regel.');
  });
});
