// Rosters, calendar feeds, areas and routing rules (coordinator, officers), in Dutch (nl-NL).

export const rosterTexts = {
  teamNotFound: 'Dit team bestaat niet.',
  patternNotFound: 'Dit dienstpatroon bestaat niet (meer) bij dit team.',
  overrideNotFound: 'Deze roosterwijziging bestaat niet of is al ingetrokken.',
  feedNotFound: 'Deze agenda-link bestaat niet (meer).',
  notAMember: (ids: readonly string[]) =>
    `Niet iedereen is lid van dit team (${ids.join(', ')}); voeg hen eerst toe aan het team.`,
  unknownStaff: (ids: readonly string[]) => `Onbekende medewerker(s): ${ids.join(', ')}.`,
  stillPlanned: (name: string, labels: readonly string[]) =>
    `${name} staat nog ingeroosterd in ${labels.map((l) => `"${l}"`).join(', ')}. Haal ${name} eerst uit ${labels.length === 1 ? 'die dienst' : 'die diensten'}; daarna kan ${name} uit het team.`,
  unknownFallback: 'Het terugvalteam bestaat niet.',
  fallbackSelf: 'Een team kan niet zijn eigen terugvalteam zijn.',
  overrideNotApplied:
    'Deze wijziging is niet toegepast: er is op die datum geen passende dienst met deze medewerker.',
  editInPast: 'Een wijziging geldt vanaf vandaag of later; het verleden wordt niet herschreven.',
  rangeInvalid: 'De einddatum ligt vóór de begindatum, of de periode is langer dan 62 dagen.',
  icsFileRequired: 'Stuur een .ics-bestand mee (veld "file").',
  icsNotText: 'Het bestand is geen tekstbestand (iCalendar, UTF-8).',
  summary: {
    swap: (from: string, to: string) => `Ruil: ${from} → ${to}`,
    ziek: (who: string) => `Ziek: ${who}`,
    afwezig: (who: string) => `Afwezig: ${who}`,
    extra: (label: string, start: string, end: string) => `Extra dienst ${label} ${start}–${end}`,
  },
} as const;

export const areaTexts = {
  notJson: 'Het bestand is geen JSON. Verwacht: de Wijk- en Buurtkaart van het CBS als GeoJSON.',
  notFeatureCollection: 'Het bestand is geen GeoJSON FeatureCollection.',
  noCbsProperties:
    'Geen wijken of buurten gevonden: de eigenschappen WK_CODE/WK_NAAM of BU_CODE/BU_NAAM ontbreken. ' +
    'Is dit de Wijk- en Buurtkaart van het CBS (laag wijken of buurten)?',
  noneOfGemeente: (code: string, others: readonly string[]) =>
    `Geen wijken of buurten van gemeente ${code} in dit bestand` +
    (others.length > 0 ? ` (wel van ${others.slice(0, 5).join(', ')}).` : '.'),
  notWgs84:
    'De coördinaten zijn geen lengte- en breedtegraden (WGS84). Exporteer de kaart in EPSG:4326, ' +
    'niet in RD (EPSG:28992).',
  noPolygon: 'Geen (Multi)Polygon-geometrie; overgeslagen.',
  noCode: 'Geen code of naam; overgeslagen.',
  fileRequired: 'Stuur een GeoJSON-bestand mee (veld "file").',
  cliUnreadable: (path: string) => `Kan het bestand ${path} niet lezen.`,
  cliUsage: 'Gebruik: pnpm areas:import BESTAND --gemeente GM0342',
  cliDone: (
    r: {
      gemeenteCode: string;
      wijken: number;
      buurten: number;
      skippedOtherGemeente: number;
      removed: number;
    },
    where: string,
  ) =>
    `${r.wijken} wijken en ${r.buurten} buurten van ${r.gemeenteCode} ingelezen in ${where}` +
    ` (${r.skippedOtherGemeente} van andere gemeenten overgeslagen, ${r.removed} verwijderd).`,
  cliProblem: (index: number, code: string | null, message: string) =>
    `  object ${index}${code ? ` (${code})` : ''}: ${message}`,
} as const;

export const routingTexts = {
  ruleNotFound: 'Deze routeringsregel bestaat niet.',
  ruleInvalid: 'De regel kan zo niet worden opgeslagen.',
  ruleChanged: 'Iemand anders heeft deze regel net gewijzigd. Laad de regel opnieuw.',
  reorderInvalid: 'Geef alle regels precies één keer op, in de nieuwe volgorde.',
  reorderUnknown: (id: string) => `De regel "${id}" bestaat niet.`,
  replacesUnknown: (id: string) => `De regel "${id}" bestaat niet.`,
  rerouteNotAllowed: (status: string) =>
    `Een melding met status "${status}" kan niet opnieuw worden ingedeeld.`,
  rerouteReason: (reason: string, decision: string) => `Opnieuw ingedeeld (${reason}): ${decision}`,
} as const;

/** The roster advice and the patrol tasks (coordinator, officers on duty). */
export const rosterAdviceApiTexts = {
  weekInvalid: 'Deze week bestaat niet. Geef een week op als JJJJ-Www, bijvoorbeeld 2026-W50.',
  proposalNotFound:
    'Dit voorstel staat niet (meer) in het advies van deze week; laad het advies opnieuw en kies opnieuw.',
  alreadyDecided: 'Over dit voorstel is al besloten; het eerste besluit geldt.',
  cellsNotInProposal: 'Kies alleen plekken die in het voorstel staan.',
  membersRequired: 'Kies wie de dienst werkt: het voorstel noemt niemand die al in dienst is.',
  datesNotInProposal: 'Kies alleen dagen die in het voorstel staan.',
  overrideReason: (week: string) => `Roosteradvies ${week}`,
  overrideLabel: 'Roosteradvies',
  taskNotFound: 'Deze patrouilletaak bestaat niet.',
  notYourTeam: 'Deze patrouilletaak hoort bij een team waar u niet in zit.',
  cellName: (cell: string) => `vak ${cell.slice(0, 8)}…`,
  csvHeader: [
    'soort',
    'dagen',
    'datum',
    'van',
    'tot',
    'plek',
    'meldingen in deze uren',
    'meldingen in de periode',
    'trend',
    'opmerking',
    'besluit',
  ],
} as const;
