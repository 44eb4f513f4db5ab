// Every text of the hotspot API that an officer or coordinator reads, in Dutch (nl-NL).

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
