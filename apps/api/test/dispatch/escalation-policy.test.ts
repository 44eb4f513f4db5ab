import { escalationPolicyViewSchema, parseReply } from '@buurtsignaal/core/contract';
import { findDispatchAssignment } from '@buurtsignaal/db/queries/dispatch/dispatch-context';
import { listAuditForActor } from '@buurtsignaal/db/tables/audit-log-repository';
import { findEscalationPolicy } from '@buurtsignaal/db/tables/teams-repository';
import { beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../../src/staff/totp.ts';
import {
  as,
  createUser,
  login,
  PASSWORD,
  type StaffSession,
  type TestUser,
} from '../support/staff-helpers.ts';
import { useTestApp } from '../support/test-app.ts';

// A coordinator reads and edits a team's escalation policy: validated with core's schema (a 400 that
// names the field), the teams a level names checked, every change audited, and a reset to the default.

const url = '/api/v1/staff/teams/boa-team/escalation-policy';
const t = useTestApp();
let coordinator: TestUser;
let coordinatorSession: StaffSession;
let boaSession: StaffSession;

beforeAll(async () => {
  coordinator = await createUser(t.db, 'coord-esc@soest.nl', 'coordinator', [], { totp: true });
  coordinatorSession = await login(
    t.app,
    coordinator.email,
    PASSWORD,
    currentTotp(coordinator.totpSecret ?? '', new Date()),
  );
  const boa = await createUser(t.db, 'boa-esc@soest.nl', 'boa', ['boa-team']);
  boaSession = await login(t.app, boa.email);
});

const policy = {
  levels: [
    { delayMinutes: 5, targets: ['lead'] },
    { delayMinutes: 15, targets: ['team:politie-basisteam', 'coordinator'] },
  ],
  repeat: 2,
};

describe('a team’s escalation policy', () => {
  it('shows the default, stores a new one (audited) and resets it', async () => {
    const first = await as(t.app, coordinatorSession)('GET', url);
    expect(first.statusCode, first.body).toBe(200);
    const view = parseReply(escalationPolicyViewSchema, first.json());
    expect(view).toMatchObject({ teamId: 'boa-team', isDefault: true });
    expect(view.otherTeams.map((x) => x.id)).toContain('politie-basisteam');
    expect(view.otherTeams.map((x) => x.id)).not.toContain('boa-team');

    const put = await as(t.app, coordinatorSession)('PUT', url, policy);
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ isDefault: false, policy });
    expect((await findEscalationPolicy(t.db, 'boa-team'))?.policy).toEqual(policy);
    const audit = await listAuditForActor(t.db, coordinator.id);
    expect(audit.find((a) => a.action === 'team.escalation_policy.update')).toMatchObject({ result: 'ok' });

    const reset = await as(t.app, coordinatorSession)('DELETE', url);
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json()).toMatchObject({ isDefault: true });
    expect((await findEscalationPolicy(t.db, 'boa-team'))?.policy).toBeNull();
  });

  it('refuses a policy core cannot run, naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ ...policy, levels: [{ delayMinutes: 0, targets: ['lead'] }] }, 'levels.0.delayMinutes'],
      [{ ...policy, levels: [{ delayMinutes: 5, targets: ['de baas'] }] }, 'levels.0.targets.0'],
      [{ ...policy, repeat: 99 }, 'repeat'],
      [{ ...policy, levels: [] }, 'levels'],
    ];
    for (const [body, field] of cases) {
      const res = await as(t.app, coordinatorSession)('PUT', url, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().details.map((d: { field: string }) => d.field)).toContain(field);
    }
    const unknown = await as(t.app, coordinatorSession)('PUT', url, {
      levels: [{ delayMinutes: 5, targets: ['on_duty', 'team:bestaat-niet'] }],
      repeat: 0,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      code: 'INVALID_ESCALATION_TARGET',
      details: [{ field: 'levels.0.targets.1' }],
    });
    const own = await as(t.app, coordinatorSession)('PUT', url, {
      levels: [{ delayMinutes: 5, targets: ['team:boa-team'] }],
      repeat: 0,
    });
    expect(own.json().details).toEqual([
      { field: 'levels.0.targets.0', message: expect.stringContaining('zichzelf') },
    ]);
    expect((await findEscalationPolicy(t.db, 'boa-team'))?.policy).toBeNull();
  });

  it('says in Dutch what is wrong with every field, not in zod’s English', async () => {
    const cases: [unknown, string, string][] = [
      [
        { ...policy, levels: [{ delayMinutes: 0, targets: ['lead'] }] },
        'levels.0.delayMinutes',
        'hele minuten',
      ],
      [
        { ...policy, levels: [{ delayMinutes: 2.5, targets: ['lead'] }] },
        'levels.0.delayMinutes',
        'hele minuten',
      ],
      [{ ...policy, levels: [{ delayMinutes: 5, targets: ['de baas'] }] }, 'levels.0.targets.0', 'ontvanger'],
      [
        { ...policy, levels: [{ delayMinutes: 5, targets: [] }] },
        'levels.0.targets',
        'minstens één ontvanger',
      ],
      [
        { ...policy, levels: [{ delayMinutes: 5, targets: ['lead'], x: 1 }] },
        'levels.0.x',
        'Onbekend veld: "x"',
      ],
      [{ ...policy, repeat: 99 }, 'repeat', 'herhalingen'],
      [{ ...policy, repeat: 'twee' }, 'repeat', 'herhalingen'],
      [{ ...policy, levels: [] }, 'levels', 'niveaus'],
      [{ repeat: 0 }, 'levels', 'niveaus'],
    ];
    const english = /expected|invalid|too (small|big)|unrecognized|must be/i;
    for (const [body, field, dutch] of cases) {
      const res = await as(t.app, coordinatorSession)('PUT', url, body);
      expect(res.statusCode, res.body).toBe(400);
      const details: { field: string; message: string }[] = res.json().details;
      expect(details.find((d) => d.field === field)?.message, res.body).toContain(dutch);
      for (const d of details) expect(d.message, res.body).not.toMatch(english);
    }
  });

  it('is for coordinators and admins only, and 404 for an unknown team', async () => {
    expect((await as(t.app, boaSession)('GET', url)).statusCode).toBe(403);
    expect((await as(t.app, boaSession)('PUT', url, policy)).statusCode).toBe(403);
    expect((await as(t.app, coordinatorSession)('PUT', url, policy, null)).statusCode).toBe(403);
    const missing = await as(t.app, coordinatorSession)(
      'GET',
      '/api/v1/staff/teams/geen-team/escalation-policy',
    );
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('TEAM_NOT_FOUND');
  });

  it('is what the dispatcher reads', async () => {
    await as(t.app, coordinatorSession)('PUT', url, policy);
    const { insertRoutingAssignmentForTest } = await import('./assignment-fixture.ts');
    const assignmentId = await insertRoutingAssignmentForTest(t.app, t.db, 'boa-team');
    expect((await findDispatchAssignment(t.db, assignmentId))?.policy).toEqual(policy);
  });
});
