import { getCategory } from '@buurtsignaal/core';
import { amsterdamParts } from '@buurtsignaal/core/time';

// Every text an officer reads about a claimed melding that lies still, in Dutch, in one place. Only the
// reference, category and wijk: no description, address or melder data.

const hhmm = (at: Date): string => {
  const p = amsterdamParts(at);
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
};

export function idleReminderMail(f: {
  reference: string;
  category: string;
  wijkCode: string | null;
  lastActionAt: Date;
  returnsAt: Date;
  consoleUrl: string;
}): { subject: string; text: string } {
  const category = getCategory(f.category)?.label ?? f.category;
  return {
    subject: `Herinnering: ${f.reference} ligt stil (${category.toLowerCase()})`,
    text: [
      'Goedendag,',
      '',
      `U heeft melding ${f.reference} opgepakt, maar er is sinds ${hhmm(f.lastActionAt)} niets mee gedaan.`,
      `Zonder actie gaat de melding om ${hhmm(f.returnsAt)} terug naar de wachtrij van het team.`,
      '',
      `Soort: ${category}`,
      `Wijk: ${f.wijkCode ?? 'onbekend'}`,
      '',
      `Open de melding in de console: ${f.consoleUrl}`,
      '',
      'Dit is een automatisch bericht van Buurtsignaal.',
    ].join('\n'),
  };
}

/** The internal note of the status event when the claim is taken back (staff timeline). */
export const idleReturnNote = (lastActionAt: Date): string =>
  `Terug in de wachtrij van het team: na het oppakken is er sinds ${hhmm(lastActionAt)} niets mee gedaan.`;
