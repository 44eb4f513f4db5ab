// Every text in packages/core that a resident or officer reads, in Dutch (nl-NL), in one place so that
// it can be reviewed and translated. Category labels, descriptions and questions live in the category
// data (categories.ts) because they are data that a coördinator will manage later.

export const adviceTexts = {
  call112:
    'Is er nu direct gevaar, of ziet u een misdrijf gebeuren? Bel dan meteen 112. Gebruik dit formulier niet voor spoed.',
  anonymousTip: 'Wilt u iets melden zonder dat iemand weet wie u bent? Bel Meld Misdaad Anoniem: 0800-7000.',
} as const;

/** Texts of the shared string check (text-schema.ts). */
export const textMessages = {
  controlCharacters:
    'Dit veld bevat een teken dat niet is toegestaan (een onzichtbaar stuurteken). Haal het weg.',
  controlCharactersInLine:
    'Dit veld bevat een teken dat niet is toegestaan (een regeleinde, tab of onzichtbaar stuurteken). Haal het weg.',
} as const;

export const intakeMessages = {
  intakeInvalid: 'De melding is niet goed doorgekomen. Probeer het opnieuw.',
  contactInvalid: 'De contactgegevens zijn ongeldig.',
  categoryRequired: 'Kies een categorie.',
  subcategoryInvalid: 'Kies een soort melding die bij de gekozen categorie hoort.',
  descriptionRequired: 'Beschrijf wat er aan de hand is.',
  descriptionTooShort: (min: number) => `Beschrijf wat er aan de hand is in minstens ${min} tekens.`,
  descriptionTooLong: (max: number) => `Gebruik voor de beschrijving hoogstens ${max} tekens.`,
  occurredAtInvalid:
    'Geef het tijdstip op als datum en tijd met tijdzone (bijvoorbeeld 2026-03-01T21:30:00+01:00).',
  locationRequired: 'Geef aan waar het is: gebruik uw locatie, de kaart of een adres.',
  latitudeInvalid: 'De breedtegraad van de locatie is ongeldig.',
  longitudeInvalid: 'De lengtegraad van de locatie is ongeldig.',
  addressInvalid: 'Het adres mag niet leeg zijn en hoogstens 200 tekens lang zijn.',
  accuracyInvalid: 'De nauwkeurigheid van de locatie moet tussen 0 en 10.000 meter liggen.',
  locationDescriptionInvalid: (min: number, max: number) =>
    `Beschrijf de plek (veld "beschrijving van de plek") in ${min} tot ${max} tekens, bijvoorbeeld "bij het speelveld achter de supermarkt".`,
  emailInvalid: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.',
  emailTooLong: 'Het e-mailadres mag hoogstens 254 tekens lang zijn.',
  phoneInvalid: 'Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678 of +31 35 1234567.',
  phoneTooLong: 'Het telefoonnummer mag hoogstens 20 tekens lang zijn.',
  wantsFeedbackNeedsEmail: 'Vul uw e-mailadres in als u op de hoogte wilt blijven van uw melding.',
  booleanInvalid: 'Kies ja of nee.',
  answersInvalid: 'De antwoorden op de vragen zijn ongeldig.',
  unknownField: (key: string) => `Het veld "${key}" is onbekend.`,
  unknownQuestion: (id: string) => `De vraag "${id}" hoort niet bij deze categorie.`,
  answerRequired: (label: string) => `Beantwoord de vraag "${label}".`,
  answerChoice: (label: string) => `Kies een van de antwoorden bij "${label}".`,
  answerMultiChoice: (label: string) => `Kies een of meer van de antwoorden bij "${label}".`,
  answerNumber: (label: string, min: number, max: number) =>
    `Vul bij "${label}" een heel getal in van ${min} tot en met ${max}.`,
  answerBoolean: (label: string) => `Kies ja of nee bij "${label}".`,
  occurredInFuture: 'Het tijdstip ligt in de toekomst. Kies een tijdstip dat al geweest is.',
} as const;

export const statusLabels = {
  gemeld: 'Ontvangen',
  ingedeeld: 'Ontvangen',
  in_behandeling: 'In behandeling',
  reactie_gevraagd: 'Vraag aan u',
  doorgestuurd: 'Doorgestuurd',
  afgehandeld: 'Afgehandeld',
  geannuleerd: 'Afgehandeld',
  heropend: 'Heropend',
} as const;

/** Names of the statuses as staff see them (the console shows the exact internal state). */
export const staffStatusLabels = {
  gemeld: 'Gemeld',
  ingedeeld: 'Ingedeeld',
  in_behandeling: 'In behandeling',
  reactie_gevraagd: 'Reactie gevraagd',
  doorgestuurd: 'Doorgestuurd',
  afgehandeld: 'Afgehandeld',
  geannuleerd: 'Geannuleerd',
  heropend: 'Heropend',
} as const;

export const transitionMessages = {
  invalidTransition: (from: string, to: string, allowed: readonly string[]) =>
    allowed.length === 0
      ? `Een melding met status "${from}" kan niet naar "${to}".`
      : `Een melding met status "${from}" kan niet naar "${to}". Mogelijk: ${allowed
          .map((s) => `"${s}"`)
          .join(', ')}.`,
  publicMessageRequired: (to: string) =>
    `Schrijf een bericht voor de melder: dat is verplicht bij status "${to}".`,
  reasonRequired: (to: string) => `Geef een reden op: dat is verplicht bij status "${to}".`,
} as const;

export * from './texts/calendar-nl.ts';
// Rosters, routing, grouping and the pick-up sentences keep their texts beside this file, in texts/;
// re-exported so that this module stays the one place to review.
export * from './texts/escalation-nl.ts';
export * from './texts/grouping-nl.ts';
export * from './texts/pickup-nl.ts';
export * from './texts/roster-nl.ts';
export * from './texts/routing-nl.ts';
export * from './texts/starter-content-nl.ts';
