import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../client.ts';
import { meldingen, stuckJobs } from '../../schema.ts';
import type { StuckJobKind } from '../../tables/stuck-jobs-repository.ts';

export interface StuckJobView {
  id: string;
  kind: StuckJobKind;
  meldingId: string;
  reference: string;
  statusEventId: number;
  template: string | null;
  dueSince: Date;
  stuckAt: Date | null;
  attempts: number;
  lastError: string | null;
  retriedAt: Date | null;
}

const viewColumns = {
  id: stuckJobs.id,
  kind: stuckJobs.kind,
  meldingId: stuckJobs.meldingId,
  reference: meldingen.reference,
  statusEventId: stuckJobs.statusEventId,
  template: stuckJobs.template,
  dueSince: stuckJobs.dueSince,
  stuckAt: stuckJobs.stuckAt,
  attempts: stuckJobs.attempts,
  lastError: stuckJobs.lastError,
  retriedAt: stuckJobs.retriedAt,
};

/** The stuck work, newest first: what the admin sees under "Vastgelopen taken". */
export async function listStuckJobs(db: DbOrTx, limit = 200): Promise<StuckJobView[]> {
  const list = await db
    .select(viewColumns)
    .from(stuckJobs)
    .innerJoin(meldingen, eq(meldingen.id, stuckJobs.meldingId))
    .where(eq(stuckJobs.state, 'stuck'))
    .orderBy(desc(stuckJobs.stuckAt), desc(stuckJobs.id))
    .limit(limit);
  return list.map((r) => ({ ...r, kind: r.kind as StuckJobKind, statusEventId: Number(r.statusEventId) }));
}
