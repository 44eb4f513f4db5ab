// Every text of an e-mail that a melder reads, in Dutch (nl-NL), in one place so that it can be reviewed
// and translated. Templates only arrange these texts; they never contain Dutch words of their own.

export const mailTexts = {
  sender: 'Gemeente Soest – Buurtsignaal',
  greeting: 'Beste melder,',
  closing: 'Met vriendelijke groet,',
  signature: 'Gemeente Soest – Buurtsignaal',
  noReply: 'Dit is een automatisch bericht. U kunt op deze e-mail niet antwoorden.',
  urgent: 'Is er nu direct gevaar, of ziet u een misdrijf gebeuren? Bel dan meteen 112.',

  ontvangen: {
    subject: (reference: string) => `Uw melding ${reference} is ontvangen`,
    intro: 'Bedankt voor uw melding. We hebben hem goed ontvangen.',
    summaryHeading: 'Uw melding',
    referenceLabel: 'Nummer',
    categoryLabel: 'Soort',
    streetLabel: 'Straat',
    nextHeading: 'Wat gebeurt er nu?',
    next:
      'Uw melding gaat naar het team dat dienst heeft: de boa’s van de gemeente of de politie. ' +
      'Zij bekijken wat er nodig is. Verandert er iets aan uw melding, dan krijgt u van ons een e-mail.',
    statusHeading: 'Volg uw melding',
    statusWithLink: 'Via deze persoonlijke link ziet u hoe het met uw melding staat:',
    statusKeepLink:
      'Bewaar deze link goed en deel hem niet: iedereen met de link kan de status van uw melding zien.',
    statusWithoutLink:
      'Hoe het met uw melding staat, ziet u via de persoonlijke link die u kreeg toen u de melding deed. ' +
      'Bewaar die link goed.',
    referenceHint: (reference: string) => `Noem het nummer ${reference} als u contact met ons opneemt.`,
  },
} as const;
