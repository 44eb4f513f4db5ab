import { getCategory, groupingTexts } from '@buurtsignaal/core';

// Every text of the dispatch e-mail an officer reads, in Dutch, in one place. The mail names the
// melding only by reference, category, priority and wijk: no description, address or melder data.

export interface DispatchMailFacts {
  reference: string;
  category: string;
  priority: string;
  wijkCode: string | null;
  /** 0: the first notice; higher: an escalation ("nog niet opgepakt"). */
  step: number;
  /** How many meldingen of one incident this notice is for (a group); 1 or absent: one melding. */
  meldingen?: number;
  /** A reopened melding back to the officer who handled it (reopen-dispatch.ts). */
  reopened?: boolean;
  /** Link to the melding in the staff console. */
  consoleUrl: string;
}

const priorityLabels: Record<string, string> = { spoed: 'Spoed', hoog: 'Hoog', normaal: 'Normaal' };

export function dispatchMail(f: DispatchMailFacts): { subject: string; text: string } {
  const category = getCategory(f.category)?.label ?? f.category;
  const priority = priorityLabels[f.priority] ?? f.priority;
  const lead = f.reopened ? 'Heropend' : f.step === 0 ? 'Nieuwe melding voor uw team' : 'Nog niet opgepakt';
  const count = f.meldingen ?? 1;
  const group = count > 1 ? `, ${groupingTexts.count(count)}` : '';
  return {
    subject: `${lead}: ${f.reference} (${priority.toLowerCase()}, ${category.toLowerCase()}${group})`,
    text: [
      f.reopened
        ? 'De melder geeft aan dat deze melding, die u heeft afgehandeld, niet is opgelost. Wilt u de melding opnieuw oppakken?'
        : f.step === 0
          ? 'Er is een melding voor uw team binnengekomen.'
          : 'Deze melding is nog door niemand opgepakt. Wilt u haar oppakken?',
      '',
      `Nummer: ${f.reference}`,
      `Soort: ${category}`,
      `Prioriteit: ${priority}`,
      `Wijk: ${f.wijkCode ?? 'onbekend'}`,
      ...(count > 1 ? [`Meldingen over dit voorval: ${count}`] : []),
      '',
      `Open de melding in de console: ${f.consoleUrl}`,
      '',
      'Dit is een automatisch bericht van Buurtsignaal.',
    ].join('\n'),
  };
}
