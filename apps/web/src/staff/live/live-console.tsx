import { defaultTeams } from '@buurtsignaal/core';
import type { StaffEvent } from '@buurtsignaal/core/contract';
import { Button } from '@utrecht/button-react/css';
import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { staffLiveTexts } from '../../texts/index.ts';
import { beep, vibrate } from './announce.ts';
import { type LiveState, useStaffEvents } from './use-staff-events.ts';

const teamName = (id: string | null) => defaultTeams.find((t) => t.id === id)?.name ?? null;

/** The live connection of a logged-in console: its state in the header, spoed banners above the page. */
export function useLiveConsole(enabled: boolean) {
  const [spoed, setSpoed] = useState<StaffEvent[]>([]);
  const onSpoed = useCallback((event: StaffEvent) => {
    setSpoed((shown) => (shown.some((s) => s.meldingId === event.meldingId) ? shown : [...shown, event]));
    beep();
    vibrate();
  }, []);
  const { state } = useStaffEvents(enabled, onSpoed);
  const dismiss = (meldingId: string) => setSpoed((shown) => shown.filter((s) => s.meldingId !== meldingId));
  return { state, spoed, dismiss };
}

export function LiveStatus({ state }: { state: LiveState }) {
  const text =
    state === 'live'
      ? staffLiveTexts.live
      : state === 'connecting'
        ? staffLiveTexts.connecting
        : staffLiveTexts.reconnecting;
  return (
    <p className={`bs-staff-live bs-staff-live--${state}`} role="status">
      <span className="bs-staff-live__dot" aria-hidden="true" />
      <span className="bs-visually-hidden">{staffLiveTexts.stateLabel}: </span>
      {text}
    </p>
  );
}

export function SpoedBanners({
  events,
  onDismiss,
}: {
  events: readonly StaffEvent[];
  onDismiss: (meldingId: string) => void;
}) {
  if (events.length === 0) return null;
  return (
    <div className="bs-staff-spoed-list">
      {events.map((e) => (
        <div key={e.meldingId} className="utrecht-alert utrecht-alert--error bs-staff-spoed" role="alert">
          <div className="utrecht-alert__content">
            <div className="utrecht-alert__message">
              <p className="utrecht-paragraph">
                <strong>{staffLiveTexts.spoedHeading}: </strong>
                {staffLiveTexts.spoedBody(e.reference, teamName(e.teamId))}{' '}
                <Link
                  to={`/balie/meldingen/${e.meldingId}`}
                  className="utrecht-link"
                  onClick={() => onDismiss(e.meldingId)}
                >
                  {staffLiveTexts.spoedOpen(e.reference)}
                </Link>
              </p>
              <Button
                type="button"
                appearance="secondary-action-button"
                aria-label={staffLiveTexts.spoedDismissLabel(e.reference)}
                onClick={() => onDismiss(e.meldingId)}
              >
                {staffLiveTexts.spoedDismiss}
              </Button>
            </div>
          </div>
        </div>
      ))}
    </div>
  );
}
