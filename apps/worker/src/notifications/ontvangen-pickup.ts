import { toPickupNotice } from '@buurtsignaal/core';
import type { MelderPickupNotice } from '@buurtsignaal/core/contract';
import type { DbOrTx } from '@buurtsignaal/db';
import type { ConfigCache } from '@buurtsignaal/db/queries/config/config-cache';
import { awaitsRouting, findMelderPickup } from '@buurtsignaal/db/queries/melder/pickup';

// The "ontvangen" mail says who picks the melding up and when. The relay adds it together with the
// routing job, so it usually runs before routing has stored the assignment: it then waits for it (a few
// short delays) — the stored assignment is what the dispatcher acts on — and after ROUTING_WAIT_MS
// takes the preview of the same decision, so a stuck routing never holds the melder's mail back long.

/** How long the ontvangen mail waits for routing before it goes with the preview. */
export const ROUTING_WAIT_MS = 10_000;
const RECHECK_MS = 300;

/** Routing has not stored the assignment yet: run the mail again after `retryInMs`. */
export class RoutingPending extends Error {
  override name = 'RoutingPending';
  readonly retryInMs = RECHECK_MS;
  constructor(meldingId: string) {
    super(`ontvangen mail of ${meldingId} waits for routing`);
  }
}

export interface PickupDeps {
  db: DbOrTx;
  now?: (() => Date) | undefined;
  routingWaitMs?: number | undefined;
  /** Teams, rosters and rules from memory (config-cache.ts); without: read fresh. */
  config?: ConfigCache | undefined;
}

/**
 * Throws RoutingPending when the mail would wait for routing anyway (see ontvangenPickup), with one
 * small query: run first, so that a mail that runs before routing stored its assignment (most do: the
 * relay adds both jobs at once) does not first load its melding, template and pick-up preview.
 */
export async function waitForRouting(deps: PickupDeps, meldingId: string, waitedMs: number): Promise<void> {
  if (waitedMs >= (deps.routingWaitMs ?? ROUTING_WAIT_MS)) return;
  if (await awaitsRouting(deps.db, meldingId)) throw new RoutingPending(meldingId);
}

/**
 * The pickup sentence for the ontvangen mail; throws RoutingPending while routing may still come
 * (`waitedMs` since the job was added). Undefined when nothing can be said (the mail then promises no time).
 */
export async function ontvangenPickup(
  deps: PickupDeps,
  meldingId: string,
  waitedMs: number,
): Promise<MelderPickupNotice | undefined> {
  const at = deps.now?.() ?? new Date();
  const view = await deps.config?.view(deps.db);
  const pickup = await findMelderPickup(deps.db, meldingId, at, view);
  if (pickup?.source === 'preview' && waitedMs < (deps.routingWaitMs ?? ROUTING_WAIT_MS)) {
    throw new RoutingPending(meldingId);
  }
  return pickup ? toPickupNotice(pickup.expectation, at) : undefined;
}
