import { plural } from './plural.ts';

/** Texts of the public report form (/), step by step, and its confirmation page. */
export const formTexts = {
  progress: {
    label: 'Voortgang',
    stepOf: (step: number, total: number) => `Stap ${step} van ${total}`,
    done: '(klaar)',
    current: '(huidige stap)',
  },
  nav: {
    next: 'Volgende',
    previous: 'Vorige',
    toReview: 'Naar controleren',
    submit: 'Versturen',
  },
  steps: {
    category: 'Wat wilt u melden?',
    location: 'Waar?',
    details: 'Wat is er aan de hand?',
    contact: 'Contact',
    review: 'Controleren en versturen',
  },
  intro:
    'Ziet of hoort u jeugdoverlast, woonoverlast of een verdachte situatie? Meld het hier. U krijgt een referentie en een persoonlijke link om te volgen wat er met uw melding gebeurt.',
  category: {
    legend: 'Kies het onderwerp',
    required: 'Kies wat u wilt melden.',
  },
  location: {
    loading: 'De kaart wordt geladen…',
    loadError: 'Dit onderdeel kon niet worden geladen. Controleer uw verbinding en probeer het opnieuw.',
    retry: 'Opnieuw proberen',
    outsideMunicipality:
      'Deze plek ligt buiten de gemeente Soest. Kies een plek in Soest, Soesterberg of Soestduinen.',
  },
  details: {
    subcategoryLegend: 'Wat voor soort melding is het?',
    subcategoryNone: 'Weet ik niet of iets anders',
    questionsHeading: 'Vragen',
    yes: 'Ja',
    no: 'Nee',
    numberHint: (min: number, max: number) => `Een getal van ${min} tot en met ${max}.`,
    optional: '(niet verplicht)',
    description: 'Omschrijving',
    descriptionHint: (min: number, max: number) =>
      `Beschrijf wat u ziet of hoort: wie, wat en hoe. Minstens ${min} en hoogstens ${max} tekens. Zet hier geen gegevens van uzelf in.`,
    counterTooShort: (n: number) => `Typ nog minstens ${n} ${plural(n, 'teken', 'tekens')}`,
    counterLeft: (n: number) => `Nog ${n} ${plural(n, 'teken', 'tekens')}`,
    counterTooMany: (n: number) => `${n} ${plural(n, 'teken', 'tekens')} te veel`,
    whenLegend: 'Wanneer gebeurde het?',
    whenNow: 'Nu, of net',
    whenEarlier: 'Eerder',
    date: 'Datum',
    time: 'Tijd',
    dateTimeRequired: 'Vul de datum en de tijd in.',
    dateTimeInvalid: 'Vul een geldige datum en tijd in.',
    inFuture: 'Het tijdstip ligt in de toekomst. Kies een tijdstip dat al geweest is.',
    photosHeading: 'Foto’s',
    photosHint: (max: number) =>
      `Niet verplicht. Hoogstens ${max} foto’s. We verkleinen de foto’s op uw telefoon en halen de locatiegegevens eruit. Maak geen foto’s als dat onveilig is.`,
    addPhotos: 'Foto’s kiezen',
    takePhoto: 'Maak een foto',
    photoAlt: (i: number, n: number) => `Foto ${i} van ${n}`,
    removePhoto: (i: number) => `Verwijder foto ${i}`,
    photoProcessing: 'Foto wordt verwerkt…',
    photoUndecodable: (name: string) =>
      `‘${name}’ kunnen we niet openen als foto. Kies een foto als JPEG, PNG of WebP, of maak een schermafbeelding van de foto.`,
    photoLimit: (max: number) =>
      `U kunt hoogstens ${max} foto’s toevoegen. De overige foto’s zijn niet toegevoegd.`,
    photoMaxReached: (max: number) =>
      `U heeft ${max} foto’s toegevoegd. Verwijder een foto om een andere te kiezen.`,
    photoAdded: (n: number) => `${n} ${plural(n, 'foto', 'foto’s')} toegevoegd.`,
    photoRemoved: 'Foto verwijderd.',
  },
  contact: {
    intro:
      'U mag anoniem melden. Laat u uw gegevens achter, dan kunnen we u een vraag stellen over uw melding en u laten weten wat ermee gebeurt.',
    choiceLegend: 'Wilt u uw gegevens achterlaten?',
    anonymous: 'Ik meld anoniem',
    anonymousHint: 'U krijgt wel een referentie en een persoonlijke link om de status te volgen.',
    withDetails: 'Ik laat mijn gegevens achter',
    choiceRequired: 'Kies of u anoniem meldt of uw gegevens achterlaat.',
    email: 'E-mailadres',
    emailHint: 'Bijvoorbeeld naam@voorbeeld.nl.',
    phone: 'Telefoonnummer',
    phoneHint: 'Bijvoorbeeld 06 12345678. Alleen als we u mogen bellen over deze melding.',
    needOne: 'Vul een e-mailadres of telefoonnummer in, of kies ‘Ik meld anoniem’.',
    wantsFeedback: 'Houd mij op de hoogte',
    wantsFeedbackHint:
      'U krijgt een e-mail als er iets verandert aan uw melding. Alleen mogelijk met een e-mailadres.',
    privacyHeading: 'Wat doen we met uw gegevens?',
    privacy: [
      'We bewaren uw melding: wat er aan de hand is, waar, wanneer en uw foto’s. Daarmee handelen boa’s en politie uw melding af, en zien we waar overlast vaak voorkomt.',
      'Uw e-mailadres en telefoonnummer bewaren we apart van de melding. Alleen wie uw melding behandelt, kan ze zien. Een tijd nadat uw melding is afgehandeld, verwijderen we ze.',
      'De persoonlijke statuslink werkt ook als u anoniem meldt. Bewaar die link goed: wie de link heeft, kan de status zien.',
    ],
  },
  review: {
    intro: 'Controleer uw melding. Klopt alles? Verstuur de melding dan.',
    category: 'Onderwerp',
    location: 'Locatie',
    details: 'Wat er aan de hand is',
    contact: 'Contactgegevens',
    editCategory: 'Wijzig onderwerp',
    editLocation: 'Wijzig locatie',
    editDetails: 'Wijzig wat er aan de hand is',
    editContact: 'Wijzig contactgegevens',
    subcategory: 'Soort',
    description: 'Omschrijving',
    when: 'Wanneer',
    now: 'Nu, of net',
    photos: 'Foto’s',
    noPhotos: 'Geen foto’s',
    notAnswered: 'Niet ingevuld',
    anonymous: 'Anoniem',
    email: 'E-mailadres',
    phone: 'Telefoonnummer',
    wantsFeedback: 'Op de hoogte houden',
    coordinates: (lat: number, lng: number) =>
      `Punt op de kaart (${lat.toFixed(5).replace('.', ',')}; ${lng.toFixed(5).replace('.', ',')})`,
    accuracy: (m: number) => `nauwkeurig tot op ongeveer ${Math.round(m)} meter`,
    sourceGps: 'uw locatie',
    sourceMap: 'gekozen op de kaart',
    sourceAddress: 'gekozen adres',
    sourceWijk: 'ongeveer: alleen de wijk en uw beschrijving',
  },
  submit: {
    sending: 'Uw melding wordt verstuurd…',
    retrying: 'We proberen het opnieuw…',
    retryingIn: (s: number) =>
      `Het versturen lukte niet. We proberen het opnieuw over ${s} ${plural(s, 'seconde', 'seconden')}…`,
    offline: 'U bent offline. Uw melding wordt verstuurd zodra uw telefoon weer verbinding heeft.',
    failed: 'Uw melding is niet verstuurd.',
    unknownError: 'Er ging iets mis bij het versturen. Probeer het opnieuw.',
    invalidResponse:
      'Uw melding is ontvangen, maar het antwoord van de server kon niet worden gelezen. Verstuur de melding niet opnieuw; neem bij vragen contact op met de gemeente.',
    checkFields: 'Niet alle gegevens zijn goed ingevuld. Controleer de velden en probeer het opnieuw.',
  },
  confirmation: {
    title: 'Melding ontvangen',
    heading: 'Bedankt, uw melding is ontvangen',
    referenceLabel: 'Uw referentie',
    nextHeading: 'Wat gebeurt er nu?',
    /** With the server's pickup sentence (who picks it up and when), this closes the list. */
    nextStatusLink: 'Via uw persoonlijke statuslink ziet u wat er met uw melding gebeurt.',
    next: [
      // Only when the intake reply could not say who picks it up and when: the melding reaches the
      // team's queue at once, not necessarily someone at work at this moment.
      'Uw melding staat meteen in de werkvoorraad van het team dat erover gaat: de boa’s van de gemeente of de politie.',
      'Zij bekijken uw melding zodra zij aan het werk zijn en gaan, als dat nodig is, ter plaatse. Is er nu gevaar? Bel 112.',
      'Via uw persoonlijke statuslink ziet u wat er met uw melding gebeurt.',
    ],
    nextEmail: 'Omdat u op de hoogte wilt blijven, krijgt u ook een e-mail als er iets verandert.',
    linkHeading: 'Bewaar deze link',
    linkText:
      'Met deze persoonlijke link volgt u uw melding, ook als u anoniem heeft gemeld. Deel de link niet met anderen.',
    copy: 'Kopieer de link',
    copied: 'De link is gekopieerd.',
    copyFailed: 'Kopiëren lukte niet. Selecteer de link en kopieer die zelf.',
    openStatus: 'Bekijk de status van uw melding',
    newMelding: 'Nog een melding doen',
  },
  draftRestored: 'We hebben uw melding van de vorige keer teruggezet. U kunt verdergaan waar u was.',
  restoredOk: 'Verder met deze melding',
  startOver: 'Opnieuw beginnen',
  startOverConfirm: 'Weet u zeker dat u opnieuw wilt beginnen? Wat u heeft ingevuld, wordt gewist.',
} as const;
