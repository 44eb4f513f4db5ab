import { SecretBox } from '@buurtsignaal/db';
import * as schema from '@buurtsignaal/db/schema';
import { testRedisPrefix, waitUntil } from '@buurtsignaal/testkit';
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { insertMelding, insertStatusChange, statusEventsOf } from '../support/helpers.ts';
import { useWorkerHarness } from '../support/worker-harness.ts';

// Status mails that follow each other within MAIL_COALESCE_SECONDS become one mail; a closing message
// never waits. A short window here (real time: BullMQ's delayed jobs), the same code as 120 s.
const windowMs = 2_500;

describe('coalescing of status mails to the melder (PostgreSQL, Redis, real SMTP)', () => {
  const statusLinkBox = new SecretBox(Buffer.alloc(32, 7));
  const world = useWorkerHarness(testRedisPrefix('worker-mail-coalescing'), {
    statusLinkBox,
    mailCoalesceMs: windowMs,
    retry: { notifications: { attempts: 3, backoffMs: 100 } },
  });
  const db = () => world.db;
  const mailsTo = (address: string) => world.sink.received.filter((m) => m.envelopeTo.includes(address));
  const melding = (email: string) =>
    insertMelding(db(), { melder: { email, wantsFeedback: true }, statusLinkBox, withOutbox: false });
  const deliveries = (meldingId: string) =>
    db()
      .select()
      .from(schema.emailDeliveries)
      .where(eq(schema.emailDeliveries.meldingId, meldingId))
      .orderBy(asc(schema.emailDeliveries.id));
  /** Every delivery of these keys has a final state. */
  const settled = async (meldingId: string, keys: string[]) => {
    const rows = await deliveries(meldingId);
    return keys.every((k) =>
      rows.some((r) => r.notificationKey === k && ['sent', 'skipped'].includes(r.status)),
    )
      ? rows
      : undefined;
  };
  const eventAt = async (meldingId: string, id: number) =>
    (await statusEventsOf(db(), meldingId)).find((e) => Number(e.id) === id)?.createdAt ?? new Date(0);

  it('claim, then a question within the window: ONE mail that says both, after the window', async () => {
    const address = 'claim-vraag@example.nl';
    const m = await melding(address);
    const claim = await insertStatusChange(db(), m.meldingId, { from: 'ingedeeld', to: 'in_behandeling' });
    await new Promise((r) => setTimeout(r, 400));
    const question = await insertStatusChange(db(), m.meldingId, {
      from: 'in_behandeling',
      to: 'reactie_gevraagd',
      publicMessage: 'Hoe laat ziet u de groep meestal staan?',
    });
    const rows = await waitUntil(
      () => settled(m.meldingId, [`status-${claim.statusEventId}`, `status-${question.statusEventId}`]),
      { what: 'both notifications to settle' },
    );
    expect(rows.map((r) => [r.notificationKey, r.status, r.error])).toEqual([
      [`status-${claim.statusEventId}`, 'skipped', 'coalesced'],
      [`status-${question.statusEventId}`, 'sent', null],
    ]);
    // Sent once the window after the question had passed.
    const sentRow = rows[1];
    const questionAt = await eventAt(m.meldingId, question.statusEventId);
    expect(sentRow?.createdAt.getTime() ?? 0).toBeGreaterThanOrEqual(questionAt.getTime() + windowMs);
    const mails = mailsTo(address);
    expect(mails).toHaveLength(1);
    const text = mails[0]?.parsed.text ?? '';
    expect(mails[0]?.parsed.subject).toBe(`Uw melding ${m.reference}: er is een vraag aan u`);
    expect(text).toContain('We hebben een vraag over uw melding.');
    expect(text).toContain('Hoe laat ziet u de groep meestal staan?');
    expect(text).toContain('Ook veranderd sinds ons vorige bericht');
    expect(text).toContain('Een medewerker is met uw melding aan de slag.');
  });

  it('claim, then nothing: one mail, once the window has passed', async () => {
    const address = 'alleen-claim@example.nl';
    const m = await melding(address);
    const claim = await insertStatusChange(db(), m.meldingId, { from: 'ingedeeld', to: 'in_behandeling' });
    const claimAt = await eventAt(m.meldingId, claim.statusEventId);
    // Still waiting half-way through the window: nothing sent, nothing recorded.
    await new Promise((r) => setTimeout(r, windowMs / 2));
    expect(mailsTo(address)).toHaveLength(0);
    expect(await deliveries(m.meldingId)).toEqual([]);
    const rows = await waitUntil(() => settled(m.meldingId, [`status-${claim.statusEventId}`]));
    expect(rows.map((r) => r.status)).toEqual(['sent']);
    expect(rows[0]?.createdAt.getTime() ?? 0).toBeGreaterThanOrEqual(claimAt.getTime() + windowMs);
    await waitUntil(() => mailsTo(address).length === 1, { what: 'the mail' });
    expect(mailsTo(address)[0]?.parsed.text).toContain('Een medewerker is met uw melding aan de slag.');
  });

  it('claim, then closed at once: the closing mail goes straight away, saying both, and no in-behandeling mail follows', async () => {
    const address = 'snel-dicht@example.nl';
    const m = await melding(address);
    const claim = await insertStatusChange(db(), m.meldingId, { from: 'ingedeeld', to: 'in_behandeling' });
    const close = await insertStatusChange(db(), m.meldingId, {
      from: 'in_behandeling',
      to: 'afgehandeld',
      publicMessage: 'De boa is langs geweest.',
    });
    const claimAt = await eventAt(m.meldingId, claim.statusEventId);
    const rows = await waitUntil(() => settled(m.meldingId, [`status-${close.statusEventId}`]));
    // Not held back: sent before the claim's window had even passed.
    const sent = rows.find((r) => r.notificationKey === `status-${close.statusEventId}`);
    expect(sent?.createdAt.getTime() ?? Infinity).toBeLessThan(claimAt.getTime() + windowMs);
    const [mail] = await waitUntil(() => mailsTo(address).length === 1 && mailsTo(address));
    expect(mail?.parsed.subject).toBe(`Uw melding ${m.reference}: afgehandeld`);
    expect(mail?.parsed.text).toContain('De boa is langs geweest.');
    expect(mail?.parsed.text).toContain('Een medewerker is met uw melding aan de slag.');
    // Once the claim's window has passed, its job finds the closing mail told of it.
    const after = await waitUntil(() => settled(m.meldingId, [`status-${claim.statusEventId}`]), {
      what: 'the claim notification to settle',
    });
    expect(after.find((r) => r.notificationKey === `status-${claim.statusEventId}`)?.error).toBe('coalesced');
    expect(mailsTo(address)).toHaveLength(1);
  });

  it('a worker restart within the window loses no mail', async () => {
    const address = 'herstart@example.nl';
    const m = await melding(address);
    const claim = await insertStatusChange(db(), m.meldingId, { from: 'ingedeeld', to: 'in_behandeling' });
    const job = await waitUntil(
      async () => {
        const j = await world.inspector.queue('notifications').getJob(`notify-status-${claim.statusEventId}`);
        return j && (await j.getState()) === 'delayed' && j;
      },
      { what: 'the mail to wait as a delayed job' },
    );
    expect(job.data).toEqual({
      meldingId: m.meldingId,
      template: 'status_gewijzigd',
      notificationKey: `status-${claim.statusEventId}`,
      statusEventId: claim.statusEventId,
    });
    await world.worker.close();
    await world.start();
    await waitUntil(() => settled(m.meldingId, [`status-${claim.statusEventId}`]), {
      what: 'the mail after the restart',
    });
    await waitUntil(() => mailsTo(address).length === 1, { what: 'the mail' });
    expect(mailsTo(address)[0]?.parsed.text).toContain('Een medewerker is met uw melding aan de slag.');
  });
});
