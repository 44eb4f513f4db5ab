import { beforeAll, describe, expect, it } from 'vitest';
import { MELDER_EMAIL, reopenAndAnswer, setDeadlines, useWeeklyFixture } from './weekly-fixture.ts';

describe('weekly overview: CSV exports', () => {
  const w = useWeeklyFixture();
  beforeAll(async () => {
    await setDeadlines(w);
    await reopenAndAnswer(w);
  });

  it('exports the overview as CSV for Dutch Excel, with "< k" for small numbers', async () => {
    const res = await w.asCoordinator('GET', '/api/v1/staff/reports/weekly?week=2026-W48&format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="weekoverzicht-2026-W48.csv"');
    const body = res.rawPayload.toString('utf8');
    expect(body.startsWith('\uFEFF')).toBe(true);
    const lines = body.slice(1).split('\r\n');
    expect(lines[0]).toBe('Weekoverzicht;2026-W48;Van;2026-11-23;Tot en met;2026-11-29');
    expect(lines).toContain('Categorie;Aantal;Gemiddelde 4 weken ervoor;Verschil;Verschil %');
    expect(lines).toContain('Jeugdoverlast;6;3;3;100');
    expect(lines).toContain('Woonoverlast;< 3;0;;');
    expect(lines).toContain('Verdachte situatie;0;0;0;');
    expect(lines).toContain('Totaal;8;3;5;166,7');
    expect(lines).toContain('Soest-Noord;6;0;6;');
    expect(lines).toContain('Soest-Centrum;0;3;-3;-100');
    expect(lines).toContain('Soest-Zuid;< 3;0;;');
    expect(lines).toContain('Ja;2');
    expect(lines).toContain('Nee;1');
    expect(body).not.toContain('feest'); // the melders' free text stays in the console
    expect(body).not.toMatch(MELDER_EMAIL);
  });

  it('exports the per-melding rows without contact data or description', async () => {
    const res = await w.asCoordinator('GET', '/api/v1/staff/reports/weekly/meldingen.csv?week=2026-W48');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="weekmeldingen-2026-W48.csv"');
    const body = res.rawPayload.toString('utf8');
    expect(body.startsWith('\uFEFF')).toBe(true);
    const lines = body.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Referentie;Gemeld op;Categorie;Subcategorie;Wijk;Status;Team;Prioriteit;Afhandeltermijn;Heropend;Opvallend',
    );
    expect(lines).toHaveLength(1 + 8);
    const late = lines.find((l) => l.startsWith(`${w.ids['jeugd-0']?.reference};`));
    expect(late).toBe(
      `${w.ids['jeugd-0']?.reference};2026-11-25 15:00;Jeugdoverlast;Geluidsoverlast;Soest-Noord;In behandeling;Boa-team Soest;normaal;2026-11-25 17:00;Nee;Nee`,
    );
    const woon = lines.filter((l) => l.includes(';Woonoverlast;'));
    expect(woon).toHaveLength(2);
    for (const l of woon) expect(l.split(';')[4]).toBe('< 3');
    expect(lines.at(-1)?.startsWith(`${w.ids['w48-sunday']?.reference};2026-11-29 23:59;`)).toBe(true);
    expect(body).not.toMatch(MELDER_EMAIL);
    expect(body).not.toContain('06 12345678');
    expect(body).not.toContain('harde muziek');
  });
});
