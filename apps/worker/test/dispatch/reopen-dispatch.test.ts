import { randomUUID } from 'node:crypto';
import { recordAssignment } from '@buurtsignaal/db/tables/assignments-repository';
import { appendStatusEvent } from '@buurtsignaal/db/tables/status-events-repository';
import { testRedisPrefix } from '@buurtsignaal/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobIds } from '../../src/queues.ts';
import { at, createDispatchWorld, type DispatchWorld, staff } from './dispatch-world.ts';

// Reopened (heropend): back to the officer who handled it when that officer is on duty now, marked as
// reopened; otherwise the team is told as for any new melding.

const TUESDAY = '2026-06-02';

describe('dispatch of a reopened melding', () => {
  let w: DispatchWorld;
  beforeAll(async () => {
    w = await createDispatchWorld(testRedisPrefix('worker-dispatch-reopen'));
  });
  afterAll(async () => {
    await w?.close();
  });

  /** Claimed and closed by `handlerId`, reopened by the melder at `reopenAt`, routed to boa-team again. */
  async function reopened(handlerId: string, reopenAt: Date) {
    const first = await w.assign({ teamId: 'boa-team', priority: 'hoog', now: at(TUESDAY, '09:00') });
    await w.completed('boa-team', jobIds.roster(first.assignmentId));
    const event = (from: string, to: string, actor: string, t: Date) =>
      appendStatusEvent(w.db, { meldingId: first.meldingId, fromStatus: from, toStatus: to, actor, at: t });
    await w.claim(first.meldingId, handlerId, at(TUESDAY, '09:05'));
    await event('ingedeeld', 'in_behandeling', `staff:${handlerId}`, at(TUESDAY, '09:05'));
    await event('in_behandeling', 'afgehandeld', `staff:${handlerId}`, at(TUESDAY, '10:00'));
    const heropend = await event('afgehandeld', 'heropend', 'melder', reopenAt);
    const assignmentId = randomUUID();
    await w.db.transaction((tx) =>
      recordAssignment(tx, {
        id: assignmentId,
        meldingId: first.meldingId,
        routingKey: `event-${heropend}`,
        teamId: 'boa-team',
        priority: 'hoog',
        reason: 'test',
        fromStatus: 'heropend',
        at: reopenAt,
        deadlineAt: null,
      }),
    );
    w.setClock(reopenAt);
    const job = { meldingId: first.meldingId, assignmentId, teamId: 'boa-team', priority: 'hoog' };
    await w.queues.roster('boa-team').add('assignment', job, { jobId: jobIds.roster(assignmentId) });
    return { ...job, reference: first.reference };
  }
  const noticesOf = async (meldingId: string, assignmentId: string) => {
    const { listNoticesForMelding } = await import('@buurtsignaal/db/tables/dispatch-notices-repository');
    const names = new Map<string, string>(Object.values(staff).map((s) => [s.id, s.name]));
    return (await listNoticesForMelding(w.db, meldingId))
      .filter((n) => n.assignmentId === assignmentId)
      .map((n) => `${names.get(n.userId)}/${n.channel}/${n.reason}`)
      .sort();
  };

  it('goes to the boa who closed it when that boa is on duty, marked reopened', async () => {
    const job = await reopened(staff.vries.id, at(TUESDAY, '16:00'));
    expect(await w.completed('boa-team', jobIds.roster(job.assignmentId))).toMatchObject({
      kind: 'notified',
      step: 0,
      checkAt: at(TUESDAY, '16:30').toISOString(),
    });
    expect(await noticesOf(job.meldingId, job.assignmentId)).toEqual([
      'M. de Vries/console/reopened',
      'M. de Vries/email/reopened',
    ]);
    const mail = w.sink.received.find(
      (m) => m.parsed.subject?.includes(job.reference) && m.parsed.subject.startsWith('Heropend'),
    );
    expect(mail?.envelopeTo).toEqual([`${staff.vries.id}@soest.test`]);
    // Not claimed in time: the escalation goes on as for any melding (the team's on-duty and lead).
    const next = await w.fireAt(at(TUESDAY, '16:30'), 'boa-team', jobIds.pickup(job.assignmentId, 1));
    expect(next).toMatchObject({ kind: 'notified', step: 1 });
  });

  it('goes to the team when the officer who handled it is not on duty now', async () => {
    // The coordinator closed it: not on the boa roster, so the boa's on duty are told.
    const job = await reopened(staff.smit.id, at(TUESDAY, '16:10'));
    expect(await w.completed('boa-team', jobIds.roster(job.assignmentId))).toMatchObject({
      kind: 'notified',
    });
    expect(await noticesOf(job.meldingId, job.assignmentId)).toEqual([
      'J. Bakker/console/on_duty',
      'J. Bakker/email/on_duty',
      'M. de Vries/console/on_duty',
      'M. de Vries/email/on_duty',
    ]);
  });

  it('goes to the team when the boa who closed it is off duty at the time of reopening', async () => {
    // 23:30: no boa on duty; hoog waits for the 07:00 shift instead of ringing the boa at home.
    const job = await reopened(staff.vries.id, at(TUESDAY, '23:30'));
    expect(await w.completed('boa-team', jobIds.roster(job.assignmentId))).toMatchObject({
      kind: 'waiting',
      until: at('2026-06-03', '07:00').toISOString(),
    });
    expect(await noticesOf(job.meldingId, job.assignmentId)).toEqual([]);
  });
});
