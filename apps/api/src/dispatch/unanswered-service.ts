import { isPriority } from '@buurtsignaal/core';
import type { UnansweredMelding } from '@buurtsignaal/core/contract';
import type { Db } from '@buurtsignaal/db';
import { listUnansweredMeldingen } from '@buurtsignaal/db/queries/dispatch/unanswered';

/** The meldingen the coordinator must look at: every escalation step ran and nobody claimed them. */
export interface UnansweredService {
  list(): Promise<UnansweredMelding[]>;
}

export function createUnansweredService({ db }: { db: Db }): UnansweredService {
  return {
    async list() {
      const rows = await listUnansweredMeldingen(db);
      return rows.map((r) => ({
        id: r.meldingId,
        reference: r.reference,
        category: r.category,
        // A priority the contract does not know (older data) shows as normaal.
        priority: isPriority(r.priority) ? r.priority : 'normaal',
        teamId: r.teamId,
        unansweredAt: r.unansweredAt,
      }));
    },
  };
}
