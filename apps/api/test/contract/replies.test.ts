import {
  activeHotspotsResponseSchema,
  categoriesResponseSchema,
  cellProfileSchema,
  createdSchema,
  errorResponseSchema,
  hotspotMapSchema,
  hotspotNotificationsResponseSchema,
  hotspotRuleSchema,
  hotspotRulesResponseSchema,
  intakeResponseSchema,
  loginResponseSchema,
  melderStatusSchema,
  meldingDetailSchema,
  notableResponseSchema,
  noteCreatedSchema,
  parseReply,
  previewResponseSchema,
  queueResponseSchema,
  sessionResponseSchema,
  standardTextSchema,
  standardTextsResponseSchema,
  usersResponseSchema,
  webConfigSchema,
  weeklyReportSchema,
} from '@buurtsignaal/core/contract';
import { listHotspotRules } from '@buurtsignaal/db/tables/hotspot-rules-repository';
import { applyHotspotRule } from '@buurtsignaal/db/tables/hotspots-repository';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createMelding, useHandlingWorld } from '../support/handling-helpers.ts';
import { validIntake } from '../support/helpers.ts';
import { A, insertHotspotMelding, SOEST } from '../support/hotspots-helpers.ts';

// The web app parses every reply with the contract's schema (`parseReply`, apps/web/src/balie/api.ts,
// status-api.ts, form/, runtime-config.ts). Here the real API answers each request the web app makes,
// and the reply must parse with the schema the web app uses for it — and lose nothing on the way: a
// field the web app would drop, a date in another form, a route answering with another schema than the
// web app expects all fail here.

let meldingId: string;

const w = useHandlingWorld();
beforeAll(async () => {
  ({ id: meldingId } = await createMelding(w.t.app, w.db));
  const now = new Date();
  for (let i = 0; i < 3; i++) {
    await insertHotspotMelding(w.db, {
      ...A,
      occurredAt: new Date(now.getTime() - (i + 1) * 3_600_000).toISOString(),
    });
  }
});

/** The reply as the web app reads it: it parses, and parsing gives back exactly what was sent. */
function expectWebReads(res: LightMyRequestResponse, schema: z.ZodType, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  const body: unknown = res.json();
  expect(parseReply(schema, body)).toEqual(body);
  return body;
}

const staff = (path: string) => `/api/v1/staff${path}`;
const melding = (action = '') => staff(`/meldingen/${meldingId}${action}`);

