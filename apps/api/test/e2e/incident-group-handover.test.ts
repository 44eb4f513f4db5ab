import { listAssignmentsForMelding } from '@buurtsignaal/db/tables/assignments-repository';
import { listNoticesForMelding } from '@buurtsignaal/db/tables/dispatch-notices-repository';
import { waitForIdleQueues, waitUntil } from '@buurtsignaal/testkit';
import { describe, expect, it } from 'vitest';
import { as } from '../support/staff-helpers.ts';
import { north, useIncidentWorld } from './incident-world.ts';

// One incident keeps exactly one notice chain when its first melding (the primary) leaves the group:
// split off, the oldest remaining member takes over and is told to the boa on duty; cancelled with the
// group dissolving, the member left is dispatched on its own. Real intake, running worker.

const w = useIncidentWorld('incident-group-handover');
const { t, prefix, statusOf, report, routed, detail } = w;

const sentNotices = async (id: string) =>
  (await listNoticesForMelding(t.db, id))
    .filter((n) => n.status === 'sent')
    .map((n) => n.channel)
    .sort();
const primaryOf = async (id: string) =>
  (await detail(id)).group?.members.find((m: { primary: boolean }) => m.primary)?.id as string | undefined;

describe('the first melding of a group leaves it', () => {
  it('split off: allowed, and the oldest remaining member takes over the notices', async () => {
    const base = north(-4000);
    const a = await report(base, 'first-a@example.nl');
    await routed([a.id]);
    const b = await report(north(30, base), 'first-b@example.nl');
    await routed([b.id]);
    const c = await report(north(60, base), 'first-c@example.nl');
    await routed([c.id]);
    await waitForIdleQueues(prefix);
    expect(await primaryOf(c.id)).toBe(a.id);
    expect(await sentNotices(a.id)).toEqual(['console', 'email']);
    expect(await listNoticesForMelding(t.db, b.id)).toEqual([]);

    const split = await as(t.app, w.boa)('POST', `/api/v1/staff/meldingen/${a.id}/split`, {});
    expect(split.statusCode, split.body).toBe(200);
    // b (the oldest left) leads the group of two and is told; c stays quiet; a goes on on its own.
    expect(await primaryOf(c.id)).toBe(b.id);
    expect((await detail(b.id)).group.size).toBe(2);
    await waitUntil(async () => (await sentNotices(b.id)).length === 2, { what: 'b dispatched' });
    expect(await sentNotices(b.id)).toEqual(['console', 'email']);
    await waitUntil(async () => (await listAssignmentsForMelding(t.db, a.id)).length === 2, {
      what: 'a routed on its own',
    });
    await waitForIdleQueues(prefix);
    expect(await listNoticesForMelding(t.db, c.id)).toEqual([]);
    expect((await detail(a.id)).group).toBeUndefined();
  });

  it('cancelled, the group dissolving: the member left is dispatched on its own', async () => {
    const base = north(-5500);
    const d = await report(base, 'cancel-d@example.nl');
    await routed([d.id]);
    const e = await report(north(30, base), 'cancel-e@example.nl');
    await routed([e.id]);
    await waitForIdleQueues(prefix);
    expect(await primaryOf(e.id)).toBe(d.id);
    expect(await listNoticesForMelding(t.db, e.id)).toEqual([]);

    const cancelled = await as(t.app, w.boa)('POST', `/api/v1/staff/meldingen/${d.id}/transitions`, {
      to: 'geannuleerd',
      reason: 'Per ongeluk gemeld.',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect((await detail(e.id)).group).toBeUndefined();
    await waitUntil(async () => (await sentNotices(e.id)).length === 2, { what: 'e dispatched' });
    expect(await sentNotices(e.id)).toEqual(['console', 'email']);
    expect(await statusOf(e.id)).toBe('ingedeeld');
  });
});
