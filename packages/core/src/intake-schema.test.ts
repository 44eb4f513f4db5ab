import { describe, expect, it } from 'vitest';
import { categories } from './categories.ts';
import { findWijk, listWijken } from './geo/areas.ts';
import { wijkCentre } from './geo/wijk-centre.ts';
import type { IntakeInput } from './intake-schema.ts';
import {
  categoriesResponseSchema,
  DESCRIPTION_MAX,
  intakeResponseSchema,
  intakeSchema,
  occursInFuture,
} from './intake-schema.ts';
import { toPublicCategories } from './public-categories.ts';

const valid: IntakeInput = {
  category: 'jeugdoverlast',
  subcategory: 'geluid',
  description: '  Groep jongeren met harde muziek bij de speeltuin.  ',
  occurredAt: '2026-03-01T21:30:00+01:00',
  location: { lat: 52.1733, lng: 5.2917, accuracy: 12 },
  answers: { aantal_personen: 6, leeftijd_indicatie: '12_17', nu_gaande: true },
  contact: { email: '  Inwoner@Example.NL ', phone: '06 12345678', wantsFeedback: true },
};

/** Issues as { 'path.to.field': message } for readable assertions. */
function issuesOf(input: unknown): Record<string, string> {
  const result = intakeSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('intakeSchema', () => {
  it('accepts a complete melding and normalises it', () => {
    const parsed = intakeSchema.parse(valid);
    expect(parsed.description).toBe('Groep jongeren met harde muziek bij de speeltuin.');
    expect(parsed.contact?.email).toBe('inwoner@example.nl');
  });

  it('accepts the minimum: category, description, location', () => {
    const minimal = {
      category: 'woonoverlast',
      description: 'Elke nacht harde muziek.',
      location: { lat: 52.17, lng: 5.3 },
    };
    expect(intakeSchema.safeParse(minimal).success).toBe(true);
  });

  it('says in Dutch what is missing', () => {
    expect(issuesOf({})).toEqual({
      category: 'Kies een categorie.',
      description: 'Beschrijf wat er aan de hand is.',
      location: 'Geef aan waar het is: gebruik uw locatie, de kaart of een adres.',
    });
  });

  it('counts the description after trimming', () => {
    expect(issuesOf({ ...valid, description: '   kort    ' })).toEqual({
      description: 'Beschrijf wat er aan de hand is in minstens 10 tekens.',
    });
    expect(issuesOf({ ...valid, description: 'x'.repeat(DESCRIPTION_MAX + 1) })).toEqual({
      description: 'Gebruik voor de beschrijving hoogstens 2000 tekens.',
    });
    expect(intakeSchema.safeParse({ ...valid, description: 'x'.repeat(DESCRIPTION_MAX) }).success).toBe(true);
  });

  it('rejects unknown fields and names them', () => {
    expect(issuesOf({ ...valid, priority: 'spoed' })).toEqual({ '': 'Het veld "priority" is onbekend.' });
    expect(issuesOf({ ...valid, location: { lat: 52.17, lng: 5.29, alt: 3 } })).toEqual({
      location: 'Het veld "alt" is onbekend.',
    });
  });

  it('requires a time with an offset', () => {
    expect(issuesOf({ ...valid, occurredAt: '2026-03-01T21:30:00' })).toHaveProperty('occurredAt');
    expect(issuesOf({ ...valid, occurredAt: 'gisteren' })).toHaveProperty('occurredAt');
    expect(intakeSchema.safeParse({ ...valid, occurredAt: '2026-03-01T20:30:00Z' }).success).toBe(true);
  });

  it('checks the location ranges', () => {
    const at = (location: unknown) => issuesOf({ ...valid, location });
    expect(at({ lat: 91, lng: 5 })).toEqual({
      'location.lat': 'De breedtegraad van de locatie is ongeldig.',
    });
    expect(at({ lat: 52, lng: -181 })).toEqual({
      'location.lng': 'De lengtegraad van de locatie is ongeldig.',
    });
    expect(at({ lat: 52, lng: 5, accuracy: -1 })).toHaveProperty('location.accuracy');
    expect(at({ lat: 52, lng: 5, accuracy: 10_001 })).toHaveProperty('location.accuracy');
    expect(at({ lat: '52', lng: 5 })).toHaveProperty('location.lat');
    expect(at({ lat: Number.NaN, lng: 5 })).toHaveProperty('location.lat');
    expect(at({ lat: 52, lng: Number.POSITIVE_INFINITY })).toHaveProperty('location.lng');
  });

  it('takes an optional address text with the location, trimmed and bounded', () => {
    const withAddress = {
      ...valid,
      location: { lat: 52.1733, lng: 5.2917, address: ' Steenhoffstraat 46, Soest ' },
    };
    expect(intakeSchema.parse(withAddress).location.address).toBe('Steenhoffstraat 46, Soest');
    const tooLong = { ...valid, location: { lat: 52.1733, lng: 5.2917, address: 'x'.repeat(201) } };
    expect(issuesOf(tooLong)['location.address']).toMatch(/adres/);
  });

  it('validates contact details', () => {
    const contact = (c: unknown) => issuesOf({ ...valid, contact: c });
    expect(contact({ email: 'geen-adres' })).toEqual({
      'contact.email': 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.',
    });
    expect(contact({ email: `${'a'.repeat(250)}@x.nl` })).toHaveProperty('contact.email');
    expect(contact({ phone: 'bel me' })).toHaveProperty('contact.phone');
    expect(contact({ phone: '+31 6 1234 5678 90 12 3' })).toHaveProperty('contact.phone');
    for (const phone of ['0612345678', '06-12345678', '035 123 4567', '+31 6 12345678', '0031612345678']) {
      expect(contact({ phone }), phone).toEqual({});
    }
  });

  it('allows terugkoppeling only with an e-mail address', () => {
    expect(issuesOf({ ...valid, contact: { phone: '0612345678', wantsFeedback: true } })).toEqual({
      'contact.wantsFeedback': 'Vul uw e-mailadres in als u op de hoogte wilt blijven van uw melding.',
    });
    expect(issuesOf({ ...valid, contact: { wantsFeedback: false } })).toEqual({});
  });

  it('requires the subcategory to belong to the category', () => {
    expect(issuesOf({ ...valid, subcategory: 'voertuig' })).toEqual({
      subcategory: 'Kies een soort melding die bij de gekozen categorie hoort.',
    });
  });

  it('checks the answers against the questions of the category', () => {
    const answers = (a: unknown, category = 'jeugdoverlast') =>
      issuesOf({ ...valid, category, subcategory: undefined, answers: a });
    expect(answers({ hoe_vaak: 'dagelijks' })).toEqual({
      'answers.hoe_vaak': 'De vraag "hoe_vaak" hoort niet bij deze categorie.',
    });
    expect(answers({ aantal_personen: 0 })).toEqual({
      'answers.aantal_personen':
        'Vul bij "Om hoeveel personen gaat het ongeveer?" een heel getal in van 1 tot en met 100.',
    });
    expect(answers({ aantal_personen: 2.5 })).toHaveProperty(['answers.aantal_personen']);
    expect(answers({ aantal_personen: '5' })).toHaveProperty(['answers.aantal_personen']);
    expect(answers({ leeftijd_indicatie: 'bejaard' })).toHaveProperty(['answers.leeftijd_indicatie']);
    expect(answers({ nu_gaande: 'ja' })).toHaveProperty(['answers.nu_gaande']);
    expect(answers({ hoe_vaak: 'wekelijks' }, 'woonoverlast')).toHaveProperty(['answers.hoe_vaak']);
  });

  it('checks multiple choice answers and required questions', () => {
    const verdacht = (a: unknown) =>
      issuesOf({ ...valid, category: 'verdachte_situatie', subcategory: 'voertuig', answers: a });
    expect(verdacht({ nu_gaande: false, kenmerken: ['voertuig_rondrijden', 'kenteken_gezien'] })).toEqual({});
    expect(verdacht({ nu_gaande: false, kenmerken: ['vliegende_schotel'] })).toHaveProperty([
      'answers.kenmerken',
    ]);
    expect(verdacht({ nu_gaande: false, kenmerken: ['anders', 'anders'] })).toHaveProperty([
      'answers.kenmerken',
    ]);
    expect(verdacht({})).toEqual({ 'answers.nu_gaande': 'Beantwoord de vraag "Is het nu aan de gang?".' });
    expect(verdacht(undefined)).toHaveProperty(['answers.nu_gaande']);
  });

  it('reports field and cross-field problems together', () => {
    const issues = issuesOf({ ...valid, description: 'kort', subcategory: 'persoon' });
    expect(Object.keys(issues).sort()).toEqual(['description', 'subcategory']);
  });
});

describe('occursInFuture', () => {
  const now = new Date('2026-03-01T20:00:00Z');
  it('allows a few minutes of clock skew', () => {
    expect(occursInFuture({ occurredAt: '2026-03-01T21:04:00+01:00' }, now)).toBe(false);
    expect(occursInFuture({ occurredAt: '2026-03-01T21:06:00+01:00' }, now)).toBe(true);
    expect(occursInFuture({ occurredAt: '2026-03-01T20:01:00Z' }, now, 0)).toBe(true);
    expect(occursInFuture({}, now)).toBe(false);
  });
});

describe('response schemas', () => {
  it('describes the intake response', () => {
    const ok = {
      id: '3f1c2f5e-8a4b-4c3d-9e2f-1a2b3c4d5e6f',
      reference: 'SOE-2026-000123',
      status: 'gemeld',
      statusUrl: 'https://buurtsignaal.soest.nl/status/abc',
    };
    expect(intakeResponseSchema.parse(ok)).toEqual(ok);
    expect(intakeResponseSchema.safeParse({ ...ok, reference: 'X' }).success).toBe(false);
  });

  it('publishes categories without team or priority', () => {
    const response = toPublicCategories();
    expect(categoriesResponseSchema.parse(response)).toEqual(response);
    expect(response.categories.map((c) => c.id)).toEqual(categories.map((c) => c.id));
    const json = JSON.stringify(response);
    expect(json).not.toContain('defaultTeam');
    expect(json).not.toContain('defaultPriority');
    expect(json).not.toContain('politie-basisteam');
    expect(response.categories[2]).toMatchObject({ show112Advice: true, showAnonymousTipAdvice: true });
  });

  it('gives copies, so a caller cannot change the category data', () => {
    const response = toPublicCategories();
    response.categories[0]?.questions.pop();
    expect(toPublicCategories().categories[0]?.questions).toHaveLength(categories[0]?.questions.length ?? -1);
  });

  it('keeps the accuracy to whole centimetres (a denormal number would not fit the column)', () => {
    const parse = (accuracy: number) =>
      intakeSchema.parse({ ...valid, location: { ...valid.location, accuracy } });
    expect(parse(5e-323).location.accuracy).toBe(0);
    expect(parse(12.3456).location.accuracy).toBe(12.35);
  });

  it('takes the place in words for an approximate location, and names the field when it is wrong', () => {
    const centre = wijkCentre(listWijken()[0]?.code ?? '');
    expect(centre).not.toBeNull();
    if (!centre) return;
    // Every wijk's centre lies in that wijk, so that the melding is routed to the right one.
    for (const wijk of listWijken()) {
      const c = wijkCentre(wijk.code);
      expect(c && findWijk(c.lat, c.lng)?.code, wijk.naam).toBe(wijk.code);
    }
    const approximate = (description: unknown) => ({
      ...valid,
      location: { lat: centre.lat, lng: centre.lng, accuracy: Math.min(centre.radius, 10_000), description },
    });
    const parsed = intakeSchema.parse(approximate('  bij het speelveld achter de Albert Heijn '));
    expect(parsed.location.description).toBe('bij het speelveld achter de Albert Heijn');
    const message = issuesOf(approximate('hier'))['location.description'];
    expect(message).toContain('beschrijving van de plek');
    expect(issuesOf(approximate('x'.repeat(301)))).toHaveProperty('location.description');
    expect(issuesOf(approximate(12))).toHaveProperty('location.description');
  });
});
