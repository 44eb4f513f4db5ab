// Dutch texts of rosters (patterns, overrides, shifts, calendar import) that coordinators and
// officers read. Part of core's texts module (see ../texts-nl.ts).

export const rosterMessages = {
  idInvalid: 'Geef een geldige id op.',
  dateInvalid: 'Geef een datum op als JJJJ-MM-DD, bijvoorbeeld 2026-03-29.',
  timeInvalid: 'Geef een tijd op als UU:MM, bijvoorbeeld 22:30.',
  weekdayInvalid: 'Een weekdag is een getal van 1 (maandag) tot en met 7 (zondag).',
  weekdaysRequired: 'Kies minstens één weekdag.',
  weekdaysDuplicate: 'Kies elke weekdag hoogstens één keer.',
  reasonRequired: 'Geef een reden op.',
  labelRequired: 'Geef de dienst een naam van hoogstens 60 tekens, bijvoorbeeld "Avonddienst".',
  teamKindInvalid: 'Kies het soort team: boa, politie of anders.',
  coverageInvalid: 'Geef de uren op die het team moet dekken, of "24/7".',
  validUntilBeforeFrom: 'De einddatum ligt vóór de begindatum.',
  leadNotMember: 'De dienstleider moet een van de leden van de dienst zijn.',
  membersRequired: 'Kies minstens één medewerker.',
} as const;

/** Why an override could not be applied to the generated shifts (shown to the coordinator). */
export const overrideIssueTexts = {
  noShift: (date: string) => `Op ${date} is er geen dienst van dit patroon; de wijziging is niet toegepast.`,
  notOnShift: (date: string) =>
    `De medewerker staat op ${date} niet op deze dienst; de wijziging is niet toegepast.`,
  otherTeam: 'Deze wijziging hoort bij een ander team dan de dienst.',
} as const;

export const icsImportTexts = {
  unparsable: (detail: string) => `Het bestand is geen geldig iCalendar-bestand (${detail}).`,
  noTimes: 'De afspraak heeft geen begin- en eindtijd (een hele dag of zonder tijd) en is overgeslagen.',
  noEnd: 'De afspraak heeft geen eindtijd of duur en is overgeslagen.',
  unknownTimezone: (tzid: string) =>
    `De tijdzone "${tzid}" is onbekend en staat niet in het bestand; de afspraak is overgeslagen.`,
  unsupportedRule: (rule: string) =>
    `De herhaling "${rule}" wordt niet ondersteund; de afspraak is overgeslagen.`,
  tooManyOccurrences: (max: number) =>
    `De herhaling geeft meer dan ${max} diensten in de periode; alleen de eerste ${max} zijn ingelezen.`,
  unknownAttendee: (email: string) => `"${email}" is niet gekoppeld aan een medewerker van het team.`,
  noKnownAttendee: 'Bij deze dienst staat geen bekende medewerker; niemand is ingeroosterd.',
  cancelled: 'De dienst is afgezegd (STATUS:CANCELLED) en is niet ingelezen.',
} as const;

export const icsExportTexts = {
  teamCalendarName: (teamName: string) => `Rooster ${teamName}`,
  officerCalendarName: 'Mijn diensten',
  shiftSummary: (label: string, teamName: string) => `${label} (${teamName})`,
} as const;