describe('every reply the web app fetches parses with the contract', () => {
  it('public: config, categories, intake, status page', async () => {
    const get = (url: string) => w.t.app.inject({ method: 'GET', url });
    expectWebReads(await get('/api/v1/config'), webConfigSchema);
    expectWebReads(await get('/api/v1/categories'), categoriesResponseSchema);
    const created = await w.t.app.inject({
      method: 'POST',
      url: '/api/v1/meldingen',
      payload: validIntake(),
    });
    const { statusUrl } = intakeResponseSchema.parse(expectWebReads(created, intakeResponseSchema, 201));
    const token = statusUrl.split('/m/')[1];
    expectWebReads(await get(`/api/v1/status/${token}`), melderStatusSchema);
    // A refusal is read with the error schema.
    expectWebReads(await get('/api/v1/status/onbekend'), errorResponseSchema, 404);
  });

  it('staff: session, queue, detail and its actions, standard texts, users', async () => {
    const login = await w.t.app.inject({
      method: 'POST',
      url: staff('/login'),
      payload: { email: w.boa.email, password: 'correct horse battery' },
    });
    expectWebReads(login, loginResponseSchema);
    expectWebReads(await w.asBoa('GET', staff('/me')), sessionResponseSchema);

    expectWebReads(await w.asBoa('GET', staff('/queue?team=boa-team')), queueResponseSchema);
    expectWebReads(await w.asBoa('POST', melding('/claim'), {}), meldingDetailSchema);
    expectWebReads(
      await w.asBoa('POST', melding('/preview'), { to: 'reactie_gevraagd', publicMessage: 'Om hoe laat?' }),
      previewResponseSchema,
    );
    expectWebReads(
      await w.asBoa('POST', melding('/transitions'), {
        to: 'reactie_gevraagd',
        publicMessage: 'Om hoe laat?',
      }),
      meldingDetailSchema,
    );
    expectWebReads(await w.asBoa('POST', melding('/notes'), { body: 'Gebeld.' }), noteCreatedSchema, 201);
    expectWebReads(
      await w.asBoa('POST', melding('/notable'), { reason: 'Derde keer.' }),
      notableResponseSchema,
    );
    // The detail as the coordinator sees it: with the melder's contact data.
    expectWebReads(await w.asCoordinator('GET', melding()), meldingDetailSchema);

    const text = { category: 'jeugdoverlast', status: 'afgehandeld', title: 'Opgelost', body: 'Dank u.' };
    const created = expectWebReads(
      await w.asCoordinator('POST', staff('/standard-texts'), text),
      standardTextSchema,
      201,
    );
    const { id } = standardTextSchema.parse(created);
    expectWebReads(
      await w.asCoordinator('PUT', staff(`/standard-texts/${id}`), { ...text, active: false }),
      standardTextSchema,
    );
    expectWebReads(
      await w.asCoordinator('GET', staff('/standard-texts?all=true')),
      standardTextsResponseSchema,
    );

    expectWebReads(await w.asCoordinator('GET', staff('/users')), usersResponseSchema);
    const user = { email: 'nieuw@soest.nl', name: 'Nieuwe Boa', role: 'boa', teamIds: ['boa-team'] };
    expectWebReads(
      await w.asCoordinator('POST', staff('/users'), { ...user, password: 'een lang wachtwoord' }),
      createdSchema,
      201,
    );
  });

  it('staff: hotspot map, cell profile, rules, active hotspots, notifications, weekly overview', async () => {
    const rule = {
      name: 'Drie per week',
      category: 'jeugdoverlast',
      subcategory: null,
      resolution: 9,
      minCount: 3,
      windowDays: 14,
      active: true,
    };
    const created = expectWebReads(
      await w.asCoordinator('POST', staff('/hotspot-rules'), rule),
      hotspotRuleSchema,
      201,
    );
    const { id } = hotspotRuleSchema.parse(created);
    expectWebReads(await w.asCoordinator('PUT', staff(`/hotspot-rules/${id}`), rule), hotspotRuleSchema);
    expectWebReads(await w.asBoa('GET', staff('/hotspot-rules')), hotspotRulesResponseSchema);
    const [stored] = (await listHotspotRules(w.db)).filter((r) => r.id === id);
    if (!stored) throw new Error('rule not stored');
    await w.db.transaction((tx) =>
      applyHotspotRule(tx, stored, {
        now: new Date(),
        wijkOf: () => 'WK034202',
        teamsFor: () => ['boa-team'],
      }),
    );
    const active = expectWebReads(
      await w.asBoa('GET', staff('/hotspots/active')),
      activeHotspotsResponseSchema,
    );
    expect(activeHotspotsResponseSchema.parse(active).items).toHaveLength(1);
    const notifications = expectWebReads(
      await w.asBoa('GET', staff('/hotspots/notifications')),
      hotspotNotificationsResponseSchema,
    );
    expect(hotspotNotificationsResponseSchema.parse(notifications).items).toHaveLength(1);

    const map = expectWebReads(await w.asBoa('GET', staff(`/hotspots?${SOEST}&res=9`)), hotspotMapSchema);
    const cell = hotspotMapSchema.parse(map).cells[0]?.cell;
    expect(cell).toBeDefined();
    expectWebReads(await w.asBoa('GET', staff(`/hotspots/${cell}`)), cellProfileSchema);

    expectWebReads(await w.asCoordinator('GET', staff('/reports/weekly')), weeklyReportSchema);
  });
});
