import type { Mailer } from '@buurtsignaal/mail';
import { testRedisPrefix, waitUntil } from '@buurtsignaal/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDispatchStep } from '../../src/dispatch/dispatch-service.ts';
import { jobIds } from '../../src/queues.ts';
import { at, createDispatchWorld, type DispatchWorld } from './dispatch-world.ts';

// At-least-once: a dispatch job that runs twice (or twice at once), or again after its worker died in
// the middle, leaves one notice per (assignment, step, officer, channel) and one mail per officer.

const TUESDAY = '2026-06-02';

describe('dispatch idempotency', () => {
  let w: DispatchWorld;
  beforeAll(async () => {
    w = await createDispatchWorld(testRedisPrefix('worker-dispatch-idem'));
  });
  afterAll(async () => {
    await w?.close();
  });

  const mailsFor = (reference: string) =>
    w.sink.received.filter((m) => m.parsed.subject?.includes(reference));
  const expectOneEach = async (meldingId: string) => {
    const notices = await w.notices(meldingId);
    expect(notices.map((n) => `${n.user}/${n.channel}/${n.status}`).sort()).toEqual([
      'J. Bakker/console/sent',
      'J. Bakker/email/sent',
      'M. de Vries/console/sent',
      'M. de Vries/email/sent',
    ]);
  };

  it('the same job processed twice, and twice at once, tells each officer once per channel', async () => {
    const job = await w.assign({
      teamId: 'boa-team',
      priority: 'spoed',
      now: at(TUESDAY, '20:00'),
      enqueue: false,
    });
    const step = { ...job, step: 0 };
    // Two at once: one may find the other's mails in flight and ask for a retry, as BullMQ would.
    await Promise.allSettled([runDispatchStep(w.deps(), step), runDispatchStep(w.deps(), step)]);
    const again = await runDispatchStep(w.deps(), step);
    expect(again).toMatchObject({ kind: 'notified', notices: 0 });
    await expectOneEach(job.meldingId);
    await w.sink.waitFor(2);
    expect(mailsFor(job.reference)).toHaveLength(2);
    // The pick-up check is one delayed job, whatever the number of runs.
    const checks = (await w.queues.roster('boa-team').getDelayed()).filter(
      (j) => j.id === jobIds.pickup(job.assignmentId, 1),
    );
    expect(checks).toHaveLength(1);
  });

  it('a worker that died mid-dispatch is replaced: one notice and one mail per officer', async () => {
    const job = await w.assign({
      teamId: 'boa-team',
      priority: 'spoed',
      now: at(TUESDAY, '21:00'),
      enqueue: false,
    });
    const step = { ...job, step: 0 };
    let reachedMail!: () => void;
    const reached = new Promise<void>((resolve) => {
      reachedMail = resolve;
    });
    // The process freezes on its first mail (as if killed there): notices recorded, nothing sent.
    const dying = {
      sendMail: () => {
        reachedMail();
        return new Promise<never>(() => {});
      },
    } as unknown as Mailer;
    void runDispatchStep(w.deps({ mailer: dying }), step);
    await reached;
    // Before the dead attempt's lease ran out, a retry sends nothing and asks to be retried later.
    await expect(runDispatchStep(w.deps(), step)).rejects.toThrow(/held by another attempt/);
    expect(mailsFor(job.reference)).toHaveLength(0);

    w.setClock(at(TUESDAY, '21:03'));
    expect(await runDispatchStep(w.deps(), step)).toMatchObject({ kind: 'notified', step: 0 });
    await expectOneEach(job.meldingId);
    const mails = mailsFor(job.reference);
    expect(mails).toHaveLength(2);
    expect(new Set(mails.map((m) => m.envelopeTo[0])).size).toBe(2);
  });

  it('a mail relay that refuses delays the mails, not the pick-up check', async () => {
    const job = await w.assign({
      teamId: 'boa-team',
      priority: 'spoed',
      now: at(TUESDAY, '19:00'),
      enqueue: false,
    });
    const step = { ...job, step: 0 };
    w.sink.defaultBehaviour = { code: 451, message: 'try again later' };
    try {
      await expect(runDispatchStep(w.deps(), step)).rejects.toThrow();
    } finally {
      w.sink.defaultBehaviour = 'accept';
    }
    const check = await w.queues.roster('boa-team').getJob(jobIds.pickup(job.assignmentId, 1));
    expect(await check?.getState()).toBe('delayed');
    const waiting = await w.notices(job.meldingId);
    expect(waiting.filter((n) => n.channel === 'email').map((n) => n.status)).toEqual(['pending', 'pending']);
    expect(waiting.filter((n) => n.channel === 'console').map((n) => n.status)).toEqual(['sent', 'sent']);

    // The job's retry sends them, once each.
    await runDispatchStep(w.deps(), step);
    await expectOneEach(job.meldingId);
    expect(mailsFor(job.reference)).toHaveLength(2);
  });

  it('a dispatch job that fails for good marks its unsent mails failed; the escalation still comes', async () => {
    const job = await w.assign({
      teamId: 'boa-team',
      priority: 'spoed',
      now: at(TUESDAY, '18:00'),
      enqueue: false,
    });
    w.sink.defaultBehaviour = { code: 554, message: 'no' };
    try {
      await w.queues
        .roster('boa-team')
        .add('assignment', job, { jobId: jobIds.roster(job.assignmentId), attempts: 1 });
      await waitUntil(
        async () => (await w.notices(job.meldingId)).filter((n) => n.status === 'failed').length === 2,
        { what: 'the unsent mails marked failed' },
      );
    } finally {
      w.sink.defaultBehaviour = 'accept';
    }
    const check = await w.queues.roster('boa-team').getJob(jobIds.pickup(job.assignmentId, 1));
    expect(await check?.getState()).toBe('delayed');
  });
});
