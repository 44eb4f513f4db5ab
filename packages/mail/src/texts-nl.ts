import { type MeldingStatus, statusLabels } from '@buurtsignaal/core';

// Every text of an e-mail that a melder reads, in Dutch (nl-NL), in one place so that it can be reviewed
// and translated. Templates only arrange these texts; they never contain Dutch words of their own.

const viaIntakeLink = 'via de persoonlijke link die u kreeg toen u de melding deed';

/**
 * The new status in the subject line, lower case after the reference: the melder's status labels
 * (core's statusLabels, so a cancelled melding reads as handled, GLOSSARY.md), except the question,
 * which a subject spells out.
 */
const subjectStatus = Object.fromEntries(
  Object.entries(statusLabels).map(([status, label]) => [
    status,
    status === 'reactie_gevraagd' ? 'er is een vraag aan u' : label.toLowerCase(),
  ]),
) as Record<MeldingStatus, string>;

export const mailTexts = {
  sender: 'Gemeente Soest – Buurtsignaal',
  // One voice in every mail: greeted plainly (no "Beste melder"), addressed as "u", the melding is
  // "uw melding" (never "hem" or "haar"; texts-voice.test.ts checks it).
  greeting: 'Goedendag,',
  closing: 'Met vriendelijke groet,',
  signature: 'Gemeente Soest – Buurtsignaal',
  noReply: 'Dit is een automatisch bericht. U kunt op deze e-mail niet antwoorden.',
  urgent: 'Is er nu direct gevaar, of ziet u een misdrijf gebeuren? Bel dan meteen 112.',
  referenceHint: (reference: string) => `Noem het nummer ${reference} als u contact met ons opneemt.`,

  summary: {
    heading: 'Uw melding',
    referenceLabel: 'Nummer',
    categoryLabel: 'Soort',
    streetLabel: 'Straat',
    statusLabel: 'Status',
  },

  statusLink: {
    heading: 'Volg uw melding',
    withLink: 'Via deze persoonlijke link ziet u hoe het met uw melding staat:',
    keepLink:
      'Bewaar deze link goed en deel de link met niemand: iedereen met de link kan de status van uw melding zien.',
    withoutLink: `Hoe het met uw melding staat, ziet u ${viaIntakeLink}. Bewaar die link goed.`,
  },

  ontvangen: {
    subject: (reference: string) => `Uw melding ${reference} is ontvangen`,
    intro: 'Bedankt voor uw melding. We hebben uw melding goed ontvangen.',
    nextHeading: 'Wat gebeurt er nu?',
    /** When the mail cannot say who picks it up and when (core's pickup sentence is used otherwise). */
    next:
      'Uw melding staat in de werkvoorraad van het team dat erover gaat: de boa’s van de gemeente of de politie. ' +
      'Zij bekijken wat er nodig is zodra zij aan het werk zijn. Verandert er iets aan uw melding, dan krijgt u van ons een e-mail.',
    updates: 'Verandert er iets aan uw melding, dan krijgt u van ons een e-mail.',
  },

  statusGewijzigd: {
    subject: (reference: string, status: MeldingStatus) =>
      `Uw melding ${reference}: ${subjectStatus[status]}`,
    subjectStatus,
    /** What happened, in plain words; the first sentence of the mail. */
    intro: {
      gemeld: 'Uw melding is ontvangen.',
      ingedeeld: 'Uw melding is ontvangen en ligt bij het team dat erover gaat.',
      in_behandeling: 'Een medewerker is met uw melding aan de slag.',
      reactie_gevraagd: 'We hebben een vraag over uw melding.',
      doorgestuurd:
        'We hebben uw melding doorgestuurd naar de organisatie die erover gaat, bijvoorbeeld de politie of de woningcorporatie.',
      afgehandeld: 'We hebben uw melding afgehandeld.',
      geannuleerd: 'We hebben uw melding afgehandeld.',
      heropend: 'We hebben uw melding opnieuw geopend. Het team kijkt er nog een keer naar.',
    } satisfies Record<MeldingStatus, string>,
    messageHeading: 'Bericht van de behandelaar',
    /** Above the melder's own words (their reason to reopen), so that nobody mistakes them for ours. */
    melderWordsHeading: 'Wat u ons liet weten',
    questionHeading: 'Onze vraag',
    forwardedHeading: 'Naar wie en waarom',
    /** geannuleerd without a public message: the melder still deserves a reason in general terms. */
    cancelledWithoutMessage:
      'We ondernemen er geen verdere actie op. Dat kan zijn omdat dezelfde situatie al eerder is gemeld, ' +
      'of omdat de melding niet bij de gemeente of de politie hoort.',
    /** Above the changes that this one mail also tells of (they followed each other within minutes). */
    earlierHeading: 'Ook veranderd sinds ons vorige bericht',
    answerHeading: 'Uw antwoord',
    answerWithLink: 'Beantwoord de vraag via deze link:',
    answerWithoutLink: `Beantwoord de vraag ${viaIntakeLink}.`,
    feedbackHeading: 'Is uw melding opgelost?',
    feedbackWithLink: 'Is uw melding opgelost? Laat het ons weten:',
    feedbackWithoutLink: `Is uw melding opgelost? Laat het ons weten ${viaIntakeLink}.`,
  },
} as const;
