// What a new installation starts with, so that officers do not type every message by hand and the
// active-hotspots list is not empty by design: standard texts per category and outcome, and one hotspot
// rule. Seeded once with fixed ids (db seedStarterContent): a coordinator edits or switches them off in
// the console, and a switched-off one stays off.

export interface StarterStandardText {
  id: string;
  /** null: for every category. */
  category: string | null;
  status: 'in_behandeling' | 'reactie_gevraagd' | 'doorgestuurd' | 'afgehandeld' | 'geannuleerd';
  title: string;
  body: string;
}

const id = (n: number) => `5eed0000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const starterStandardTexts: readonly StarterStandardText[] = [
  {
    id: id(1),
    category: null,
    status: 'in_behandeling',
    title: 'We gaan ermee aan de slag',
    body: 'We hebben uw melding opgepakt en gaan ermee aan de slag. U hoort van ons zodra er meer bekend is.',
  },
  {
    id: id(2),
    category: null,
    status: 'reactie_gevraagd',
    title: 'Meer informatie nodig',
    body:
      'Om u goed te kunnen helpen, willen we graag meer weten. Op welke dagen en tijden speelt dit meestal? ' +
      'En kunt u de plek zo precies mogelijk beschrijven?',
  },
  {
    id: id(3),
    category: null,
    status: 'doorgestuurd',
    title: 'Doorgestuurd naar de politie',
    body:
      'Uw melding hoort bij de politie. We hebben uw melding aan de politie doorgegeven; de politie neemt het ' +
      'verder op. Is er nu direct gevaar, bel dan 112.',
  },
  {
    id: id(4),
    category: 'woonoverlast',
    status: 'doorgestuurd',
    title: 'Doorgestuurd naar de woningcorporatie',
    body:
      'Uw melding gaat over een woning van een woningcorporatie. We hebben uw melding aan de corporatie ' +
      'doorgegeven; de corporatie neemt contact op met de bewoners.',
  },
  {
    id: id(5),
    category: 'jeugdoverlast',
    status: 'afgehandeld',
    title: "Boa's ter plaatse, gesprek met de jongeren",
    body:
      "Onze boa's zijn naar de plek gegaan die u noemde. Ze hebben met de jongeren gesproken en gevraagd " +
      'rekening te houden met de buurt. We houden de plek de komende tijd extra in de gaten. Blijft de ' +
      'overlast, meld het dan opnieuw.',
  },
  {
    id: id(6),
    category: 'jeugdoverlast',
    status: 'afgehandeld',
    title: 'Geen overlast meer aangetroffen',
    body:
      "Toen onze boa's ter plaatse kwamen, was er geen overlast meer te zien. We nemen de plek mee in onze " +
      'rondes. Gebeurt het weer, meld het dan meteen: hoe eerder we het weten, hoe beter we kunnen optreden.',
  },
  {
    id: id(7),
    category: 'woonoverlast',
    status: 'afgehandeld',
    title: 'Gesprek met de bewoners gevoerd',
    body:
      'Naar aanleiding van uw melding hebben we met de betrokken bewoners gesproken en afspraken gemaakt. ' +
      'Merkt u dat de overlast doorgaat, meld het dan opnieuw: dan kijken we welke stap nodig is.',
  },
  {
    id: id(8),
    category: 'verdachte_situatie',
    status: 'afgehandeld',
    title: 'Gekeken, niets verdachts aangetroffen',
    body:
      'Er is naar aanleiding van uw melding ter plaatse gekeken. Er is niets strafbaars aangetroffen. ' +
      'Bedankt voor uw oplettendheid. Ziet u opnieuw iets verdachts dat nu gebeurt, bel dan meteen 112.',
  },
  {
    id: id(9),
    category: null,
    status: 'geannuleerd',
    title: 'Al eerder gemeld',
    body:
      'Deze situatie is al eerder bij ons gemeld en we zijn er al mee bezig. Daarom sluiten we deze ' +
      'melding; de eerdere melding behandelen we verder.',
  },
];

export const starterHotspotRule = {
  id: id(100),
  name: 'Vijf meldingen in vier weken op één plek',
  category: null,
  subcategory: null,
  // H3 resolution 9: a cell of about 0.1 km², a street corner or a small park.
  resolution: 9,
  minCount: 5,
  windowDays: 28,
  active: true,
} as const;
