import * as schema from '@buurtsignaal/db/schema';
import { listAssignmentsForMelding } from '@buurtsignaal/db/tables/assignments-repository';
import { listNoticesForMelding } from '@buurtsignaal/db/tables/dispatch-notices-repository';
import { waitForIdleQueues, waitUntil } from '@buurtsignaal/testkit';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { soest } from '../support/helpers.ts';
import { as, createUser, login } from '../support/staff-helpers.ts';
import { north, useIncidentWorld } from './incident-world.ts';

// One incident, many reports, across every process boundary: three neighbours report the same group of
// youths within 150 m and a few minutes through the public intake; the worker routes and groups them,
// and the boa on duty is told once, for the group. Claiming and closing one closes the group, and every
// melder gets the closing message. Split and group-by-hand through the staff API.

const w = useIncidentWorld('incident-group');
const { t, prefix, roster, statusOf, report, routed, mailsTo, detail } = w;

describe('three neighbours, one incident', () => {
  const melders = ['buur1@example.nl', 'buur2@example.nl', 'buur3@example.nl'];
  let ids: string[] = [];

  it('gives one notice for the group (not three), counting "3 meldingen"', async () => {
    const places = [soest, north(60), north(120)];
    const reports = await Promise.all(places.map((p, i) => report(p, melders[i] as string)));
    ids = reports.map((r) => r.id);
    await routed(ids);
    await waitForIdleQueues(prefix);

    const notices = await Promise.all(ids.map((id) => listNoticesForMelding(t.db, id)));
    const told = notices.filter((n) => n.length > 0);
    expect(told, 'one melding carries the notices').toHaveLength(1);
    expect(told[0]?.map((n) => n.channel).sort()).toEqual(['console', 'email']);
    const dispatchMails = w.sink.received.filter((m) => m.envelopeTo.includes(w.boaEmail()));
    expect(dispatchMails).toHaveLength(1);

    // Every member shows the group of three; the queue marks every card with it.
    const primaryIndex = notices.findIndex((n) => n.length > 0);
    const primaryId = ids[primaryIndex] as string;
    for (const id of ids) {
      const d = await detail(id);
      expect(d.group.size).toBe(3);
      expect(d.group.members.map((m: { id: string }) => m.id).sort()).toEqual([...ids].sort());
      expect(d.group.members.find((m: { primary: boolean }) => m.primary).id).toBe(primaryId);
    }
    const queue = await as(t.app, w.boa)('GET', '/api/v1/staff/queue?team=boa-team');
    const cards = (queue.json().items as { id: string; group?: { size: number } }[]).filter((i) =>
      ids.includes(i.id),
    );
    expect(cards.map((c) => c.group?.size)).toEqual([3, 3, 3]);

    // Not claimed in time: the escalation's notice speaks for the group of three.
    const [assignment] = await listAssignmentsForMelding(t.db, primaryId);
    const check = await waitUntil(() => roster.getJob(`pickup-${assignment?.id}-1`), {
      what: 'pick-up check',
    });
    await check.promote();
    const reminder = await waitUntil(
      () =>
        w.sink.received.find(
          (m) => m.envelopeTo.includes(w.boaEmail()) && /Nog niet/.test(m.parsed.subject ?? ''),
        ),
      { what: 'the escalation mail' },
    );
    expect(reminder.parsed.subject).toContain('3 meldingen');
    expect(reminder.parsed.text).toContain('Meldingen over dit voorval: 3');
  });

  it('a claim takes the group; closing it sends each of the three melders the closing message once', async () => {
    const staff = as(t.app, w.boa);
    const claimed = await staff('POST', `/api/v1/staff/meldingen/${ids[2]}/claim`, {});
    expect(claimed.statusCode, claimed.body).toBe(200);
    expect(await Promise.all(ids.map(statusOf))).toEqual([
      'in_behandeling',
      'in_behandeling',
      'in_behandeling',
    ]);

    const closing = 'We hebben de groep jongeren aangesproken; de wijkboa komt vaker langs.';
    const closed = await staff('POST', `/api/v1/staff/meldingen/${ids[0]}/transitions`, {
      to: 'afgehandeld',
      publicMessage: closing,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(await Promise.all(ids.map(statusOf))).toEqual(['afgehandeld', 'afgehandeld', 'afgehandeld']);
    await waitUntil(() => melders.every((m) => mailsTo(m, closing).length > 0), {
      what: 'the closing mails',
    });
    await waitForIdleQueues(prefix);
    expect(melders.map((m) => mailsTo(m, closing).length)).toEqual([1, 1, 1]);
  });
});

describe('staff split a melding off and group by hand', () => {
  const far = north(-1200);
  it('a melding split off the group is dispatched on its own', async () => {
    const a = await report(far, 'split-a@example.nl');
    await routed([a.id]);
    const b = await report(north(40, far), 'split-b@example.nl');
    await routed([b.id]);
    await waitForIdleQueues(prefix);
    expect((await detail(b.id)).group.size).toBe(2);
    expect(await listNoticesForMelding(t.db, b.id)).toEqual([]);

    const split = await as(t.app, w.boa)('POST', `/api/v1/staff/meldingen/${b.id}/split`, {});
    expect(split.statusCode, split.body).toBe(200);
    expect(split.json().group).toBeUndefined();
    const notices = await waitUntil(
      async () => {
        const found = await listNoticesForMelding(t.db, b.id);
        return found.filter((n) => n.status === 'sent').length === 2 && found;
      },
      { what: 'the split melding dispatched' },
    );
    expect(notices.map((n) => n.channel).sort()).toEqual(['console', 'email']);
    // A melding in no group cannot be split off.
    const again = await as(t.app, w.boa)('POST', `/api/v1/staff/meldingen/${b.id}/split`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('NOT_GROUPED');
  });

  it('lists nearby open meldingen of the same kind and groups one by hand', async () => {
    const base = north(-2600);
    const a = await report(base, 'hand-a@example.nl');
    const b = await report(north(250, base), 'hand-b@example.nl');
    const other = await report(north(20, base), 'hand-c@example.nl', 'woonoverlast');
    await routed([a.id, b.id, other.id]);
    expect((await detail(b.id)).group).toBeUndefined();

    const nearby = await as(t.app, w.boa)('GET', `/api/v1/staff/meldingen/${a.id}/nearby`);
    expect(nearby.statusCode, nearby.body).toBe(200);
    const items = nearby.json().items as { id: string; distanceMeters: number }[];
    expect(items.map((i) => i.id)).toEqual([b.id]);
    expect(items[0]?.distanceMeters).toBeGreaterThanOrEqual(249);
    expect(items[0]?.distanceMeters).toBeLessThanOrEqual(251);

    const grouped = await as(t.app, w.boa)('POST', `/api/v1/staff/meldingen/${a.id}/group`, {
      meldingId: b.id,
    });
    expect(grouped.statusCode, grouped.body).toBe(200);
    expect(grouped.json().group.size).toBe(2);
    expect((await detail(b.id)).group.members.find((m: { primary: boolean }) => m.primary).id).toBe(a.id);

    const twice = await as(t.app, w.boa)('POST', `/api/v1/staff/meldingen/${a.id}/group`, {
      meldingId: b.id,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('ALREADY_GROUPED');
    const kind = await as(t.app, w.boa)('POST', `/api/v1/staff/meldingen/${a.id}/group`, {
      meldingId: other.id,
    });
    expect(kind.statusCode).toBe(422);
    expect(kind.json().details[0].field).toBe('meldingId');

    const audit = await t.db.select().from(schema.auditLog).where(eq(schema.auditLog.meldingId, a.id));
    expect(audit.map((r) => r.action)).toContain('melding.group');

    // Another team's officer may not see or change the boa-team's groups: 403, and audited.
    await createUser(t.db, 'agent@soest.test', 'politie', ['politie-basisteam']);
    const agent = as(t.app, await login(t.app, 'agent@soest.test'));
    expect((await agent('GET', `/api/v1/staff/meldingen/${a.id}/nearby`)).statusCode).toBe(403);
    expect((await agent('POST', `/api/v1/staff/meldingen/${b.id}/split`, {})).statusCode).toBe(403);
    const denied = await t.db.select().from(schema.auditLog).where(eq(schema.auditLog.meldingId, b.id));
    expect(
      denied.map((r) => [r.action, r.result, (r.details as { attempted?: string })?.attempted]),
    ).toContainEqual(['access_denied', 'denied', 'melding.split']);
  });
});
