import { randomUUID } from 'node:crypto';
import { wallClockInstant as at } from '@buurtsignaal/core';
import { SecretBox, seedReferenceData } from '@buurtsignaal/db';
import * as schema from '@buurtsignaal/db/schema';
import { listAssignmentsForMelding } from '@buurtsignaal/db/tables/assignments-repository';
import { generateShiftInstancesAhead } from '@buurtsignaal/db/tables/shift-instances-generation';
import { insertStaffUser } from '@buurtsignaal/db/tables/staff-users-repository';
import { updateTeamSettings } from '@buurtsignaal/db/tables/teams-repository';
import { createMailTransport, type Mailer } from '@buurtsignaal/mail';
import { cleanRedisPrefix, SmtpSink, testEnv, testRedisPrefix, waitUntil } from '@buurtsignaal/testkit';
import { type RunningWorker, startWorker } from '@buurtsignaal/worker';
import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, validIntake } from '../support/helpers.ts';
import { useTestDatabase } from '../support/test-app.ts';

// The melder hears the truth about when: the intake reply (confirmation page), the "ontvangen" mail and
// the status page say who picks the melding up and when, from the routing outcome and Soest's seeded
// rosters (boa's 07:00–22:30, police around the clock), on an injected clock. API and worker together,
// as in production: the mail goes out after routing has stored the assignment.

const officers = { boa: 'M. de Vries', politie: 'K. Jansen' } as const;

