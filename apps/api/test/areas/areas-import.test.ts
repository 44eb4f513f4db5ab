import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { listAreas } from '@buurtsignaal/db/tables/areas-repository';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAreasImport } from '../../src/cli/areas-import.ts';
import { type RosterWorld, rosterWorld, Upload } from '../rosters/roster-world.ts';

// A small CBS Wijk- en Buurtkaart in its own format (WK_CODE/WK_NAAM, BU_CODE/BU_NAAM, GM_CODE): three
// wijken and two buurten of Soest (GM0342) and one wijk of Amersfoort (GM0307) that must be skipped.

const fixture = fileURLToPath(new URL('./fixtures/cbs-wijkbuurtkaart-gm0342.geojson', import.meta.url));
const text = readFileSync(fixture, 'utf8');

describe('areas from the CBS Wijk- en Buurtkaart', () => {
  let w: RosterWorld;

  const upload = async (body: string, gemeente = 'GM0342') =>
    w.asAdmin(
      'POST',
      `/api/v1/staff/admin/areas?gemeente=${gemeente}`,
      await Upload.file('wijkbuurtkaart.geojson', body, 'application/geo+json'),
    );

  beforeAll(async () => {
    w = await rosterWorld(new Date('2026-12-01T09:00:00Z'));
  });
  afterAll(() => w.close());

  it('lists the sample wijken until a file is imported', async () => {
    const res = await w.asBoa1('GET', '/api/v1/staff/areas');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().source).toBe('sample');
    expect(res.json().areas.length).toBeGreaterThan(0);
    for (const a of res.json().areas) expect(a).toMatchObject({ kind: 'wijk', source: 'sample' });
  });

  it('imports the wijken and buurten of one gemeente with the CLI, skipping the other gemeente', async () => {
    const lines: string[] = [];
    const out = { log: (s: string) => lines.push(s), error: (s: string) => lines.push(s) };
    const env = { DATABASE_URL: w.database.url, LOG_LEVEL: 'silent' };
    const code = await runAreasImport([fixture, '--gemeente', 'GM0342'], env, out);
    expect(code, lines.join('\n')).toBe(0);
    expect(lines[0]).toMatch(
      /3 wijken en 2 buurten van GM0342 ingelezen .*1 van andere gemeenten overgeslagen/,
    );
    const areas = await listAreas(w.db);
    expect(areas.map((a) => `${a.kind} ${a.code} ${a.naam}`)).toEqual([
      'buurt BU03420101 Soest-Noord west',
      'buurt BU03420102 Soest-Noord oost',
      'wijk WK034201 Soest-Noord',
      'wijk WK034202 Soest-Centrum',
      'wijk WK034209 Soesterberg',
    ]);
    const soesterberg = areas.find((a) => a.code === 'WK034209');
    expect(soesterberg).toMatchObject({ minLng: 5.27, maxLng: 5.32, minLat: 52.11, maxLat: 52.13 });
    expect(await runAreasImport([fixture], env, out)).toBe(2);
    expect(await runAreasImport(['bestaat-niet.geojson', '--gemeente', 'GM0342'], env, out)).toBe(1);
    expect(lines.at(-1)).toMatch(/Kan het bestand .*bestaat-niet.geojson niet lezen/);
  });

  it('imports through the admin upload, replacing what the gemeente had', async () => {
    const smaller = JSON.parse(text);
    smaller.features = smaller.features.filter(
      (f: { properties: { BU_CODE?: string } }) => !f.properties.BU_CODE,
    );
    const res = await upload(JSON.stringify(smaller));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      gemeenteCode: 'GM0342',
      wijken: 3,
      buurten: 0,
      skippedOtherGemeente: 1,
      removed: 2,
      problems: [],
    });
    const list = (await w.asBoa1('GET', '/api/v1/staff/areas')).json();
    expect(list.source).toBe('imported');
    expect(list.areas.map((a: { code: string }) => a.code)).toEqual(['WK034201', 'WK034202', 'WK034209']);
    expect((await w.asCoordinator('POST', '/api/v1/staff/admin/areas?gemeente=GM0342', {})).statusCode).toBe(
      403,
    );
  });

  it('says clearly what is wrong with a file that is not the map', async () => {
    const notJson = await upload('WK_CODE;WK_NAAM\nWK034201;Soest-Noord');
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json()).toMatchObject({ code: 'AREA_FILE_INVALID', details: [{ field: 'file' }] });
    const noCbs = await upload(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: { naam: 'x' }, geometry: null }],
      }),
    );
    expect(noCbs.json().message).toMatch(/WK_CODE/);
    const otherGemeente = await upload(text, 'GM0344');
    expect(otherGemeente.json().message).toMatch(
      /Geen wijken of buurten van gemeente GM0344.*GM0307, GM0342/,
    );
    const rd = JSON.parse(text);
    rd.features[0].geometry.coordinates = [
      [
        [150000, 460000],
        [151000, 460000],
        [151000, 461000],
        [150000, 460000],
      ],
    ];
    expect((await upload(JSON.stringify(rd))).json().message).toMatch(/EPSG:4326/);
    const badCode = await upload(text, 'Soest');
    expect(badCode.statusCode).toBe(400);
  });
});
