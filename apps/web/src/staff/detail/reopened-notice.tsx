import { staffDetailTexts } from '../../texts/index.ts';
import { Alert } from '../../ui/alert.tsx';
import type { MeldingDetail } from '../api.ts';
import { formatDateTime } from '../format.ts';

/**
 * At the top of a reopened melding: that it was reopened, when, by whom, and the melder's own reason —
 * so that it does not look like a new melding ("Ingedeeld – Nog niet opgepakt") to whoever picks it up.
 */
export function ReopenedNotice({ melding }: { melding: MeldingDetail }) {
  if (melding.reopenCount === 0) return null;
  // The timeline is newest first: the latest reopen.
  const reopen = melding.timeline.find((e) => e.kind === 'status' && e.to === 'heropend');
  const words = reopen?.publicMessage ?? reopen?.reason;
  const byMelder = reopen?.actor.kind === 'melder';
  return (
    <section className="bs-section bs-staff-reopened" aria-labelledby="reopened-heading">
      <Alert type="warning">
        <h2 id="reopened-heading" className="utrecht-heading-2">
          {staffDetailTexts.reopenedHeading(melding.reopenCount)}
        </h2>
        {reopen && (
          <p className="utrecht-paragraph">
            {staffDetailTexts.reopenedWhen(
              formatDateTime(reopen.at),
              byMelder ? null : (reopen.actor.name ?? null),
            )}
          </p>
        )}
        {words && (
          <>
            <p className="utrecht-paragraph">
              {byMelder ? staffDetailTexts.reopenedMelderWords : staffDetailTexts.reopenedStaffWords}
            </p>
            <blockquote className="utrecht-paragraph bs-pre-wrap">{words}</blockquote>
          </>
        )}
      </Alert>
    </section>
  );
}
