import { MELDER_ACTOR, type MeldingStatus, outboxTopics } from '@buurtsignaal/core';
import * as schema from '@buurtsignaal/db/schema';
import {
  appendMelderStatusChange,
  type MelderChangeTopic,
} from '@buurtsignaal/db/tables/meldingen-repository';
import { createMailTransport, type Mailer } from '@buurtsignaal/mail';
import { SmtpSink } from '@buurtsignaal/testkit';
import { deliverNotification } from '@buurtsignaal/worker';
import { desc, eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewStatusMail } from '../../src/handling/mail-preview.ts';
import { createMelding, useHandlingWorld } from '../support/handling-helpers.ts';

// The console's mail preview and the notification worker ask one mail policy (core): for every kind of
// melder and every kind of change, "would be sent" in the preview is what the worker then does. Before,
// the preview had a copy of the rule without the exception for the melder's own action.

const publicBaseUrl = 'https://buurtsignaal.test';
let sink: SmtpSink;
let mailer: Mailer;
const w = useHandlingWorld();
beforeAll(async () => {
  sink = await SmtpSink.start();
  mailer = createMailTransport({ smtpUrl: sink.url });
});
afterAll(async () => {
  mailer?.close();
  await sink?.close();
});

type Recipient = 'reachable' | 'no-feedback' | 'anonymous' | 'anonymised';
const recipients: Recipient[] = ['reachable', 'no-feedback', 'anonymous', 'anonymised'];

async function meldingFor(recipient: Recipient, status: MeldingStatus, n: number) {
  const email = `melder-${n}@example.nl`;
  const contact =
    recipient === 'anonymous' ? undefined : { email, wantsFeedback: recipient !== 'no-feedback' };
  const m = await createMelding(w.t.app, w.db, { status, intake: { contact } });
  if (recipient === 'anonymised') {
    await w.db
      .update(schema.melders)
      .set({ anonymisedAt: new Date() })
      .where(eq(schema.melders.meldingId, m.id));
  }
  return m;
}

async function lastEventId(meldingId: string): Promise<number> {
  const [event] = await w.db
    .select({ id: schema.statusEvents.id })
    .from(schema.statusEvents)
    .where(eq(schema.statusEvents.meldingId, meldingId))
    .orderBy(desc(schema.statusEvents.id))
    .limit(1);
  if (!event) throw new Error('no status event');
  return Number(event.id);
}

/** What the worker does with the status event: the real notification worker against a real SMTP server. */
async function workerMails(meldingId: string, statusEventId: number): Promise<boolean> {
  const outcome = await deliverNotification(
    {
      db: w.database.client.db,
      mailer,
      mailFrom: 'Gemeente Soest <noreply@soest.test>',
      publicBaseUrl,
      statusLinkBox: undefined,
      logger: pino({ level: 'silent' }),
    },
    {
      meldingId,
      template: 'status_gewijzigd',
      notificationKey: `status-${statusEventId}`,
      statusEventId,
    },
    { isLastAttempt: true },
  );
  expect(['sent', 'skipped']).toContain(outcome);
  return outcome === 'sent';
}

const staffChanges: { to: MeldingStatus; body: Record<string, string> }[] = [
  { to: 'in_behandeling', body: {} },
  { to: 'ingedeeld', body: {} },
  { to: 'doorgestuurd', body: { publicMessage: 'Naar de woningcorporatie.', forwardedTo: 'Portaal' } },
  { to: 'geannuleerd', body: { reason: 'Dubbel gemeld.' } },
];

const melderChanges: {
  from: MeldingStatus;
  to: MeldingStatus;
  topic: MelderChangeTopic;
}[] = [
  // The melder answers the question on the status page: not news to them.
  { from: 'reactie_gevraagd', to: 'in_behandeling', topic: outboxTopics.statusChanged },
  // The melder says "niet opgelost": the reopen is confirmed by mail.
  { from: 'afgehandeld', to: 'heropend', topic: outboxTopics.heropend },
];

describe('mail preview and notification worker agree (core mail policy)', () => {
  it('for a staff change, for every kind of melder', async () => {
    const seen: string[] = [];
    let n = 0;
    for (const recipient of recipients) {
      for (const change of staffChanges) {
        n += 1;
        const m = await meldingFor(recipient, 'ingedeeld', n);
        const preview = await w.asBoa('POST', `/api/v1/staff/meldingen/${m.id}/preview`, {
          to: change.to,
          ...change.body,
        });
        expect(preview.statusCode, preview.body).toBe(200);
        const done = await w.asBoa('POST', `/api/v1/staff/meldingen/${m.id}/transitions`, {
          to: change.to,
          ...change.body,
        });
        expect(done.statusCode, done.body).toBe(200);
        const mailed = await workerMails(m.id, await lastEventId(m.id));
        expect(preview.json().sentToMelder, `${recipient} → ${change.to}`).toBe(mailed);
        if (mailed) seen.push(`${recipient} → ${change.to}`);
      }
    }
    // Only the melder who can be mailed hears of it, and not of the internal ingedeeld.
    expect(seen).toEqual([
      'reachable → in_behandeling',
      'reachable → doorgestuurd',
      'reachable → geannuleerd',
    ]);
  });

  it("for the melder's own change (their answer is not mailed, their reopen is), for every kind of melder", async () => {
    const seen: string[] = [];
    let n = 100;
    for (const recipient of recipients) {
      for (const change of melderChanges) {
        n += 1;
        const m = await meldingFor(recipient, change.from, n);
        const preview = await previewStatusMail(w.db, {
          meldingId: m.id,
          to: change.to,
          actor: MELDER_ACTOR,
          publicMessage: 'Mijn antwoord.',
          publicBaseUrl,
        });
        const statusEventId = await w.db.transaction((tx) =>
          appendMelderStatusChange(tx, {
            meldingId: m.id,
            fromStatus: change.from,
            toStatus: change.to,
            publicMessage: 'Mijn antwoord.',
            topic: change.topic,
            reopen: change.to === 'heropend',
            at: new Date(),
          }),
        );
        const mailed = await workerMails(m.id, statusEventId);
        expect(preview?.sentToMelder, `${recipient}: ${change.from} → ${change.to}`).toBe(mailed);
        if (mailed) seen.push(`${recipient} → ${change.to}`);
      }
    }
    expect(seen).toEqual(['reachable → heropend']);
  });
});
