import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '@buurtsignaal/db';
import { recordAssignment } from '@buurtsignaal/db/tables/assignments-repository';
import type { FastifyInstance } from 'fastify';
import { validIntake } from '../support/helpers.ts';

/** A melding through the intake, assigned to `teamId` as routing would; returns the assignment id. */
export async function insertRoutingAssignmentForTest(
  app: FastifyInstance,
  db: DbOrTx,
  teamId: string,
): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/meldingen', payload: validIntake() });
  const { id: meldingId } = res.json() as { id: string };
  const id = randomUUID();
  await db.transaction((tx) =>
    recordAssignment(tx, {
      id,
      meldingId,
      routingKey: `test-${id}`,
      teamId,
      priority: 'normaal',
      reason: 'test',
      fromStatus: 'gemeld',
      at: new Date(),
      deadlineAt: null,
    }),
  );
  return id;
}
