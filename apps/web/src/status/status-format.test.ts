import { meldingStatuses } from '@buurtsignaal/core';
import { describe, expect, it } from 'vitest';
import { formatDateTime, statusExplanation } from './status-format.ts';

describe('formatDateTime', () => {
  it('shows the moment in Dutch time, whatever the offset it was sent with', () => {
    expect(formatDateTime('2026-11-26T20:30:00.000Z')).toBe('26 november 2026 om 21:30');
    expect(formatDateTime('2026-11-26T21:30:00+01:00')).toBe('26 november 2026 om 21:30');
  });

  it('follows summer time', () => {
    expect(formatDateTime('2026-07-01T07:05:00Z')).toBe('1 juli 2026 om 09:05');
  });

  it('moves to the next day after midnight in Amsterdam', () => {
    expect(formatDateTime('2026-03-31T22:15:00Z')).toBe('1 april 2026 om 00:15');
  });

  it('shows an unreadable value as it came rather than "Invalid Date"', () => {
    expect(formatDateTime('gisteren')).toBe('gisteren');
  });
});

describe('statusExplanation', () => {
  it('explains every status in one Dutch sentence', () => {
    for (const status of meldingStatuses) {
      const text = statusExplanation(status);
      expect(text, status).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('explains a new melding as received', () => {
    expect(statusExplanation('gemeld')).toBe('Uw melding is ontvangen en wordt zo snel mogelijk bekeken.');
  });

  it('gives statuses that look the same to the melder the same explanation', () => {
    expect(statusExplanation('ingedeeld')).toBe(statusExplanation('gemeld'));
    expect(statusExplanation('geannuleerd')).toBe(statusExplanation('afgehandeld'));
  });

  it('gives each public status its own explanation', () => {
    const publicOnes = [
      'gemeld',
      'in_behandeling',
      'reactie_gevraagd',
      'doorgestuurd',
      'afgehandeld',
      'heropend',
    ];
    expect(new Set(publicOnes.map(statusExplanation)).size).toBe(publicOnes.length);
  });

  it('has no explanation for a status this build does not know', () => {
    expect(statusExplanation('nieuw_in_de_api')).toBeUndefined();
  });
});
