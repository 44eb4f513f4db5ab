// Dutch texts of the roster advice that coordinators read: the proposals with their evidence and the
// evaluation of a window that ran. Places and times only — never persons or groups. Part of core's
// texts module (see ../texts-nl.ts).
import { categories } from '../categories.ts';
import { weekdayNamesNl } from './calendar-nl.ts';

const categoryWord = (id: string): string => categories.find((c) => c.id === id)?.label.toLowerCase() ?? id;

/** "woensdag", "woensdag en vrijdag", "maandag, woensdag en vrijdag". */
export function weekdayList(isoWeekdays: readonly number[]): string {
  const names = isoWeekdays.map((d) => weekdayNamesNl[d - 1] ?? '');
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} en ${names.at(-1)}`;
}

const number = (n: number): string =>
  Number.isInteger(n)
    ? String(n)
    : n.toLocaleString('nl-NL', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

const signed = (n: number): string => (n > 0 ? `+${number(n)}` : number(n));

export const rosterAdviceTexts = {
  uncertain: 'weinig meldingen — onzeker',
  trend: { stijgend: 'stijgend', dalend: 'dalend', gelijk: 'ongeveer gelijk' } as const,
  evidence: (count: number, category: string, weeks: number) =>
    `${count} ${count === 1 ? 'melding' : 'meldingen'} ${categoryWord(category)} in ${weeks} weken`,
  /** "woensdag en vrijdag 22:00–23:00, Kjoeps: 12 meldingen jeugdoverlast in 8 weken, geen boa in dienst na 22:00 → avonddienst tot 23:00". */
  proposal: (p: {
    kind: 'extend' | 'extra';
    weekdays: readonly number[];
    start: string;
    end: string;
    coveredUntil: string | null;
    place: string;
    count: number;
    category: string;
    weeks: number;
    teamWord: string;
  }) => {
    const when = `${weekdayList(p.weekdays)} ${p.start}–${p.end}`;
    const what = rosterAdviceTexts.evidence(p.count, p.category, p.weeks);
    return p.kind === 'extend'
      ? `${when}, ${p.place}: ${what}, geen ${p.teamWord} in dienst na ${p.coveredUntil ?? p.start} → dienst verlengen tot ${p.end}`
      : `${when}, ${p.place}: ${what}, geen ${p.teamWord} in dienst → extra dienst ${p.start}–${p.end}`;
  },
  patrol: (places: number, from: string, to: string) =>
    `${places} ${places === 1 ? 'plek' : 'plekken'} tussen ${from} en ${to}: korte bezoeken van 10 tot 15 minuten, op wisselende momenten, minstens elke twee uur.`,
  smallNumbers: 'Er zijn weinig meldingen; het verschil kan toeval zijn.',
  caution: 'Dit laat een verandering zien, geen bewijs dat de bezoeken die veroorzaakt hebben.',
  noComparison:
    'Er zijn geen vergelijkbare plekken zonder bezoek gevonden; een vergelijking is niet mogelijk.',
  treated: (before: number, during: number) =>
    `Op de bezochte plekken: van gemiddeld ${number(before)} naar ${number(during)} meldingen per plek per week in deze uren.`,
  comparison: (before: number, during: number, cells: number) =>
    `Op ${cells} vergelijkbare ${cells === 1 ? 'plek' : 'plekken'} zonder bezoek: van ${number(before)} naar ${number(during)}.`,
  difference: (d: number) => `Verschil-in-verschillen: ${signed(d)} meldingen per plek per week.`,
  displacement: (d: number) =>
    d > 0
      ? `In de plekken ernaast nam het aantal meldingen toe (${signed(d)} per plek per week, vergeleken met de plekken zonder bezoek): mogelijk is de overlast verplaatst (waterbedeffect).`
      : `In de plekken ernaast is geen toename te zien (${signed(d)} per plek per week): geen teken van verplaatsing.`,
} as const;
