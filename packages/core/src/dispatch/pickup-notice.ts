import type { MelderPickupNotice } from '../contract/pickup.ts';
import { pickupMessage } from '../texts/pickup-nl.ts';
import type { PickupExpectation } from './pickup-expectation.ts';

/** The wire form of an expectation (contract melderPickupSchema), its sentence written at `now`. */
export function toPickupNotice(e: PickupExpectation, now: Date): MelderPickupNotice {
  const { message, safety } = pickupMessage(e, now);
  return {
    kind: e.kind,
    teamName: e.teamName,
    onDutyNow: e.onDutyNow,
    expectedPickupFrom: e.expectedPickupFrom,
    expectedPickupAt: e.expectedPickupAt?.toISOString() ?? null,
    message,
    safety,
  };
}
