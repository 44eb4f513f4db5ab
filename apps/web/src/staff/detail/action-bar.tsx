import { isClaimable } from '@buurtsignaal/core';
import { useMutation } from '@tanstack/react-query';
import { Button } from '@utrecht/button-react/css';
import { useLayoutEffect, useRef } from 'react';
import { staffActionTexts } from '../../texts/index.ts';
import { asApiError, type MeldingDetail, staffApi } from '../api.ts';

/**
 * The actions of a melding where the thumb is: on a phone a bar fixed at the bottom of the screen
 * (staff.css), on a desktop at the top of the melding. "Oppakken" when it can be claimed, and a
 * button per status it can go to, which chooses that status in the status form and takes focus there.
 * The bar's height is published as --bs-action-bar-height, so that the page keeps room for it below
 * its last line and a focused field is never scrolled behind it.
 */
export function ActionBar({
  melding,
  myId,
  onDone,
  onChoose,
}: {
  melding: MeldingDetail;
  myId: string | undefined;
  onDone: (message: string, error?: boolean) => void;
  onChoose: (to: string) => void;
}) {
  const ref = useRef<HTMLElement>(null);
  const claim = useMutation({
    mutationFn: () => staffApi.claim(melding.id),
    onSuccess: () => onDone(staffActionTexts.claimed),
    onError: (err) => {
      const apiErr = asApiError(err);
      onDone(apiErr.status === 409 ? staffActionTexts.alreadyClaimed : apiErr.message, true);
    },
  });
  const claimable = isClaimable(melding.status.code) && melding.assignedTo?.id !== myId;
  // Claiming is how it goes to in behandeling: one button for it, not two. Ingedeeld again (another
  // team, an escalation) is no quick action: it stays in the status form below.
  const transitions = melding.allowedTransitions.filter(
    (t) => t.to !== 'ingedeeld' && !(claimable && t.to === 'in_behandeling'),
  );
  const shown = claimable || transitions.length > 0;

  useLayoutEffect(() => {
    const bar = ref.current;
    const root = document.documentElement;
    if (!bar) return;
    const publish = () => root.style.setProperty('--bs-action-bar-height', `${bar.offsetHeight}px`);
    publish();
    const observer = new ResizeObserver(publish);
    observer.observe(bar);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--bs-action-bar-height');
    };
  }, [shown]);

  if (!shown) return null;
  return (
    <section ref={ref} className="bs-staff-action-bar" aria-label={staffActionTexts.barLabel}>
      {claimable && (
        <Button
          type="button"
          appearance="primary-action-button"
          busy={claim.isPending}
          disabled={claim.isPending}
          onClick={() => claim.mutate()}
        >
          {staffActionTexts.claim}
        </Button>
      )}
      {transitions.length > 0 && (
        <fieldset className="bs-staff-action-bar__group">
          <legend className="bs-visually-hidden">{staffActionTexts.barTransitions}</legend>
          {transitions.map((t) => (
            <Button
              key={t.to}
              type="button"
              appearance="secondary-action-button"
              onClick={() => onChoose(t.to)}
            >
              {t.label}
            </Button>
          ))}
        </fieldset>
      )}
    </section>
  );
}
