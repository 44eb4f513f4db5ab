// Every text of the API that a resident reads, in Dutch (nl-NL). Field messages of the intake form come
// from @buurtsignaal/core (shared with the web app).

const MB = 1024 * 1024;

export const errorTexts = {
  validation: 'Niet alle gegevens zijn goed ingevuld. Controleer de velden en probeer het opnieuw.',
  invalidJson: 'De melding is niet goed doorgekomen (ongeldige JSON). Probeer het opnieuw.',
  unsupportedContentType:
    'Dit soort bericht kunnen we niet verwerken. Stuur de melding als JSON of als formulier met foto’s.',
  bodyTooLarge: 'De melding is te groot. Verklein de tekst of stuur minder of kleinere foto’s.',
  notFound: 'Deze pagina of dit adres bestaat niet.',
  rateLimited:
    'U heeft in korte tijd veel meldingen verstuurd. Wacht een paar minuten en probeer het dan opnieuw.',
  requestTimeout: 'Het versturen duurde te lang. Probeer het opnieuw.',
  badRequest: 'De aanvraag is ongeldig. Probeer het opnieuw.',
  // Says nothing about what was stored: on most routes it is not known (the intake says it when it is).
  internal: 'Er ging bij ons iets mis. Probeer het over een paar minuten opnieuw.',
  unavailable: 'Buurtsignaal is even niet bereikbaar. Probeer het over een paar minuten opnieuw.',
} as const;

export const intakeTexts = {
  outsideMunicipality:
    'Deze plek ligt buiten de gemeente Soest. Kies een plek in Soest, Soesterberg of Soestduinen.',
  occurredInFuture: 'Het tijdstip ligt in de toekomst. Kies een tijdstip dat al geweest is.',
  meldingFieldMissing: 'Het formulier mist het veld "melding" met de gegevens van uw melding.',
  meldingFieldTooLarge: 'De gegevens van de melding zijn te groot.',
  multipartBoundaryMissing:
    'Het formulier is niet goed verstuurd: de scheiding tussen de onderdelen (boundary) ontbreekt of is ongeldig.',
  multipartIncomplete: 'Het formulier is niet volledig aangekomen. Probeer het opnieuw.',
  fileTooLarge: (maxBytes: number) =>
    `Een foto is te groot. Een foto mag hoogstens ${Math.round(maxBytes / MB)} MB zijn.`,
  tooManyFiles: (max: number) => `U kunt hoogstens ${max} foto’s meesturen.`,
  tooManyParts: 'Het formulier bevat te veel onderdelen.',
  tooManyFields: 'Het formulier bevat te veel velden.',
  photoUnsupported: 'Dit bestand is geen foto die we kunnen gebruiken. Stuur een foto als JPEG, PNG of WebP.',
  photoHeic:
    'Foto’s in HEIC-formaat (iPhone) kunnen we niet openen. Stuur de foto als JPEG: kies op uw iPhone bij ' +
    'Instellingen › Camera › Formaten voor ‘Meest compatibel’, of maak een schermafbeelding van de foto.',
  photoTooManyPixels: (maxPixels: number) =>
    `Een foto heeft te veel beeldpunten (meer dan ${
      maxPixels >= 1_000_000
        ? `${Math.floor(maxPixels / 1_000_000)} megapixel`
        : `${maxPixels.toLocaleString('nl-NL')} beeldpunten`
    }). Verklein de foto en probeer het opnieuw.`,
  photoUnreadable: 'Een foto kon niet worden gelezen. Misschien is het bestand beschadigd.',
  // A failed intake says what we know of the melding: certainly not stored, or not known.
  notStored:
    'Er ging bij ons iets mis. Uw melding is niet opgeslagen. Probeer het over een paar minuten opnieuw.',
  notStoredUnavailable:
    'Buurtsignaal is even niet bereikbaar. Uw melding is niet opgeslagen. Probeer het over een paar minuten opnieuw.',
  outcomeUnknown:
    'De verbinding met onze database viel weg terwijl uw melding werd opgeslagen. We weten daardoor niet ' +
    'zeker of uw melding is opgeslagen. Verstuur de melding opnieuw: is die al opgeslagen, dan krijgt u ' +
    'hetzelfde nummer en wordt de melding niet dubbel opgeslagen.',
  outcomeUnknownWithoutKey:
    'De verbinding met onze database viel weg terwijl uw melding werd opgeslagen. We weten daardoor niet ' +
    'zeker of uw melding is opgeslagen. Heeft u een e-mailadres opgegeven, kijk dan eerst of u een ' +
    'bevestiging krijgt voordat u de melding opnieuw verstuurt.',
  idempotencyKeyInvalid: 'De Idempotency-Key moet 1 tot 255 leesbare tekens lang zijn.',
  idempotencyKeyReused:
    'Deze Idempotency-Key is al gebruikt voor een andere melding. Gebruik een nieuwe sleutel.',
  idempotencyInFlight: 'Deze melding wordt nog verwerkt. Wacht even en probeer het dan opnieuw.',
  replayUnavailable:
    'Deze melding is al ontvangen, maar het antwoord kan niet opnieuw worden getoond. Kijk in uw e-mail voor de statuslink.',
} as const;

export const statusTexts = {
  notFound: 'We kunnen geen melding vinden bij deze link. Controleer of u de volledige link gebruikt.',
  lookupRateLimited:
    'U heeft in korte tijd heel vaak een status opgevraagd. Wacht een minuut en probeer het dan opnieuw.',
} as const;

/** The melder's answer to a question and "Is uw melding opgelost?" on the status page. */
export const melderActionTexts = {
  answerRequired: 'Vul uw antwoord in.',
  answerTooLong: (max: number) => `Uw antwoord mag hoogstens ${max} tekens lang zijn.`,
  explanationRequired: 'Vertel kort wat er nog niet is opgelost.',
  explanationTooLong: (max: number) => `Uw toelichting mag hoogstens ${max} tekens lang zijn.`,
  solvedRequired: 'Kies ja of nee.',
  noOpenQuestion:
    'Er staat op dit moment geen vraag voor u open. Misschien heeft u de vraag al beantwoord; kijk hieronder bij het verloop van uw melding.',
  questionExpired: (days: number) =>
    `De vraag kan niet meer online worden beantwoord: dat kan tot ${days} dagen nadat we de vraag stelden. Neem contact op met de gemeente als u ons nog iets wilt laten weten.`,
  feedbackNotClosed:
    'U kunt deze vraag nu niet beantwoorden, omdat uw melding niet is afgehandeld. Kijk hieronder bij het verloop van uw melding.',
  feedbackAlreadyGiven: 'U heeft deze vraag al beantwoord. Bedankt voor uw antwoord.',
  feedbackExpired: (days: number) =>
    `Deze vraag kan niet meer worden beantwoord: dat kan tot ${days} dagen nadat uw melding is afgehandeld. Is er opnieuw overlast? Doe dan een nieuwe melding.`,
} as const;

/** The embedded default's development mailbox (runtime/dev-mailbox.routes.ts). */
export const devMailboxTexts = {
  localOnly:
    'De ontwikkel-mailbox is alleen te openen op de computer waarop Buurtsignaal draait (via localhost).',
} as const;
