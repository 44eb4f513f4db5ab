import * as schema from '@buurtsignaal/db/schema';
import { describe, expect, it } from 'vitest';
import { NOORD, reopenAndAnswer, setDeadlines, useWeeklyFixture } from './weekly-fixture.ts';

describe('weekly overview: what needs attention', () => {
  const w = useWeeklyFixture();

  it('lists open meldingen past their deadline at the end of the week', async () => {
    const { late } = await setDeadlines(w);
    const report = (await w.weekly('2026-W48')).json();
    expect(report.pastDeadline).toEqual({
      total: 1,
      items: [
        {
          id: late.id,
          reference: late.reference,
          category: { id: 'jeugdoverlast', label: 'Jeugdoverlast' },
          team: { id: 'boa-team', name: 'Boa-team Soest' },
          priority: 'normaal',
          deadlineAt: '2026-11-25T16:00:00.000Z',
          daysLate: 4,
        },
      ],
    });
  });

  it('lists the meldingen reopened in the week and the satisfaction answers given in it', async () => {
    const { reopened: a } = await reopenAndAnswer(w);
    const report = (await w.weekly('2026-W48')).json();
    expect(report.reopened.total).toBe(1);
    expect(report.reopened.items[0]).toMatchObject({
      reference: a.reference,
      reopenedAt: '2026-11-27T10:00:00.000Z',
      by: 'melder',
      wijk: { code: NOORD, naam: 'Soest-Noord' },
    });
    expect(report.satisfaction).toEqual({
      ja: 2,
      nee: 1,
      explanations: [
        {
          reference: a.reference,
          explanation: 'Nog steeds; elke avond "feest"',
          answeredAt: '2026-11-27T10:00:00.000Z',
        },
      ],
    });
  });

  it('shows active hotspots with their weekday × hour profile', async () => {
    const ruleId = crypto.randomUUID();
    await w.db.insert(schema.hotspotRules).values({
      id: ruleId,
      name: 'Jeugd 14 dagen',
      category: 'jeugdoverlast',
      resolution: 9,
      minCount: 5,
      windowDays: 14,
    });
    await w.db.insert(schema.hotspots).values({
      id: crypto.randomUUID(),
      ruleId,
      cell: '8919691890bffff',
      resolution: 9,
      wijkCode: NOORD,
      since: new Date('2026-11-25T15:00:00Z'),
      lastCount: 7,
      lastCheckedAt: new Date('2026-11-29T12:00:00Z'),
    });
    const report = (await w.weekly('2026-W48')).json();
    expect(report.hotspots).toHaveLength(1);
    const [hotspot] = report.hotspots;
    // 14 days before the end of W48: W47 (4) and W48 (6) jeugdoverlast, all in this cell.
    expect(hotspot).toMatchObject({
      cell: '8919691890bffff',
      resolution: 9,
      wijk: { code: NOORD },
      category: { id: 'jeugdoverlast' },
      count: 10,
    });
    expect(hotspot.profile.weekdayHour).toHaveLength(7);
    expect(hotspot.profile.weekdayHour[2][15]).toBe(8); // Wednesdays 15:00
    expect(hotspot.profile.weekdayHour[6][23]).toBe(2); // the two Sunday 23:59s
    expect((await w.weekly('2026-W40')).json().hotspots).toEqual([]);
  });
});
