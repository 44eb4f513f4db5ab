import { isClaimable } from '@buurtsignaal/core';
import { useMutation } from '@tanstack/react-query';
import { Button } from '@utrecht/button-react/css';
import { staffActionTexts } from '../../texts/index.ts';
import { asApiError, type MeldingDetail, staffApi } from '../api.ts';

export function ClaimAction({
  melding,
  myId,
  onDone,
}: {
  melding: MeldingDetail;
  myId: string | undefined;
  onDone: (message: string, error?: boolean) => void;
}) {
  const claim = useMutation({
    mutationFn: () => staffApi.claim(melding.id),
    onSuccess: () => onDone(staffActionTexts.claimed),
    onError: (err) => {
      const apiErr = asApiError(err);
      onDone(apiErr.status === 409 ? staffActionTexts.alreadyClaimed : apiErr.message, true);
    },
  });
  const pending = claim.isPending;
  if (melding.assignedTo && melding.assignedTo.id === myId) {
    return <p className="utrecht-paragraph bs-staff-yours">{staffActionTexts.yours}</p>;
  }
  if (!isClaimable(melding.status.code)) return null;
  return (
    <div className="bs-staff-claim">
      <p className="utrecht-paragraph bs-muted">{staffActionTexts.claimHint}</p>
      <Button
        type="button"
        appearance="primary-action-button"
        className="bs-staff-wide-button"
        busy={pending}
        disabled={pending}
        onClick={() => claim.mutate()}
      >
        {staffActionTexts.claim}
      </Button>
    </div>
  );
}
