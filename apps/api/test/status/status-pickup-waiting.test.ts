import { randomUUID } from 'node:crypto';
import { wallClockInstant as at, toPickupNotice } from '@buurtsignaal/core';
import { seedReferenceData } from '@buurtsignaal/db';
import { findMelderPickup } from '@buurtsignaal/db/queries/melder/pickup';
import * as schema from '@buurtsignaal/db/schema';
import { recordAssignment } from '@buurtsignaal/db/tables/assignments-repository';
import { generateShiftInstancesAhead } from '@buurtsignaal/db/tables/shift-instances-generation';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { validIntake } from '../support/helpers.ts';
import { createUser } from '../support/staff-helpers.ts';
import { useTestApp } from '../support/test-app.ts';

// The status page's pick-up sentence over the stored assignment and the seeded boa roster (07:00–15:00,
// 14:30–22:30): a normaal melding routed at 23:30 and seen at 07:30 was told to the officers at 07:00,
// and says so; once escalation gave up (onbeantwoord) it says the coordinator has it.

const t = useTestApp();
beforeAll(async () => {
  // The seed puts the team's members on its shifts.
  await createUser(t.db, 'boa-wacht@soest.test', 'boa', ['boa-team']);
  await seedReferenceData(t.db);
  await generateShiftInstancesAhead(t.db, { now: at('2026-06-01', '00:00') });
});

async function routedAt(when: Date): Promise<{ id: string; assignmentId: string }> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/meldingen', payload: validIntake() });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  const assignmentId = randomUUID();
  await recordAssignment(t.db, {
    id: assignmentId,
    meldingId: id,
    routingKey: `test-${assignmentId}`,
    teamId: 'boa-team',
    priority: 'normaal',
    reason: 'test',
    fromStatus: 'gemeld',
    at: when,
    deadlineAt: null,
  });
  return { id, assignmentId };
}

const sentence = async (id: string, now: Date) => {
  const pickup = await findMelderPickup(t.db, id, now);
  if (!pickup) throw new Error('no pick-up expectation');
  return toPickupNotice(pickup.expectation, now);
};

describe('the status page of a melding that has been waiting', () => {
  it('23:30 → seen at 07:30: told at 07:00 and waiting to be picked up, not "direct"', async () => {
    const { id } = await routedAt(at('2026-06-02', '23:30'));
    const notice = await sentence(id, at('2026-06-03', '07:30'));
    expect(notice).toMatchObject({ kind: 'on_duty_now', expectedPickupFrom: '2026-06-03T07:00' });
    expect(notice.message).toBe(
      'Boa-team Soest is nu in dienst; de melding is om 07:00 aan de dienstdoende medewerkers gemeld en wacht op oppakken.',
    );
  });

  it('onbeantwoord: waits for the coordinator', async () => {
    const { id, assignmentId } = await routedAt(at('2026-06-03', '08:00'));
    await t.db
      .update(schema.assignments)
      .set({ unansweredAt: at('2026-06-03', '10:30') })
      .where(eq(schema.assignments.id, assignmentId));
    const notice = await sentence(id, at('2026-06-03', '11:00'));
    expect(notice.kind).toBe('unanswered');
    expect(notice.message).toContain('De coördinator van de gemeente ziet uw melding');
  });
});
