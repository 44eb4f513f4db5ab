/** Texts of incident groups (one incident, many reports) in the console. */
export const staffGroupTexts = {
  heading: 'Groep',
  partOf: (size: number) => `Onderdeel van een groep van ${size} meldingen`,
  explain:
    'Meldingen over hetzelfde voorval. Oppakken en afhandelen gelden voor de hele groep: elke melder krijgt het afsluitende bericht.',
  thisOne: '(deze melding)',
  first: 'eerste melding',
  membersLabel: 'Meldingen in de groep',
  split: 'Losmaken uit de groep',
  splitDone: 'De melding is losgemaakt uit de groep.',
  queueBadge: (size: number) => `Groep van ${size}`,
  nearbyHeading: 'In de buurt',
  nearbyExplain: (radius: number, hours: number) =>
    `Open meldingen van dezelfde soort binnen ${radius} m en ${hours} uur.`,
  nearbyNone: 'Geen open meldingen van dezelfde soort in de buurt.',
  nearbyLoading: 'Meldingen in de buurt laden…',
  distance: (m: number) => `${m} m`,
  inGroup: (size: number) => `al in een groep van ${size}`,
  group: (reference: string) => `Groeperen met ${reference}`,
  grouped: (reference: string) => `Melding ${reference} is bij de groep gevoegd.`,
} as const;
