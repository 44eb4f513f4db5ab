/** Every text of the location step, in one place for review and translation. */
export const locationTexts = {
  gpsButton: 'Gebruik mijn locatie',
  gpsBusy: 'Uw locatie wordt bepaald…',
  gpsAccuracy: (meters: number) => `Nauwkeurigheid: ongeveer ${meters} meter`,
  gpsDenied:
    'U heeft geen toestemming gegeven om uw locatie te gebruiken. Kies de plek op de kaart of zoek een adres.',
  gpsUnavailable: 'Uw locatie kon niet worden bepaald. Kies de plek op de kaart of zoek een adres.',
  gpsTimeout:
    'Het bepalen van uw locatie duurde te lang. Probeer het opnieuw, kies de plek op de kaart of zoek een adres.',
  gpsUnsupported: 'Uw browser kan uw locatie niet doorgeven. Kies de plek op de kaart of zoek een adres.',

  searchLabel: 'Zoek een adres',
  searchDescription: 'Typ een straat en huisnummer in Soest en kies een adres uit de lijst.',
  searchListLabel: 'Gevonden adressen',
  suggestionCount: (n: number) => (n === 1 ? '1 suggestie' : `${n} suggesties`),
  noSuggestions: 'Geen adressen gevonden',
  searchFailed:
    'Het zoeken naar adressen lukt nu niet. Gebruik uw locatie, of kies hieronder uw wijk en beschrijf de plek.',
  lookupFailed: 'Dit adres kon niet worden opgehaald. Probeer het opnieuw of kies de plek op de kaart.',

  mapLabel: 'Kaart: tik op de plek van de overlast',
  mapHint:
    'Tik of klik op de kaart om een speld te plaatsen; u kunt de speld verslepen. De kaart is niet nodig als u een adres zoekt.',
  zoomIn: 'Inzoomen',
  zoomOut: 'Uitzoomen',
  mapMarker: 'Speld op de gekozen plek',
  mapUnavailable:
    'De kaart en het zoeken naar adressen zijn nu niet beschikbaar. Gebruik uw locatie of probeer het later opnieuw.',
  loading: 'Kaart laden…',
  mapFailed:
    'De kaart kan nu niet worden geladen. Gebruik uw locatie, zoek een adres, of kies hieronder uw wijk en beschrijf de plek.',

  wijkLegend: 'Geen kaart of adres? Kies uw wijk en beschrijf de plek',
  wijkIntro:
    'Dit werkt altijd, ook zonder kaart en zonder adres. De boa zoekt de plek dan aan de hand van uw beschrijving.',
  wijkLabel: 'Wijk',
  wijkChoose: 'Kies een wijk',
  placeLabel: 'Beschrijving van de plek',
  placeHint: 'Bijvoorbeeld: bij het speelveld achter de Albert Heijn.',
  chosenApproximate: (wijk: string, description: string) =>
    description.trim() ? `Ongeveer: wijk ${wijk} — ‘${description.trim()}’` : `Ongeveer: wijk ${wijk}`,
  placeRequired:
    'Beschrijf de plek in de gekozen wijk, bijvoorbeeld: bij het speelveld achter de Albert Heijn.',

  chosenHeading: 'Gekozen plek',
  chosenAddress: (address: string) => `Adres: ${address}`,
  nearestAddress: (address: string) => `Dichtstbijzijnde adres: ${address}`,
  chosenOnMap: (lat: number, lng: number) =>
    `Gekozen plek op de kaart (${lat.toFixed(5)}, ${lng.toFixed(5)})`,
  chosenByGps: (lat: number, lng: number) => `Uw locatie (${lat.toFixed(5)}, ${lng.toFixed(5)})`,
  reverseBusy: 'Het dichtstbijzijnde adres wordt opgezocht…',
  reverseFailed: 'Het adres bij deze plek kon niet worden gevonden. De plek zelf is wel gekozen.',
  nothingChosen: 'Nog geen plek gekozen.',
  clearButton: 'Andere plek kiezen',

  outsideMunicipality:
    'Deze plek ligt buiten de gemeente Soest. Meld overlast buiten Soest bij de gemeente waar het gebeurt.',
} as const;
