import { testRedisPrefix } from '@buurtsignaal/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobIds } from '../../src/queues.ts';
import { at, createDispatchWorld, type DispatchWorld, staff } from './dispatch-world.ts';

// The roster queues are consumed: the boa's on duty are told at once (console and e-mail), an unclaimed
// melding escalates after its pick-up time, a claim stops it, spoed without a boa goes to the police,
// and a normaal melding at night waits for the first shift of the morning.

const TUESDAY = '2026-06-02';

describe('dispatch', () => {
  let w: DispatchWorld;
  beforeAll(async () => {
    w = await createDispatchWorld(testRedisPrefix('worker-dispatch'));
  });
  afterAll(async () => {
    await w?.close();
  });

  const mailsFor = (reference: string) =>
    w.sink.received.filter((m) => m.parsed.subject?.includes(reference));

  it('tells the boa on duty of a spoed melding, escalates after 10 minutes, stops when claimed', async () => {
    const job = await w.assign({ teamId: 'boa-team', priority: 'spoed', now: at(TUESDAY, '20:00') });
    const first = await w.completed('boa-team', jobIds.roster(job.assignmentId));
    // (The job's result counts the notices it added; a retry after a failed attempt adds none.)
    expect(first).toMatchObject({ kind: 'notified', step: 0 });
    expect(await w.notices(job.meldingId)).toEqual([
      { step: 0, user: 'J. Bakker', channel: 'console', status: 'sent' },
      { step: 0, user: 'J. Bakker', channel: 'email', status: 'sent' },
      { step: 0, user: 'M. de Vries', channel: 'console', status: 'sent' },
      { step: 0, user: 'M. de Vries', channel: 'email', status: 'sent' },
    ]);
    await w.sink.waitFor(2);
    const mails = mailsFor(job.reference);
    expect(mails.map((m) => m.envelopeTo[0]).sort()).toEqual(
      [`${staff.vries.id}@soest.test`, `${staff.bakker.id}@soest.test`].sort(),
    );
    const text = mails[0]?.parsed.text ?? '';
    expect(text).toContain(job.reference);
    expect(text).toContain('Prioriteit: Spoed');
    // No personal data of the melder, nor the description, in an officer's mail.
    expect(text).not.toContain('Testmelding');

    // Not claimed in 10 minutes: the next level (everyone on duty and the lead again) is told.
    const second = await w.fireAt(at(TUESDAY, '20:10'), 'boa-team', jobIds.pickup(job.assignmentId, 1));
    expect(second).toMatchObject({ kind: 'notified', step: 1 });
    expect((await w.notices(job.meldingId)).filter((n) => n.step === 1).map((n) => n.user)).toContain(
      'M. de Vries',
    );

    await w.claim(job.meldingId, staff.vries.id, at(TUESDAY, '20:12'));
    const third = await w.fireAt(at(TUESDAY, '20:20'), 'boa-team', jobIds.pickup(job.assignmentId, 2));
    expect(third).toEqual({ kind: 'stopped', why: 'claimed' });
    expect((await w.notices(job.meldingId)).some((n) => n.step === 2)).toBe(false);
  });

  it('ends as onbeantwoord after the last level when nobody claims', async () => {
    const job = await w.assign({ teamId: 'boa-team', priority: 'spoed', now: at(TUESDAY, '10:00') });
    await w.completed('boa-team', jobIds.roster(job.assignmentId));
    await w.fireAt(at(TUESDAY, '10:10'), 'boa-team', jobIds.pickup(job.assignmentId, 1));
    const coordinator = await w.fireAt(at(TUESDAY, '10:20'), 'boa-team', jobIds.pickup(job.assignmentId, 2));
    expect(coordinator).toMatchObject({ kind: 'notified', step: 2 });
    expect((await w.notices(job.meldingId)).filter((n) => n.step === 2).map((n) => n.user)).toEqual([
      'C. Smit',
      'C. Smit',
    ]);
    const end = await w.fireAt(at(TUESDAY, '10:30'), 'boa-team', jobIds.pickup(job.assignmentId, 3));
    expect(end).toEqual({ kind: 'unanswered' });
    const { listUnansweredMeldingen } = await import('@buurtsignaal/db/queries/dispatch/unanswered');
    expect((await listUnansweredMeldingen(w.db)).map((u) => u.meldingId)).toContain(job.meldingId);
  });

  it('at 23:30 with no boa on duty tells the police on duty of a spoed melding at once', async () => {
    const job = await w.assign({ teamId: 'boa-team', priority: 'spoed', now: at(TUESDAY, '23:30') });
    expect(await w.completed('boa-team', jobIds.roster(job.assignmentId))).toMatchObject({
      kind: 'notified',
    });
    expect(await w.notices(job.meldingId)).toEqual([
      { step: 0, user: 'K. Jansen', channel: 'console', status: 'sent' },
      { step: 0, user: 'K. Jansen', channel: 'email', status: 'sent' },
    ]);
  });

  it('lets a normaal melding of 23:30 wait until the shift of 07:00, and tells that shift then', async () => {
    const job = await w.assign({ teamId: 'boa-team', priority: 'normaal', now: at(TUESDAY, '23:30') });
    const morning = at('2026-06-03', '07:00');
    expect(await w.completed('boa-team', jobIds.roster(job.assignmentId))).toEqual({
      kind: 'waiting',
      until: morning.toISOString(),
    });
    expect(await w.notices(job.meldingId)).toEqual([]);
    const told = await w.fireAt(morning, 'boa-team', jobIds.shiftStart(job.assignmentId, morning));
    // The pick-up clock starts at the shift start: two hours for normaal.
    expect(told).toMatchObject({
      kind: 'notified',
      step: 0,
      checkAt: at('2026-06-03', '09:00').toISOString(),
    });
    expect((await w.notices(job.meldingId)).map((n) => n.user).sort()).toEqual([
      'J. Bakker',
      'J. Bakker',
      'M. de Vries',
      'M. de Vries',
    ]);
  });
});
