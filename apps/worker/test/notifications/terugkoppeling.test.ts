import { SecretBox } from '@buurtsignaal/db';
import { listEmailDeliveries } from '@buurtsignaal/db/tables/email-deliveries-repository';
import { testRedisPrefix, waitUntil } from '@buurtsignaal/testkit';
import { describe, expect, it } from 'vitest';
import { insertMelding, insertStatusChange, publicBaseUrl } from '../support/helpers.ts';
import { useWorkerHarness } from '../support/worker-harness.ts';

describe('terugkoppeling: a status change reaches the melder (PostgreSQL, real SMTP)', () => {
  const statusLinkBox = new SecretBox(Buffer.alloc(32, 9));
  const world = useWorkerHarness(testRedisPrefix('worker-terugkoppeling'), {
    statusLinkBox,
    retry: { notifications: { attempts: 3, backoffMs: 100 } },
  });

  const db = () => world.db;
  const mailsTo = (address: string) => world.sink.received.filter((m) => m.envelopeTo.includes(address));
  /** Without the intake's outbox row: no routing and no 'ontvangen' mail get in the way. */
  const melding = (melder?: { email: string | null; wantsFeedback: boolean }) =>
    insertMelding(db(), { ...(melder ? { melder } : {}), statusLinkBox, withOutbox: false });
  const finishedJob = async (statusEventId: number) => {
    const job = await waitUntil(
      () => world.inspector.queue('notifications').getJob(`notify-status-${statusEventId}`),
      {
        what: 'the notification job',
      },
    );
    await waitUntil(async () => ['completed', 'failed'].includes(await job.getState()), {
      what: 'the notification job to finish',
    });
    return world.inspector.queue('notifications').getJob(job.id ?? '');
  };

  it('afgehandeld: the officer’s message (escaped, never a link), the status link and the feedback link', async () => {
    const address = 'afgehandeld@example.nl';
    const m = await melding({ email: address, wantsFeedback: true });
    const message =
      'We hebben de jongeren aangesproken.\n' +
      '<script>alert(1)</script>\n' +
      '<a href="https://evil.example/login">Klik hier</a> of kijk op https://evil.example';
    const change = await insertStatusChange(db(), m.meldingId, {
      from: 'in_behandeling',
      to: 'afgehandeld',
      publicMessage: message,
      internalNote: 'Intern: oude bekenden van de wijkagent',
    });

    const [mail] = await waitUntil(() => mailsTo(address).length === 1 && mailsTo(address), {
      what: 'the mail',
    });
    expect(mail?.parsed.subject).toBe(`Uw melding ${m.reference}: afgehandeld`);
    const text = mail?.parsed.text ?? '';
    const html = String(mail?.parsed.html);
    const statusUrl = `${publicBaseUrl}/m/${m.statusToken}`;

    expect(text).toContain('We hebben de jongeren aangesproken.');
    expect(text).toContain('https://evil.example');
    expect(html).toContain('We hebben de jongeren aangesproken.<br>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<a[^>]*evil/i);
    expect(html).not.toContain('https://evil.example');
    expect(html).toContain('kijk op https:&#8203;//evil.&#8203;example</div>');
    // Our two links and nothing else: the status page and its feedback form.
    expect(html.match(/<a /g)).toHaveLength(2);
    for (const body of [text, html]) {
      expect(body).toContain(statusUrl);
      expect(body).toContain(`${statusUrl}#opgelost`);
      expect(body).toContain('Is uw melding opgelost?');
      expect(body).not.toContain('Intern');
      expect(body).not.toMatch(/Steenhoffstraat\s+\d|3764 ?BM|52\.17|5\.29/);
    }
    const deliveries = await waitUntil(async () => {
      const rows = await listEmailDeliveries(db(), m.meldingId);
      return rows.length > 0 && rows.every((d) => d.status !== 'sending') && rows;
    });
    expect(deliveries.map((d) => [d.notificationKey, d.template, d.attempt, d.status])).toEqual([
      [`status-${change.statusEventId}`, 'status_gewijzigd', 1, 'sent'],
    ]);
  });

  it('reactie_gevraagd: the question and the link to answer it', async () => {
    const address = 'vraag@example.nl';
    const m = await melding({ email: address, wantsFeedback: true });
    await insertStatusChange(db(), m.meldingId, {
      from: 'in_behandeling',
      to: 'reactie_gevraagd',
      publicMessage: 'Hoe laat ziet u de groep meestal staan?',
    });
    const [mail] = await waitUntil(() => mailsTo(address).length === 1 && mailsTo(address));
    expect(mail?.parsed.subject).toBe(`Uw melding ${m.reference}: er is een vraag aan u`);
    const text = mail?.parsed.text ?? '';
    expect(text).toContain('We hebben een vraag over uw melding.');
    expect(text).toContain('Hoe laat ziet u de groep meestal staan?');
    expect(text).toContain(`${publicBaseUrl}/m/${m.statusToken}#vraag`);
    expect(text).not.toContain('#opgelost');
    expect(String(mail?.parsed.html)).toContain(`href="${publicBaseUrl}/m/${m.statusToken}#vraag"`);
  });

  it.each([
    [
      'a change the status machine keeps internal (ingedeeld)',
      { email: 'intern@example.nl', wantsFeedback: true },
      'ingedeeld',
    ],
    ['an anonymous melder', undefined, 'afgehandeld'],
    [
      'a melder who wants no terugkoppeling',
      { email: 'geen-post@example.nl', wantsFeedback: false },
      'afgehandeld',
    ],
  ] as const)('sends nothing and records nothing for %s', async (_label, melder, to) => {
    const before = world.sink.received.length;
    const m = await melding(melder);
    const change = await insertStatusChange(db(), m.meldingId, {
      from: 'gemeld',
      to,
      publicMessage: to === 'afgehandeld' ? 'Opgelost.' : null,
    });
    const job = await finishedJob(change.statusEventId);
    expect(job?.returnvalue).toBe('skipped');
    expect(world.sink.received.length).toBe(before);
    expect(await listEmailDeliveries(db(), m.meldingId)).toEqual([]);
  });

  it('refuses a job whose status event belongs to another melding: no retry, no mail', async () => {
    const victim = await melding({ email: 'slachtoffer@example.nl', wantsFeedback: true });
    const other = await melding({ email: 'ander@example.nl', wantsFeedback: true });
    // The event is the other melding's, the outbox row names the victim's melding.
    const change = await insertStatusChange(db(), other.meldingId, {
      from: 'in_behandeling',
      to: 'afgehandeld',
      publicMessage: 'Bericht voor de ander.',
      outboxMeldingId: victim.meldingId,
    });
    const job = await finishedJob(change.statusEventId);
    expect(await job?.getState()).toBe('failed');
    expect(job?.attemptsMade).toBe(1);
    expect(job?.failedReason).toMatch(/does not belong/);
    expect(mailsTo('slachtoffer@example.nl')).toHaveLength(0);
    expect(mailsTo('ander@example.nl')).toHaveLength(0);
    expect(await listEmailDeliveries(db(), victim.meldingId)).toEqual([]);
  });
});
