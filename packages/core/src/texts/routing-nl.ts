// Dutch texts of routing rules: validation errors for the coordinator and the reason stored with each
// assignment (staff read it on the melding). Part of core's texts module (see ../texts-nl.ts).
import { weekdayNamesNl } from './calendar-nl.ts';

export const routingRuleMessages = {
  nameRequired: 'Geef de regel een naam van hoogstens 100 tekens.',
  versionInvalid: 'De versie is een heel getal vanaf 1.',
  positionInvalid: 'De volgorde is een heel getal vanaf 0.',
  activeInvalid: 'Geef aan of de regel actief is.',
  categoryInvalid: 'Kies een bestaande categorie.',
  subcategoryInvalid: 'Kies een soort melding die bij de gekozen categorieën hoort.',
  areaCodeInvalid: 'Een gebied is een wijkcode (WK…) of buurtcode (BU…) van het CBS.',
  areaUnknown: (code: string) => `Het gebied ${code} is onbekend.`,
  timeOnInvalid: 'Kies of de tijd geldt voor het moment van het voorval of het moment van melden.',
  timeWindowEmpty: 'Begin- en eindtijd zijn gelijk; kies een tijdvak.',
  questionUnknown: (id: string) => `De vraag "${id}" hoort niet bij de gekozen categorieën.`,
  answerTypeInvalid: (id: string) => `Het antwoord bij "${id}" past niet bij de vraag.`,
  repeatCountInvalid: 'Het aantal meldingen is een heel getal van 2 tot en met 100.',
  repeatRadiusInvalid: 'De afstand is een heel getal van 1 tot en met 5000 meter.',
  repeatDaysInvalid: 'Het aantal dagen is een heel getal van 1 tot en met 365.',
  teamInactive: (id: string) => `Het team "${id}" bestaat niet of is niet actief.`,
  priorityInvalid: 'Kies een prioriteit: normaal, hoog of spoed.',
  noteTooLong: 'De notitie voor de medewerker is hoogstens 500 tekens.',
  lookupMissing: (what: string) => `De regel kon niet worden beoordeeld: ${what} ontbreekt.`,
  repeatLookup: 'het aantal eerdere meldingen',
  onDutyLookup: (teamId: string) => `wie er van "${teamId}" in dienst is`,
} as const;

/** Short phrases for answers in a reason; other answers read "<vraag-id> = <waarde>". */
const answerPhrases: Record<string, Record<string, string>> = {
  nu_gaande: { true: 'nu gaande', false: 'niet nu gaande' },
};

export const routingReasonTexts = {
  /** Exactly the worker's reason before routing rules existed, so switching changes nothing. */
  defaultTeam: (categoryLabel: string) => `standaardteam voor categorie ${categoryLabel}`,
  rule: (n: number, name: string, facts: readonly string[], teamName: string, priority: string) =>
    `Regel ${n} '${name}': ${facts.join(', ')} → ${teamName}, ${priority}`,
  answer: (questionId: string, value: unknown) =>
    answerPhrases[questionId]?.[String(value)] ??
    `${questionId} = ${Array.isArray(value) ? value.join('/') : String(value)}`,
  time: (hhmm: string, isoWeekday: number | null) =>
    isoWeekday === null ? hhmm : `${weekdayNamesNl[isoWeekday - 1] ?? ''} ${hhmm}`,
  inArea: (kind: 'wijk' | 'buurt', naam: string) => `in ${kind} ${naam}`,
  repeat: (count: number, radiusMetres: number, days: number) =>
    `${count} meldingen binnen ${radiusMetres} m in ${days} dagen`,
  onDuty: (teamName: string, onDuty: boolean) =>
    onDuty ? `${teamName} in dienst` : `niemand van ${teamName} in dienst`,
} as const;
