import { randomUUID } from 'node:crypto';
import { stuckJobListSchema } from '@buurtsignaal/core/contract';
import * as schema from '@buurtsignaal/db/schema';
import { recordAssignment } from '@buurtsignaal/db/tables/assignments-repository';
import { listNoticesForMelding, recordNotices } from '@buurtsignaal/db/tables/dispatch-notices-repository';
import { markDispatchStuck } from '@buurtsignaal/db/tables/stuck-jobs-repository';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../../src/staff/totp.ts';
import { validIntake } from '../support/helpers.ts';
import {
  as,
  createUser,
  login,
  PASSWORD,
  type StaffSession,
  type TestUser,
} from '../support/staff-helpers.ts';
import { useTestApp } from '../support/test-app.ts';

// A dispatch step whose job failed for good is listed under "Vastgelopen taken" and retried from there:
// the retry puts its failed notices back to pending and asks the worker (job.retry) to run the step again.

let admin: TestUser;
let adminSession: StaffSession;
const t = useTestApp();
beforeAll(async () => {
  admin = await createUser(t.db, 'beheer-dispatch@soest.nl', 'admin', [], { totp: true });
  adminSession = await login(t.app, admin.email, PASSWORD, currentTotp(admin.totpSecret ?? '', new Date()));
});

describe('a stuck dispatch step', () => {
  it('is listed as a dispatch and its retry requeues the failed notices with the step’s ids', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/meldingen', payload: validIntake() });
    const { id: meldingId } = res.json() as { id: string };
    const assignmentId = randomUUID();
    const at = new Date();
    await t.db.transaction((tx) =>
      recordAssignment(tx, {
        id: assignmentId,
        meldingId,
        routingKey: `test-${assignmentId}`,
        teamId: 'boa-team',
        priority: 'spoed',
        reason: 'test',
        fromStatus: 'gemeld',
        at,
        deadlineAt: null,
      }),
    );
    const notice = { assignmentId, meldingId, step: 2, userId: admin.id, reason: 'on_duty', at };
    await recordNotices(t.db, [
      { ...notice, channel: 'console', status: 'sent' },
      { ...notice, channel: 'email', status: 'failed' },
    ]);
    const workKey = `dispatch-${assignmentId}-2`;
    expect(await markDispatchStuck(t.db, { workKey, assignmentId }, { at, error: 'x: 554 no' })).toBe(true);

    const list = await as(t.app, adminSession)('GET', '/api/v1/staff/admin/stuck');
    expect(list.statusCode, list.body).toBe(200);
    const item = stuckJobListSchema.parse(list.json()).items.find((i) => i.melding.id === meldingId);
    expect(item).toMatchObject({ kind: 'dispatch', what: 'Bericht aan de dienstdoende medewerkers' });

    const retry = await as(t.app, adminSession)('POST', `/api/v1/staff/admin/stuck/${item?.id}/retry`, {});
    expect(retry.statusCode, retry.body).toBe(202);
    const outbox = await t.db
      .select()
      .from(schema.outbox)
      .where(and(eq(schema.outbox.aggregateId, meldingId), eq(schema.outbox.topic, 'job.retry')));
    expect(outbox.map((o) => o.payload)).toEqual([
      expect.objectContaining({
        kind: 'dispatch',
        assignmentId,
        teamId: 'boa-team',
        priority: 'spoed',
        step: 2,
      }),
    ]);
    const notices = await listNoticesForMelding(t.db, meldingId);
    expect(notices.map((n) => `${n.channel}/${n.status}`).sort()).toEqual(['console/sent', 'email/pending']);
  });
});
