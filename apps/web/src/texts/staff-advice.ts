import { plural } from './plural.ts';

/** Texts of the roster advice (Roosteradvies, issue 13), the officer's patrol tasks and the week section. */
export const staffAdviceTexts = {
  nav: 'Roosteradvies',
  heading: 'Roosteradvies',
  headingFor: (team: string, week: number, year: number) => `Roosteradvies ${team}, week ${week} (${year})`,
  intro: (weeks: number) =>
    `Waar en wanneer bewoners de afgelopen ${weeks} weken overlast meldden, naast het rooster van de week. ` +
    'Alleen plekken en tijden, nooit personen. Meldingen van medewerkers tellen niet mee.',
  team: 'Team',
  week: 'Week',
  print: 'Afdrukken',
  csv: 'Download CSV',
  csvNote: 'Voor het veiligheidsoverleg; zonder contactgegevens.',
  noTeams: 'Er zijn nog geen teams.',
  patrolHeading: 'Patrouillevensters',
  patrolIntro:
    'Tijden waarin iemand in dienst is en meldingen zich ophopen: korte bezoeken van 10–15 minuten op willekeurige momenten, minstens elke twee uur.',
  patrolNone: 'Geen patrouillevensters voor deze week.',
  proposalHeading: 'Roostervoorstellen',
  proposalIntro: 'Pieken in meldingen waarin niemand van het team in dienst is.',
  proposalNone: 'Geen roostervoorstellen voor deze week.',
  windowTitle: (date: string, from: string, to: string) => `${date} ${from}–${to}`,
  shiftLine: (label: string, start: string, end: string) => `Dienst: ${label} ${start}–${end}`,
  placesCaption: (title: string) => `Plekken van ${title}`,
  colPlace: 'Plek',
  colWindow: 'In dit venster',
  colTotal: 'Totaal',
  colTrend: 'Trend',
  colCaution: 'Let op',
  trend: { stijgend: 'stijgend', dalend: 'dalend', gelijk: 'gelijk' } as Record<string, string>,
  count: (n: number) => `${n} ${plural(n, 'melding', 'meldingen')}`,
  matrixCaption: (place: string) => `Meldingen per weekdag en uur in ${place}`,
  matrixSummary: 'Weekdag × uur van deze plek',
  visitsHeading: 'Geplande bezoeken',
  visitLine: (time: string, place: string, minutes: number) => `${time} ${place} (${minutes} min)`,
  suggested: (names: string) => `Voorgesteld: ${names}`,
  noSuggested: 'Niemand voorgesteld.',
  accept: 'Aannemen',
  edit: 'Aanpassen',
  reject: 'Afwijzen',
  cancel: 'Annuleren',
  acceptEdited: 'Aangepast aannemen',
  confirmReject: 'Afwijzing opslaan',
  reason: 'Reden',
  reasonHint: 'Bijvoorbeeld: te weinig meldingen, evenement.',
  keepPlaces: 'Welke plekken houden?',
  members: 'Wie werkt deze dienst?',
  start: 'Begintijd',
  end: 'Eindtijd',
  dates: 'Op welke dagen?',
  chooseOne: 'Kies er minstens één.',
  decided: {
    accepted: (by: string, at: string) => `Aangenomen${by ? ` door ${by}` : ''} op ${at}.`,
    rejected: (by: string, at: string) => `Afgewezen${by ? ` door ${by}` : ''} op ${at}.`,
  },
  reasonLine: (r: string) => `Reden: ${r}`,
  announced: {
    accepted: (what: string, tasks: number) =>
      tasks > 0
        ? `Aangenomen: ${what}. ${tasks} ${plural(tasks, 'patrouilletaak', 'patrouilletaken')} op de dienst gezet.`
        : `Aangenomen: ${what}.`,
    rejected: (what: string) => `Afgewezen: ${what}.`,
  },
  evaluationHeading: 'Evaluatie',
  evaluationIntro:
    'Aangenomen patrouillevensters van de afgelopen 13 weken die voorbij zijn: meldingen op de bezochte plekken, vergeleken met vergelijkbare plekken en de buurvakken.',
  evaluationNone: 'Nog geen aangenomen patrouillevensters die voorbij zijn.',
  evaluationTitle: (date: string, from: string, to: string, places: string) =>
    `${date} ${from}–${to}: ${places}`,
  // The officer's patrol tasks (queue page).
  tasks: {
    heading: 'Patrouille vandaag',
    intro: 'Korte bezoeken van 10–15 minuten. Alleen uw tik op “Bezocht” wordt bewaard, geen locatie.',
    none: 'Vandaag geen patrouilletaken.',
    line: (time: string, place: string, minutes: number) => `${time} ${place}, ${minutes} min`,
    team: (team: string) => `Team ${team}`,
    openMap: (place: string) => `Open ${place} in een kaart-app`,
    visited: 'Bezocht',
    visitedLabel: (place: string, time: string) => `Bezocht: ${place} om ${time}`,
    visitedAt: (time: string) => `bezocht om ${time}`,
    announced: (place: string, time: string) => `${place} bezocht om ${time}.`,
    mapLabel: (place: string) => `Kaart van ${place}`,
  },
  // The weekly overview's section.
  weekSection: {
    heading: 'Roosteradvies',
    intro: 'Per team: het advies voor deze week en de evaluatie van aangenomen vensters.',
    counts: (windows: number, proposals: number) =>
      `${windows} ${plural(windows, 'patrouillevenster', 'patrouillevensters')}, ${proposals} ${plural(proposals, 'roostervoorstel', 'roostervoorstellen')}`,
    decisions: (accepted: number, rejected: number, open: number) =>
      `${accepted} aangenomen, ${rejected} afgewezen, ${open} nog open`,
    thisWeek: 'Evaluatie van vensters in deze week',
    quarter: 'Evaluatie over het kwartaal (13 weken)',
    noneThisWeek: 'Geen geëvalueerde vensters in deze week.',
    link: (team: string) => `Roosteradvies ${team} openen`,
  },
};
