import type { MeldingStatus } from '@buurtsignaal/core';

/** Every text of the melder's status page (/m/<token>), in one place for review and translation. */
export const statusPageTexts = {
  documentTitle: (heading: string) => `${heading} – Buurtsignaal Soest`,

  loadingHeading: 'Uw melding',
  loading: 'Bezig met laden…',

  heading: (reference: string) => `Melding ${reference}`,
  categoryLabel: 'Categorie',
  subcategoryLabel: 'Onderwerp',
  createdAtLabel: 'Gemeld op',
  statusLine: (label: string) => `Status: ${label}`,

  timelineHeading: 'Verloop van uw melding',
  timelineEmpty: 'Er zijn nog geen berichten over deze melding.',

  notFoundHeading: 'Melding niet gevonden',
  notFoundIntro: 'Deze link werkt niet (meer). We kunnen geen melding vinden die bij deze link hoort.',
  notFoundWhatToDo: 'Wat kunt u doen?',
  notFoundCheckLink:
    'Controleer de link in de e-mail die u kreeg toen u de melding deed. Kopieer de hele link, ook als die over twee regels staat.',
  notFoundNewMelding: 'Gaat het om een nieuwe situatie?',
  newMeldingLink: 'Maak een nieuwe melding',

  errorHeading: 'Melding kan niet worden geladen',
  errorMessage:
    'Uw melding kon nu niet worden opgehaald. Controleer uw internetverbinding en probeer het opnieuw.',
  retry: 'Probeer opnieuw',
} as const;

/**
 * One sentence per status, keyed by the status code the API sends. Statuses that look the same to the
 * melder (GLOSSARY.md: gemeld/ingedeeld → Ontvangen, afgehandeld/geannuleerd → Afgehandeld) share a text.
 */
export const statusExplanations: Record<MeldingStatus, string> = {
  gemeld: 'Uw melding is ontvangen en wordt zo snel mogelijk bekeken.',
  ingedeeld: 'Uw melding is ontvangen en wordt zo snel mogelijk bekeken.',
  in_behandeling: 'Een medewerker van de gemeente is met uw melding bezig.',
  reactie_gevraagd:
    'We hebben een vraag aan u over uw melding; u leest die hieronder bij het verloop en in onze e-mail.',
  doorgestuurd:
    'Uw melding is doorgestuurd naar een andere organisatie, zoals de politie of de woningcorporatie, die de melding verder oppakt.',
  afgehandeld:
    'Uw melding is afgehandeld; hieronder bij het verloop leest u wat er met uw melding is gedaan.',
  geannuleerd:
    'Uw melding is afgehandeld; hieronder bij het verloop leest u wat er met uw melding is gedaan.',
  heropend: 'Uw melding is heropend en wordt opnieuw bekeken.',
};

/** Keep in step with MELDER_TEXT_MAX in apps/api/src/status/melder-windows.ts. */
export const MELDER_TEXT_MAX = 2000;

export const satisfactionTexts = {
  heading: 'Is uw melding opgelost?',
  yes: 'Ja',
  no: 'Nee',
  explanationLabel: 'Toelichting',
  explanationDescription:
    'Vertel kort wat er nog niet is opgelost. Uw melding gaat dan opnieuw naar het team dat de melding behandelde.',
  submit: 'Antwoord versturen',
  chooseAnswer: 'Kies ja of nee.',
  explanationRequired: 'Vertel kort wat er nog niet is opgelost.',
  explanationTooLong: `Uw toelichting mag hoogstens ${MELDER_TEXT_MAX} tekens lang zijn.`,
  error: 'Uw antwoord kon niet worden verstuurd. Controleer uw internetverbinding en probeer het opnieuw.',
  /** Shown above the status after the answer was stored. */
  thanksSolved: 'Bedankt voor uw antwoord. Fijn dat uw melding is opgelost.',
  thanksReopened: 'Bedankt voor uw antwoord. We hebben uw melding heropend; het team kijkt er opnieuw naar.',
  thanksRecorded: 'Bedankt voor uw antwoord. We hebben uw toelichting doorgegeven aan de coördinator.',
} as const;

export const answerTexts = {
  heading: 'Onze vraag aan u',
  askedAt: (when: string) => `Gesteld op ${when}`,
  answerLabel: 'Uw antwoord',
  answerDescription:
    'Uw antwoord komt bij de medewerker die uw melding behandelt en staat daarna in het verloop.',
  submit: 'Antwoord versturen',
  answerRequired: 'Vul uw antwoord in.',
  answerTooLong: `Uw antwoord mag hoogstens ${MELDER_TEXT_MAX} tekens lang zijn.`,
  closed:
    'Deze vraag kan niet meer online worden beantwoord. Neem contact op met de gemeente als u ons nog iets wilt laten weten.',
  error: 'Uw antwoord kon niet worden verstuurd. Controleer uw internetverbinding en probeer het opnieuw.',
  thanks: 'Bedankt voor uw antwoord. We gaan verder met uw melding.',
} as const;