describe('the melder hears who picks the melding up, and when', () => {
  const database = useTestDatabase();
  const prefix = testRedisPrefix('pickup');
  let sink: SmtpSink;
  let mailer: Mailer;
  let t: TestApp;
  let worker: RunningWorker;
  let clock = at('2026-06-02', '23:30'); // a Tuesday
  const now = () => clock;

  beforeAll(async () => {
    const db = database.db;
    for (const role of ['boa', 'politie'] as const) {
      const name = officers[role];
      const id = randomUUID();
      const teamIds = [role === 'boa' ? 'boa-team' : 'politie-basisteam'];
      await insertStaffUser(db, { id, name, role, teamIds, email: `${id}@soest.test`, passwordHash: 'x' });
    }
    // The seed puts the staff of each team on its seeded shifts.
    await seedReferenceData(db);
    await generateShiftInstancesAhead(db, { now: at('2026-06-01', '00:00') });
    await updateTeamSettings(db, 'boa-team', { fallbackTeamId: 'politie-basisteam', at: new Date() });
    const key = SecretBox.generateKey();
    t = await buildTestApp(database.client, { env: { STATUS_LINK_KEY: key }, now });
    sink = await SmtpSink.start();
    mailer = createMailTransport({ smtpUrl: sink.url });
    worker = await startWorker({
      database: database.client,
      redisUrl: testEnv.redisUrl,
      prefix,
      mailer,
      mailFrom: 'Gemeente Soest <noreply@soest.test>',
      publicBaseUrl: 'https://buurtsignaal.test',
      statusLinkBox: SecretBox.fromBase64(key),
      logger: pino({ level: 'silent' }),
      sweepIntervalMs: 200,
      now,
    });
  });
  afterAll(async () => {
    await worker?.close();
    mailer?.close();
    await t?.close();
    await sink?.close();
    await cleanRedisPrefix(prefix);
  });

  const submit = async (email: string, answers: Record<string, unknown>) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/meldingen',
      payload: validIntake({ answers, contact: { email, wantsFeedback: true } }),
    });
    expect(res.statusCode).toBe(201);
    return res.json() as {
      id: string;
      statusUrl: string;
      pickup?: { kind: string; message: string; safety: string | null; expectedPickupFrom: string | null };
    };
  };
  const status = async (statusUrl: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/status/${statusUrl.split('/m/')[1]}` });
    expect(res.statusCode).toBe(200);
    return { body: res.json(), raw: res.body };
  };

  it('a normaal melding at 23:30: "morgen vanaf 07:00", with 112 and 0900-8844, in the reply, the mail and the status', async () => {
    clock = at('2026-06-02', '23:30');
    const reply = await submit('nacht@example.nl', { aantal_personen: 6 });
    expect(reply.pickup).toMatchObject({ kind: 'next_shift', expectedPickupFrom: '2026-06-03T07:00' });
    expect(reply.pickup?.message).toBe(
      'Boa-team Soest is nu niet in dienst; uw melding wordt morgen vanaf 07:00 opgepakt.',
    );
    expect(reply.pickup?.safety).toMatch(/112.*0900-8844/);

    const mail = await waitUntil(() => sink.received.find((m) => m.envelopeTo.includes('nacht@example.nl')), {
      what: 'the ontvangen mail',
    });
    const text = mail.parsed.text ?? '';
    expect(text).toContain(
      'Boa-team Soest is nu niet in dienst; uw melding wordt morgen vanaf 07:00 opgepakt.',
    );
    expect(text).toContain('112');
    expect(text).toContain('0900-8844');
    expect(text).not.toContain('gaat meteen naar het team dat dienst heeft');
    // The mail waited for routing: the assignment it speaks of was stored.
    expect((await listAssignmentsForMelding(database.db, reply.id)).map((a) => a.teamId)).toEqual([
      'boa-team',
    ]);

    const { body, raw } = await status(reply.statusUrl);
    expect(body.pickup).toMatchObject({
      kind: 'next_shift',
      teamName: 'Boa-team Soest',
      onDutyNow: false,
      expectedPickupFrom: '2026-06-03T07:00',
      expectedPickupAt: '2026-06-03T05:00:00.000Z',
    });
    for (const name of Object.values(officers)) expect(raw).not.toContain(name);
  });

  it('claimed by an officer: the status page says since when and by which team, never the officer', async () => {
    clock = at('2026-06-02', '23:30');
    const reply = await submit('geclaimd@example.nl', { aantal_personen: 3 });
    await waitUntil(async () => (await listAssignmentsForMelding(database.db, reply.id)).length === 1, {
      what: 'routing',
    });
    clock = at('2026-06-03', '07:12');
    const [officer] = await database.db
      .select({ id: schema.staffUsers.id })
      .from(schema.staffUsers)
      .where(eq(schema.staffUsers.name, officers.boa));
    await database.db.insert(schema.statusEvents).values({
      meldingId: reply.id,
      fromStatus: 'ingedeeld',
      toStatus: 'in_behandeling',
      actor: `staff:${officer?.id}`,
      createdAt: clock,
    });
    await database.db
      .update(schema.meldingen)
      .set({ status: 'in_behandeling' })
      .where(eq(schema.meldingen.id, reply.id));
    clock = at('2026-06-03', '09:00');
    const { body, raw } = await status(reply.statusUrl);
    expect(body.pickup).toMatchObject({
      kind: 'in_behandeling',
      teamName: 'Boa-team Soest',
      message: 'Uw melding is in behandeling bij Boa-team Soest sinds vandaag 07:12.',
      safety: null,
    });
    for (const name of Object.values(officers)) expect(raw).not.toContain(name);
  });

  it('a jeugdoverlast nu gaande at 23:30 (spoed, the police by rule): the police on duty get it directly', async () => {
    clock = at('2026-06-02', '23:30');
    const reply = await submit('spoed@example.nl', { aantal_personen: 6, nu_gaande: true });
    expect(reply.pickup?.message).toBe(
      'Politie basisteam Eemland-Noord is nu in dienst en krijgt uw melding direct.',
    );
    const mail = await waitUntil(() => sink.received.find((m) => m.envelopeTo.includes('spoed@example.nl')), {
      what: 'the ontvangen mail',
    });
    expect(mail.parsed.text).toContain(
      'Politie basisteam Eemland-Noord is nu in dienst en krijgt uw melding direct.',
    );
  });
});
