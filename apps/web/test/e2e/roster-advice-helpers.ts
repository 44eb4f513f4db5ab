import {
  addDays,
  formatIsoWeek,
  formatLocalDate,
  isoWeekAt,
  mondayOf,
  shiftWeek,
} from '@buurtsignaal/core/time';
import { schema, seedReferenceData } from '@buurtsignaal/db';
import { generateShiftInstancesAhead } from '@buurtsignaal/db/tables/shift-instances-generation';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { insertMelding, kjoeps, plusDays, staffSpot } from '../../../api/test/advice/advice-world.ts';
import type { E2eStack } from './stack.ts';
import { type ApiSession, apiLogin, staffUser } from './staff-helpers.ts';

// The world of the roster advice browser test: next week (from the real clock), the boa-team's day and
// evening shifts, and resident meldingen with a known peak in the 8 weeks before (the API test's
// meldingen helper, apps/api/test/advice/advice-world.ts, with weeks relative to today).

export const target = shiftWeek(isoWeekAt(new Date()), 1);
export const week = formatIsoWeek(target);
export const monday = formatLocalDate(mondayOf(target));
const historyMondays = Array.from({ length: 8 }, (_, i) =>
  formatLocalDate(addDays(mondayOf(target), -7 * (8 - i))),
);
const everyDay = [1, 2, 3, 4, 5, 6, 7];

/**
 * Anna and Bram Boa on 07:00–15:00 and 14:30–22:30 every day; Kjoeps: Wednesday and Friday 21:30,
 * 22:45 and 23:30 in each history week (48 resident meldingen); staff findings on Tuesday evenings
 * (never advice). Returns the planner's (a coordinator's) API session.
 */
export async function seedAdviceWorld(stack: E2eStack): Promise<ApiSession> {
  const db = stack.database.client.db;
  await seedReferenceData(db);
  const anna = await staffUser(stack, 'anna@soest.test', 'boa', ['boa-team']);
  const bram = await staffUser(stack, 'bram@soest.test', 'boa', ['boa-team']);
  await db.update(schema.staffUsers).set({ name: 'Anna Boa' }).where(eq(schema.staffUsers.id, anna.id));
  await db.update(schema.staffUsers).set({ name: 'Bram Boa' }).where(eq(schema.staffUsers.id, bram.id));
  await staffUser(stack, 'planner@soest.test', 'coordinator', []);
  const planner = await apiLogin(stack, 'planner@soest.test');
  for (const [id, label, start, end] of [
    ['boa-dag', 'Dagdienst', '07:00', '15:00'],
    ['boa-avond', 'Avonddienst', '14:30', '22:30'],
  ] as const) {
    const res = await planner.call('PUT', `/teams/boa-team/roster/patterns/${id}`, {
      label,
      weekdays: everyDay,
      start,
      end,
      memberIds: [anna.id, bram.id],
      leadId: anna.id,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  await generateShiftInstancesAhead(db, { now: new Date(), teamId: 'boa-team', days: 14 });
  for (const m of historyMondays) {
    for (const day of [2, 4])
      for (const time of ['21:30', '22:45', '23:30'])
        await insertMelding(db, { date: plusDays(m, day), time }, kjoeps);
    for (const time of ['21:00', '21:30', '22:00', '23:00'])
      await insertMelding(db, { date: plusDays(m, 1), time }, staffSpot, { origin: 'staff' });
  }
  return planner;
}
