// The hotspot map and rules, and the weekly overview (coordinator, veiligheidsoverleg), in Dutch (nl-NL).

export const hotspotTexts = {
  bboxInvalid:
    'Geef het kaartvenster op als minLng,minLat,maxLng,maxLat (graden), met min kleiner dan max en elke zijde hoogstens 1 graad.',
  periodInvalid:
    'De periode klopt niet: "van" moet vóór "tot" liggen en de periode mag hoogstens 3 jaar zijn.',
  subcategoryInvalid: (sub: string) => `De subcategorie "${sub}" hoort niet bij de gekozen categorie.`,
  subcategoryWithoutCategory: 'Kies eerst een categorie bij de subcategorie.',
  cellInvalid: 'Dit is geen geldige H3-cel met resolutie 7 tot en met 10.',
  ruleNotFound: 'Deze hotspotregel bestaat niet.',
} as const;

export const reportTexts = {
  weekInvalid: 'Deze week bestaat niet. Geef een ISO-week als 2026-W48.',
  outsideWijk: 'Buiten de wijken',
  total: 'Totaal',
  yes: 'Ja',
  no: 'Nee',
  byMelder: 'Melder',
  byStaff: 'Medewerker',
  everyCategory: 'Alle categorieën',
  csv: {
    title: ['Weekoverzicht', 'Van', 'Tot en met'],
    perCategory: 'Meldingen per categorie',
    perCategoryHeader: ['Categorie', 'Aantal', 'Gemiddelde 4 weken ervoor', 'Verschil', 'Verschil %'],
    perWijk: 'Meldingen per wijk',
    perWijkHeader: ['Wijk', 'Aantal', 'Gemiddelde 4 weken ervoor', 'Verschil', 'Verschil %'],
    pastDeadline: 'Open meldingen over de afhandeltermijn',
    pastDeadlineHeader: ['Referentie', 'Categorie', 'Team', 'Afhandeltermijn', 'Dagen te laat'],
    reopened: 'Heropende meldingen',
    reopenedHeader: ['Referentie', 'Categorie', 'Heropend op', 'Door'],
    satisfaction: 'Tevredenheid',
    satisfactionHeader: ['Antwoord', 'Aantal'],
    notable: 'Opvallende meldingen',
    notableHeader: ['Referentie', 'Categorie', 'Wijk', 'Reden'],
    coverageGaps: 'Gaten in de bezetting (niemand in dienst binnen de te dekken uren)',
    coverageGapsHeader: ['Team', 'Van', 'Tot', 'Minuten'],
    hotspots: 'Hotspots',
    hotspotsHeader: ['Cel', 'Wijk', 'Categorie', 'Sinds', 'Aantal'],
    meldingenHeader: [
      'Referentie',
      'Gemeld op',
      'Categorie',
      'Subcategorie',
      'Wijk',
      'Status',
      'Team',
      'Prioriteit',
      'Afhandeltermijn',
      'Heropend',
      'Opvallend',
    ],
  },
} as const;
