import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { login } from '../support/staff-helpers.ts';
import { NOORD, NOW, useWeeklyFixture } from './weekly-fixture.ts';

describe('weekly overview: notable meldingen', () => {
  const w = useWeeklyFixture();

  it('flags a melding as notable, shows it in the week of the flag, and unflags it', async () => {
    const m = w.ids['jeugd-1'];
    if (!m) throw new Error('fixture');
    const url = `/api/v1/staff/meldingen/${m.id}/notable`;
    const reason = 'Groep; "bekend" bij politie';
    expect((await w.asPolitie('POST', url, { reason })).statusCode).toBe(403); // not the politie's team
    expect((await w.asBoa('POST', url, { reason: '   ' })).statusCode).toBe(400);
    expect((await w.asBoa('POST', url, { reason }, null)).statusCode).toBe(403); // no CSRF token
    const flagged = await w.asBoa('POST', url, { reason });
    expect(flagged.statusCode, flagged.body).toBe(200);
    expect(flagged.json()).toEqual({
      notable: { at: NOW.toISOString(), by: { id: expect.any(String), name: 'Test boa' }, reason },
    });

    const report = (await w.weekly('2026-W49')).json();
    expect(report.notable).toEqual([
      {
        id: m.id,
        reference: m.reference,
        category: { id: 'jeugdoverlast', label: 'Jeugdoverlast' },
        wijk: { code: NOORD, naam: 'Soest-Noord' },
        reason,
        flaggedAt: NOW.toISOString(),
        flaggedBy: { id: expect.any(String), name: 'Test boa' },
      },
    ]);
    expect((await w.weekly('2026-W48')).json().notable).toEqual([]);
    const csv = (await w.asCoordinator('GET', '/api/v1/staff/reports/weekly?week=2026-W49&format=csv')).body;
    expect(csv).toContain(`${m.reference};Jeugdoverlast;Soest-Noord;"Groep; ""bekend"" bij politie"`);
    const rows = (await w.asCoordinator('GET', '/api/v1/staff/reports/weekly/meldingen.csv?week=2026-W48'))
      .body;
    expect(
      rows
        .split('\r\n')
        .find((l) => l.startsWith(`${m.reference};`))
        ?.endsWith(';Nee;Ja'),
    ).toBe(true);

    const unflag = await w.app.inject({
      method: 'DELETE',
      url,
      cookies: { bs_session: (await login(w.app, 'boa@soest.nl')).cookie },
    });
    expect(unflag.statusCode).toBe(403); // CSRF required on DELETE too
    const session = await login(w.app, 'boa@soest.nl');
    const ok = await w.app.inject({
      method: 'DELETE',
      url,
      cookies: { bs_session: session.cookie },
      headers: { 'x-csrf-token': session.csrf },
    });
    expect(ok.statusCode).toBe(204);
    expect((await w.weekly('2026-W49')).json().notable).toEqual([]);
    const audit = await w.db.execute(
      sql`SELECT action FROM audit_log WHERE melding_id = ${m.id} AND result = 'ok' ORDER BY id`,
    );
    expect((audit as unknown as { rows: { action: string }[] }).rows.map((r) => r.action)).toEqual([
      'melding.notable.flag',
      'melding.notable.unflag',
    ]);
  });
});
