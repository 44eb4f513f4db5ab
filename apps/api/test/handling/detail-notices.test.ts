import { randomUUID } from 'node:crypto';
import * as schema from '@buurtsignaal/db/schema';
import { markAssignmentUnanswered } from '@buurtsignaal/db/tables/assignments-repository';
import { type NewNotice, recordNotices } from '@buurtsignaal/db/tables/dispatch-notices-repository';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMelding, useHandlingWorld } from '../support/handling-helpers.ts';

// Staff see on the melding's timeline who the dispatcher told, when, and through which channel; the
// coordinator lists the meldingen nobody claimed after every escalation step.

const w = useHandlingWorld();
let meldingId: string;
let assignmentId: string;

beforeAll(async () => {
  ({ id: meldingId } = await createMelding(w.t.app, w.db, { teamId: 'boa-team', status: 'ingedeeld' }));
  assignmentId = randomUUID();
  await w.db.insert(schema.assignments).values({
    id: assignmentId,
    meldingId,
    routingKey: `test-${assignmentId}`,
    teamId: 'boa-team',
    priority: 'spoed',
    reason: 'test',
  });
  const base = { assignmentId, meldingId, reason: 'on_duty', status: 'sent' } as const;
  const t0 = new Date('2026-06-02T21:31:00Z');
  const t1 = new Date('2026-06-02T21:41:00Z');
  const notices: NewNotice[] = [
    { ...base, step: 0, userId: w.boa.id, channel: 'console', at: t0 },
    { ...base, step: 0, userId: w.boa.id, channel: 'email', at: t0 },
    { ...base, step: 0, userId: w.boa2.id, channel: 'console', at: t0 },
    { ...base, step: 0, userId: w.boa2.id, channel: 'email', status: 'failed', at: t0 },
    { ...base, step: 1, userId: w.coordinator.id, channel: 'console', reason: 'coordinator', at: t1 },
  ];
  await recordNotices(w.db, notices);
});

describe('the timeline shows the dispatch notices', () => {
  it('one entry per step with the officers told and their channels (only what was sent)', async () => {
    const res = await w.asBoa('GET', `/api/v1/staff/meldingen/${meldingId}`);
    expect(res.statusCode, res.body).toBe(200);
    const [name] = await w.db
      .select({ name: schema.staffUsers.name })
      .from(schema.staffUsers)
      .where(eq(schema.staffUsers.id, w.boa.id));
    const [name2] = await w.db
      .select({ name: schema.staffUsers.name })
      .from(schema.staffUsers)
      .where(eq(schema.staffUsers.id, w.coordinator.id));
    const notices = (res.json().timeline as { kind: string }[]).filter((e) => e.kind === 'notice');
    expect(notices).toEqual([
      {
        kind: 'notice',
        at: '2026-06-02T21:41:00.000Z',
        actor: { kind: 'systeem' },
        step: 1,
        noticeKind: 'dispatch',
        notified: [{ name: name2?.name, channels: ['console'] }],
      },
      {
        kind: 'notice',
        at: '2026-06-02T21:31:00.000Z',
        actor: { kind: 'systeem' },
        step: 0,
        noticeKind: 'dispatch',
        notified: expect.arrayContaining([
          { name: name?.name, channels: ['console', 'email'] },
          { name: expect.any(String), channels: ['console'] },
        ]),
      },
    ]);
  });
});

describe('the timeline tells a reopened dispatch and an idle reminder apart', () => {
  it('keeps each assignment’s step 0 apart and names what kind of notice it was', async () => {
    const { id } = await createMelding(w.t.app, w.db, { teamId: 'boa-team', status: 'in_behandeling' });
    const [first, second] = [randomUUID(), randomUUID()];
    const base = { meldingId: id, teamId: 'boa-team', priority: 'hoog', reason: 'test' };
    await w.db.insert(schema.assignments).values([
      { ...base, id: first, routingKey: `test-${first}`, createdAt: new Date('2026-06-02T08:00:00Z') },
      { ...base, id: second, routingKey: `test-${second}`, createdAt: new Date('2026-06-02T12:00:00Z') },
    ]);
    const n = { meldingId: id, userId: w.boa.id, channel: 'console', status: 'sent' } as const;
    await recordNotices(w.db, [
      { ...n, assignmentId: first, step: 0, reason: 'on_duty', at: new Date('2026-06-02T08:00:00Z') },
      { ...n, assignmentId: first, step: -1, reason: 'idle_reminder', at: new Date('2026-06-02T09:10:00Z') },
      { ...n, assignmentId: second, step: 0, reason: 'reopened', at: new Date('2026-06-02T12:00:00Z') },
    ]);
    const res = await w.asBoa('GET', `/api/v1/staff/meldingen/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    const notices = (res.json().timeline as { kind: string; step?: number; noticeKind?: string }[])
      .filter((e) => e.kind === 'notice')
      .map((e) => [e.step, e.noticeKind]);
    expect(notices).toEqual([
      [0, 'reopened'],
      [0, 'idle_reminder'],
      [0, 'dispatch'],
    ]);
  });
});

describe('GET /dispatch/unanswered', () => {
  it('lists for the coordinator what nobody claimed after the last step; officers may not', async () => {
    const url = '/api/v1/staff/dispatch/unanswered';
    const before = await w.asCoordinator('GET', url);
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json().items).toEqual([]);
    await markAssignmentUnanswered(w.db, assignmentId, new Date('2026-06-02T21:51:00Z'));
    const after = await w.asCoordinator('GET', url);
    expect(after.json().items).toEqual([
      expect.objectContaining({
        id: meldingId,
        priority: 'spoed',
        teamId: 'boa-team',
        unansweredAt: '2026-06-02T21:51:00.000Z',
      }),
    ]);
    expect((await w.asBoa('GET', url)).statusCode).toBe(403);
  });
});
