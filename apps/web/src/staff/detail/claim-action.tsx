import { isClaimable } from '@buurtsignaal/core';
import { staffActionTexts } from '../../texts/index.ts';
import type { MeldingDetail } from '../api.ts';

/**
 * Whether this officer has the melding, or may take it: the "Oppakken" button itself is in the action
 * bar (action-bar.tsx), where the thumb is.
 */
export function ClaimNote({ melding, myId }: { melding: MeldingDetail; myId: string | undefined }) {
  if (melding.assignedTo && melding.assignedTo.id === myId) {
    return <p className="utrecht-paragraph bs-staff-yours">{staffActionTexts.yours}</p>;
  }
  if (!isClaimable(melding.status.code)) return null;
  return <p className="utrecht-paragraph bs-muted">{staffActionTexts.claimHint}</p>;
}
