import { randomUUID } from 'node:crypto';
import { wallClockInstant } from '@buurtsignaal/core';
import { schema } from '@buurtsignaal/db';
import { recordAssignment } from '@buurtsignaal/db/tables/assignments-repository';
import { testRedisPrefix, waitUntil } from '@buurtsignaal/testkit';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { jobIds } from '../../src/queues.ts';
import { insertRoutingMelding } from '../support/routing-fixtures.ts';
import { useWorkerHarness } from '../support/worker-harness.ts';

// A team made after the worker started gets its dispatch worker without a restart: a melding assigned
// to it is taken from its roster queue by the running worker.

const NOW = wallClockInstant('2026-06-02', '20:00');

describe('dispatch workers for teams made later', () => {
  const world = useWorkerHarness(testRedisPrefix('worker-dispatch-teams'), {
    now: () => NOW,
    dispatch: { teamWatchEveryMs: 200 },
  });

  it('consumes the roster queue of a team added while the worker runs', async () => {
    await world.db.insert(schema.teams).values({ id: 'toezicht-team', name: 'Toezicht', kind: 'other' });
    const { meldingId, statusEventId } = await insertRoutingMelding(world.db, {
      category: 'jeugdoverlast',
      reportedAt: NOW,
    });
    const assignmentId = randomUUID();
    await world.db.transaction((tx) =>
      recordAssignment(tx, {
        id: assignmentId,
        meldingId,
        routingKey: `event-${statusEventId}`,
        teamId: 'toezicht-team',
        priority: 'normaal',
        reason: 'test',
        fromStatus: 'gemeld',
        at: NOW,
        deadlineAt: null,
      }),
    );
    const queue = world.inspector.roster('toezicht-team');
    const jobId = jobIds.roster(assignmentId);
    await queue.add(
      'assignment',
      { meldingId, assignmentId, teamId: 'toezicht-team', priority: 'normaal' },
      { jobId },
    );
    // Nobody is on duty in a team without a roster: nothing to wait for, listed as onbeantwoord.
    await waitUntil(async () => (await queue.getJobState(jobId)) === 'completed', {
      what: 'the new team’s roster job taken by the running worker',
    });
    const [row] = await world.db
      .select({ unansweredAt: schema.assignments.unansweredAt })
      .from(schema.assignments)
      .where(eq(schema.assignments.id, assignmentId));
    expect(row?.unansweredAt).toEqual(NOW);
  });
});
