import { findMeldingAddress } from '@buurtsignaal/db/tables/melding-addresses-repository';
import { testRedisPrefix, waitUntil } from '@buurtsignaal/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookUpAddress } from '../../src/geocoding/geocoding-worker.ts';
import { FakePdok } from '../support/fake-pdok.ts';
import { insertMelding, meldingRow, silentLogger } from '../support/helpers.ts';
import { useWorkerHarness } from '../support/worker-harness.ts';

describe('the address of a GPS melding, looked up after intake (stand-in PDOK, PostgreSQL, Redis)', () => {
  let pdok: FakePdok;
  beforeAll(async () => {
    pdok = await FakePdok.start();
  });
  afterAll(async () => {
    await pdok.stop();
  });
  const world = useWorkerHarness(testRedisPrefix('worker-geocoding'), {
    geocoding: () => ({
      pdokBaseUrl: pdok.baseUrl,
      timeoutMs: 2_000,
      retry: { attempts: 12, backoffMs: 100 },
    }),
  });
  const db = () => world.db;
  const geocodeJob = (meldingId: string) =>
    waitUntil(() => world.inspector.queue('geocoding').getJob(`geocode-${meldingId}`), {
      what: 'the geocoding job',
    });

  it('stores street, house number and letter, postcode and woonplaats on a melding placed by GPS', async () => {
    const m = await insertMelding(db(), { addressText: null });
    const address = await waitUntil(() => findMeldingAddress(db(), m.meldingId), { what: 'the address' });
    expect(address).toMatchObject({
      status: 'found',
      street: 'Steenhoffstraat',
      houseNumber: 46,
      houseLetter: 'a',
      houseNumberAddition: null,
      postcode: '3764BM',
      woonplaats: 'Soest',
      attempts: 1,
    });
    const [request] = pdok.reverseRequests().filter((u) => u.searchParams.get('lat') === '52.1733');
    expect(request?.pathname).toBe('/bzk/locatieserver/search/v3_1/reverse');
    expect(request?.searchParams.get('lon')).toBe('5.2917');
    expect(request?.searchParams.get('type')).toBe('adres');
    expect(request?.searchParams.get('rows')).toBe('1');
    // Ids only in Redis: no point, no description, no address.
    const job = await geocodeJob(m.meldingId);
    expect(job.data).toEqual({ meldingId: m.meldingId });
    expect(JSON.stringify(job.data)).not.toMatch(/52\.17|5\.29|Steenhoff|jongeren/);
  });

  it('looks nothing up for a melding whose resident chose an address', async () => {
    const before = pdok.reverseRequests().length;
    const m = await insertMelding(db(), { addressText: 'Van Weedestraat 1, 3761 CA Soest' });
    const job = await geocodeJob(m.meldingId);
    await waitUntil(async () => (await job.getState()) === 'completed', { what: 'the job to finish' });
    expect((await world.inspector.queue('geocoding').getJob(job.id ?? ''))?.returnvalue).toBe('not-needed');
    expect(pdok.reverseRequests().length).toBe(before);
    expect(await findMeldingAddress(db(), m.meldingId)).toBeUndefined();
  });

  it('PDOK answering 503, then refusing connections: intake and routing go on, the lookup is retried and stored once PDOK answers', async () => {
    pdok.mode = 'unavailable';
    const m = await insertMelding(db(), { addressText: null });
    await waitUntil(() => pdok.reverseRequests().length > 0, {
      what: 'a first request',
    });
    const requestsAt503 = pdok.reverseRequests().length;
    await waitUntil(async () => pdok.reverseRequests().length >= requestsAt503 + 2, { what: '503s retried' });
    await pdok.stop();
    // Meanwhile the melding was routed as always: the lookup holds nothing up.
    const routed = await waitUntil(
      async () => {
        const row = await meldingRow(db(), m.meldingId);
        return row?.status === 'ingedeeld' && row;
      },
      { what: 'the melding to be routed while PDOK is down' },
    );
    expect(routed.teamId).not.toBeNull();
    expect(await findMeldingAddress(db(), m.meldingId)).toBeUndefined();
    const job = await geocodeJob(m.meldingId);
    const refusedFrom = job.attemptsMade;
    await waitUntil(
      async () => {
        const j = await world.inspector.queue('geocoding').getJob(job.id ?? '');
        return (j?.attemptsMade ?? 0) >= refusedFrom + 1;
      },
      { what: 'a retry while refused' },
    );
    pdok.mode = 'ok';
    await pdok.listen();
    const address = await waitUntil(
      async () => {
        const a = await findMeldingAddress(db(), m.meldingId);
        return a?.status === 'found' && a;
      },
      { what: 'the address once PDOK is back', timeoutMs: 20_000 },
    );
    expect(address.street).toBe('Steenhoffstraat');
    expect(address.houseNumber).toBe(46);
    expect(address.attempts).toBeGreaterThanOrEqual(4);
  });

  it('gives up after its last attempt as "adres onbekend" (failed), which a later success replaces', async () => {
    const m = await insertMelding(db(), { addressText: null, withOutbox: false });
    const deps = {
      db: db(),
      now: () => new Date(),
      logger: silentLogger,
      pdokBaseUrl: 'http://127.0.0.1:9',
      timeoutMs: 1_000,
    };
    await expect(
      lookUpAddress(deps, { meldingId: m.meldingId }, { number: 1, isLast: false }),
    ).rejects.toThrow(/not reachable/);
    expect(await findMeldingAddress(db(), m.meldingId)).toBeUndefined();
    expect(await lookUpAddress(deps, { meldingId: m.meldingId }, { number: 2, isLast: true })).toBe('failed');
    expect(await findMeldingAddress(db(), m.meldingId)).toMatchObject({ status: 'failed', attempts: 2 });
    const ok = { ...deps, pdokBaseUrl: pdok.baseUrl };
    expect(await lookUpAddress(ok, { meldingId: m.meldingId }, { number: 1, isLast: false })).toBe('found');
    expect(await lookUpAddress(ok, { meldingId: m.meldingId }, { number: 1, isLast: false })).toBe(
      'already-done',
    );
  });
});
