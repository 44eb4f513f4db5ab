// Every text of the roster and calendar routes that a coordinator or officer reads, in Dutch (nl-NL).

export const rosterTexts = {
  teamNotFound: 'Dit team bestaat niet.',
  patternNotFound: 'Dit dienstpatroon bestaat niet (meer) bij dit team.',
  overrideNotFound: 'Deze roosterwijziging bestaat niet of is al ingetrokken.',
  feedNotFound: 'Deze agenda-link bestaat niet (meer).',
  notAMember: (ids: readonly string[]) =>
    `Niet iedereen is lid van dit team (${ids.join(', ')}); voeg hen eerst toe aan het team.`,
  unknownStaff: (ids: readonly string[]) => `Onbekende medewerker(s): ${ids.join(', ')}.`,
  unknownFallback: 'Het terugvalteam bestaat niet.',
  fallbackSelf: 'Een team kan niet zijn eigen terugvalteam zijn.',
  overrideNotApplied:
    'Deze wijziging is niet toegepast: er is op die datum geen passende dienst met deze medewerker.',
  editInPast: 'Een wijziging geldt vanaf vandaag of later; het verleden wordt niet herschreven.',
  rangeInvalid: 'De einddatum ligt vóór de begindatum, of de periode is langer dan 62 dagen.',
  icsFileRequired: 'Stuur een .ics-bestand mee (veld "file").',
  icsNotText: 'Het bestand is geen tekstbestand (iCalendar, UTF-8).',
  summary: {
    swap: (from: string, to: string) => `Ruil: ${from} → ${to}`,
    ziek: (who: string) => `Ziek: ${who}`,
    afwezig: (who: string) => `Afwezig: ${who}`,
    extra: (label: string, start: string, end: string) => `Extra dienst ${label} ${start}–${end}`,
  },
} as const;
