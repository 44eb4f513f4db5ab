/** Texts of the standard texts page (Standaardteksten). */
export const staffStandardTextsTexts = {
  heading: 'Standaardteksten',
  intro:
    'Vaste berichten aan de melder, per status en onderwerp. Medewerkers kiezen een tekst en passen die aan.',
  none: 'Er zijn nog geen standaardteksten.',
  newHeading: 'Nieuwe standaardtekst',
  editHeading: (title: string) => `Bewerken: ${title}`,
  title: 'Titel',
  titleHint: 'Kort, zodat medewerkers de tekst herkennen in de keuzelijst.',
  body: 'Tekst aan de melder',
  status: 'Bij status',
  category: 'Onderwerp',
  anyCategory: 'Alle onderwerpen',
  active: 'In gebruik',
  inactive: 'Niet meer in gebruik',
  create: 'Standaardtekst opslaan',
  save: 'Wijzigingen opslaan',
  cancel: 'Annuleren',
  edit: 'Bewerken',
  deactivate: 'Niet meer gebruiken',
  activate: 'Weer gebruiken',
  created: 'De standaardtekst is opgeslagen.',
  updated: 'De standaardtekst is gewijzigd.',
  deactivated: 'De standaardtekst wordt niet meer gebruikt.',
  activated: 'De standaardtekst wordt weer gebruikt.',
  titleRequired: 'Vul een titel in.',
  bodyRequired: 'Vul de tekst in.',
  statusRequired: 'Kies de status.',
} as const;

/** Texts of the users page (Gebruikers). */
export const staffUsersTexts = {
  heading: 'Gebruikers',
  listHeading: 'Alle medewerkers',
  name: 'Naam',
  email: 'E-mailadres',
  role: 'Rol',
  teams: 'Teams',
  totp: 'Tweestapsverificatie',
  totpOn: 'Ingesteld',
  totpOff: 'Niet ingesteld',
  disabled: 'Geblokkeerd',
  active: 'Actief',
  state: 'Account',
  noTeams: 'Geen',
  newHeading: 'Nieuwe gebruiker',
  password: 'Eerste wachtwoord',
  passwordHint: 'Minstens 12 tekens. Geef het wachtwoord persoonlijk door.',
  create: 'Gebruiker aanmaken',
  created: (email: string) => `Het account voor ${email} is aangemaakt.`,
  emailRequired: 'Vul een e-mailadres in.',
  emailInvalid: 'Vul een geldig e-mailadres in, zoals naam@soest.nl.',
  nameRequired: 'Vul de naam in.',
  roleRequired: 'Kies een rol.',
  passwordTooShort: 'Het wachtwoord moet minstens 12 tekens lang zijn.',
  totpNote: 'Coördinatoren en beheerders stellen bij de eerste keer inloggen tweestapsverificatie in.',
} as const;

/** Texts of the stuck jobs page (Vastgelopen taken). */
export const staffStuckTexts = {
  heading: 'Vastgelopen taken',
  intro:
    'Werk dat niet vanzelf is gelukt: meldingen die niet bij een team zijn ingedeeld en e-mails aan ' +
    'melders zonder afloop. Het systeem heeft het al opnieuw geprobeerd. Start een taak opnieuw als ' +
    'de oorzaak is opgelost; wat al gedaan is, gebeurt niet nog eens.',
  none: 'Er zijn geen vastgelopen taken.',
  caption: 'Vastgelopen taken, nieuwste eerst',
  what: 'Wat',
  melding: 'Melding',
  since: 'Sinds',
  attempts: 'Pogingen',
  lastError: 'Laatste fout',
  action: 'Actie',
  noError: 'Geen foutmelding',
  retry: 'Opnieuw proberen',
  retryLabel: (reference: string, what: string) => `Opnieuw proberen: ${what} voor ${reference}`,
  retried: (reference: string) => `De taak voor melding ${reference} wordt opnieuw uitgevoerd.`,
} as const;
