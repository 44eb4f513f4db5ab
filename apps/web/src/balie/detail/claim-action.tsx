import { isClaimable } from '@buurtsignaal/core';
import { useMutation } from '@tanstack/react-query';
import { Button } from '@utrecht/button-react/css';
import { asApiError, type MeldingDetail, staffApi } from '../api.ts';
import { bt } from '../texts-nl.ts';

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
    onSuccess: () => onDone(bt.actions.claimed),
    onError: (err) => {
      const apiErr = asApiError(err);
      onDone(apiErr.status === 409 ? bt.actions.alreadyClaimed : apiErr.message, true);
    },
  });
  const pending = claim.isPending;
  if (melding.assignedTo && melding.assignedTo.id === myId) {
    return <p className="utrecht-paragraph bs-balie-yours">{bt.actions.yours}</p>;
  }
  if (!isClaimable(melding.status.code)) return null;
  return (
    <div className="bs-balie-claim">
      <p className="utrecht-paragraph bs-muted">{bt.actions.claimHint}</p>
      <Button
        type="button"
        appearance="primary-action-button"
        className="bs-balie-wide-button"
        busy={pending}
        disabled={pending}
        onClick={() => claim.mutate()}
      >
        {bt.actions.claim}
      </Button>
    </div>
  );
}
