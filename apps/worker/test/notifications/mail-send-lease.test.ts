import { notifyOutbox } from '@buurtsignaal/db';
import * as schema from '@buurtsignaal/db/schema';
import { claimEmailSend, listEmailDeliveries } from '@buurtsignaal/db/tables/email-deliveries-repository';
import { notificationKeys } from '@buurtsignaal/jobs';
import { messageIdDomain, notificationMessageId } from '@buurtsignaal/mail';
import { testRedisPrefix, waitUntil } from '@buurtsignaal/testkit';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { deliverNotification, SendInFlight } from '../../src/notifications/notification-worker.ts';
import { insertMelding, insertOutbox, mailFrom, publicBaseUrl, silentLogger } from '../support/helpers.ts';
import { useWorkerHarness } from '../support/worker-harness.ts';

// A mail attempt is recorded ('sending', with a lease) before the SMTP conversation; an attempt whose
// worker died leaves that row behind. These tests leave such rows on purpose, as a killed worker would.

describe('mail attempts: the sending lease and the stable Message-ID', () => {
  const world = useWorkerHarness(testRedisPrefix('worker-mail-lease'), {
    retry: { notifications: { attempts: 3, backoffMs: 100 } },
  });

  const db = () => world.db;
  const mailsTo = (address: string) => world.sink.received.filter((m) => m.envelopeTo.includes(address));
  const settled = (meldingId: string, count: number) =>
    waitUntil(
      async () => {
        const rows = await listEmailDeliveries(db(), meldingId);
        return rows.length === count && rows.every((d) => d.status !== 'sending') && rows;
      },
      { what: `${count} settled delivery rows` },
    );
  const messageIdOf = (key: string, meldingId: string) =>
    notificationMessageId(key, messageIdDomain(mailFrom), meldingId);

  /** A melding whose confirmation a worker had started to send and then died: its row stays 'sending'. */
  async function crashedWhileSending(address: string, leaseMs: number) {
    const m = await insertMelding(db(), {
      melder: { email: address, wantsFeedback: true },
      withOutbox: false,
    });
    const key = notificationKeys.ontvangen(m.statusEventId);
    const claim = await claimEmailSend(db(), {
      meldingId: m.meldingId,
      notificationKey: key,
      template: 'ontvangen',
      toAddress: address,
      messageId: messageIdOf(key, m.meldingId),
      leaseMs,
    });
    expect(claim.kind).toBe('claimed');
    return { ...m, key };
  }

  it('sends with a Message-ID derived from the notification key, the same on a retry', async () => {
    const address = 'message-id@example.nl';
    world.sink.next({ code: 451, message: '4.7.1 try again later' });
    const m = await insertMelding(db(), { melder: { email: address, wantsFeedback: true } });
    const key = notificationKeys.ontvangen(m.statusEventId);
    const [mail] = await waitUntil(() => mailsTo(address).length === 1 && mailsTo(address));
    const expected = messageIdOf(key, m.meldingId);
    expect(expected).toMatch(/^<ontvangen-\d+\.[0-9a-f]{16}@buurtsignaal\.local>$/);
    expect(mail?.parsed.messageId).toBe(expected);
    const rows = await settled(m.meldingId, 2);
    expect(rows.map((d) => [d.attempt, d.status])).toEqual([
      [1, 'retrying'],
      [2, 'sent'],
    ]);
    const stored = await db()
      .select({ messageId: schema.emailDeliveries.messageId })
      .from(schema.emailDeliveries)
      .where(eq(schema.emailDeliveries.meldingId, m.meldingId));
    expect(stored.map((r) => r.messageId)).toEqual([expected, expected]);
    // Stable: the same inputs give the same id; another melding with the same key (another
    // installation, a reset database) does not.
    expect(messageIdOf(key, m.meldingId)).toBe(expected);
    expect(messageIdOf(key, '00000000-0000-4000-8000-000000000000')).not.toBe(expected);
  });

  it('an attempt still sending after its lease is an unknown outcome: marked so, and sent again with the same Message-ID', async () => {
    const address = 'onbekend@example.nl';
    const m = await crashedWhileSending(address, 1);
    await waitUntil(async () => {
      const [row] = await db()
        .select({ expired: schema.emailDeliveries.leaseUntil })
        .from(schema.emailDeliveries)
        .where(eq(schema.emailDeliveries.meldingId, m.meldingId));
      return row?.expired && row.expired.getTime() < Date.now() - 50;
    });
    const deps = {
      db: db(),
      mailer: world.mailer,
      mailFrom,
      publicBaseUrl,
      statusLinkBox: undefined,
      logger: silentLogger,
    };
    const job = { meldingId: m.meldingId, template: 'ontvangen' as const, notificationKey: m.key };
    expect(await deliverNotification(deps, job, { isLastAttempt: false })).toBe('sent');
    expect(await deliverNotification(deps, job, { isLastAttempt: false })).toBe('already-sent');
    const rows = await settled(m.meldingId, 2);
    expect(rows.map((d) => [d.attempt, d.status])).toEqual([
      [1, 'unknown'],
      [2, 'sent'],
    ]);
    expect(rows[0]?.error).toMatch(/outcome unknown/);
    expect(mailsTo(address).map((r) => r.parsed.messageId)).toEqual([messageIdOf(m.key, m.meldingId)]);
  });

  it('while another attempt holds the lease nobody sends; the job waits for it without using up its attempts', async () => {
    const address = 'wacht@example.nl';
    const m = await crashedWhileSending(address, 2_000);
    const deps = {
      db: db(),
      mailer: world.mailer,
      mailFrom,
      publicBaseUrl,
      statusLinkBox: undefined,
      logger: silentLogger,
    };
    const job = { meldingId: m.meldingId, template: 'ontvangen' as const, notificationKey: m.key };
    await expect(deliverNotification(deps, job, { isLastAttempt: false })).rejects.toBeInstanceOf(
      SendInFlight,
    );

    // Now through the queue: the relay publishes the outbox row, the job finds the lease and is parked.
    await insertOutbox(db(), m.meldingId, m.statusEventId);
    await notifyOutbox(db());
    const queued = await waitUntil(() => world.inspector.queue('notifications').getJob(`notify-${m.key}`));
    await waitUntil(async () => (await queued.getState()) === 'delayed', {
      what: 'the job to wait for the lease',
    });
    expect(mailsTo(address)).toHaveLength(0);

    await waitUntil(async () => (await queued.getState()) === 'completed', {
      what: 'the job after the lease',
    });
    const rows = await settled(m.meldingId, 2);
    expect(rows.map((d) => [d.attempt, d.status])).toEqual([
      [1, 'unknown'],
      [2, 'sent'],
    ]);
    expect(mailsTo(address)).toHaveLength(1);
    const done = await world.inspector.queue('notifications').getJob(`notify-${m.key}`);
    // Three attempts allowed: waiting for the lease was none of them.
    expect(done?.attemptsMade).toBeLessThanOrEqual(1);
  });
});
