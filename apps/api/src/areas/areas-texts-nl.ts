// Every text of the area import that an admin reads, in Dutch (nl-NL).

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
