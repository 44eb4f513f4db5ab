import { staffStatusLabels } from '@buurtsignaal/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '@utrecht/button-react/css';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { apiUrl } from '../../runtime-config.ts';
import { staffActionTexts, staffDetailTexts, staffTexts } from '../../texts/index.ts';
import { Alert } from '../../ui/alert.tsx';
import { asApiError, isCoordinator, staffApi } from '../api.ts';
import { formatDateTime } from '../format.ts';
import { keys } from '../query/query-client.tsx';
import { Loading, useSession } from '../session.tsx';
import { useTitle } from '../use-title.ts';
import { ActionBar } from './action-bar.tsx';
import { AssignmentPanel, canReroute, RerouteForm } from './assignment-panel.tsx';
import { ClaimNote } from './claim-action.tsx';
import { Deliveries, MelderContact, StatusTimeline } from './detail-parts.tsx';
import { GroupPanel, NearbyPanel } from './group-panel.tsx';
import { LocationSection } from './location-section.tsx';
import { NotableForm } from './notable-form.tsx';
import { NoteForm } from './note-form.tsx';
import { ReopenedNotice } from './reopened-notice.tsx';
import { TransitionForm } from './transition-form.tsx';

const statusLabel = (code: string): string => (staffStatusLabels as Record<string, string>)[code] ?? code;

export default function DetailPage() {
  const { id = '' } = useParams();
  const { session } = useSession();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: keys.melding(id), queryFn: () => staffApi.melding(id) });
  const melding = query.data ?? null;
  const error = query.error ? asApiError(query.error) : null;
  const [announcement, setAnnouncement] = useState<{ text: string; error: boolean } | null>(null);
  // A status chosen in the action bar: the status form takes it (n: the same status chosen again).
  const [chosen, setChosen] = useState<{ to: string; n: number } | undefined>();
  const choose = useCallback((to: string) => setChosen((c) => ({ to, n: (c?.n ?? 0) + 1 })), []);
  useTitle(melding ? staffDetailTexts.heading(melding.reference) : staffTexts.loading, Boolean(error));

  // Another melding: nothing of the previous one's announcement stays.
  useEffect(() => setAnnouncement(null), [id]);

  // After every action: fetch the melding again (and let the queue know) and say what happened.
  const onDone = useCallback(
    async (text: string, isError = false) => {
      void queryClient.invalidateQueries({ queryKey: ['queue'] });
      await queryClient.invalidateQueries({ queryKey: keys.melding(id) });
      setAnnouncement({ text, error: isError });
    },
    [queryClient, id],
  );

  if (error && !melding) {
    return (
      <>
        <p className="utrecht-paragraph">
          <Link to="/balie" className="utrecht-link">
            {staffDetailTexts.back}
          </Link>
        </p>
        <h1 className="utrecht-heading-1">
          {error.status === 404 ? staffDetailTexts.notFound : staffTexts.errorSummaryHeading}
        </h1>
        {error.status !== 404 && (
          <Alert type="error" role="alert">
            <p className="utrecht-paragraph">{error.message}</p>
          </Alert>
        )}
        <Button type="button" appearance="secondary-action-button" onClick={() => void query.refetch()}>
          {staffTexts.retry}
        </Button>
      </>
    );
  }
  if (!melding) return <Loading />;

  const m = melding;
  const priority = m.priority ?? 'normaal';
  const priorityLabel = staffTexts.priorities[priority] ?? priority;
  return (
    <>
      <p className="utrecht-paragraph bs-staff-back">
        <Link to="/balie" className="utrecht-link">
          {staffDetailTexts.back}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{staffDetailTexts.heading(m.reference)}</h1>
      <p className="bs-staff-detail-badges">
        <span className="bs-staff-status">
          <span className="bs-visually-hidden">{staffDetailTexts.status}: </span>
          {m.status.label}
        </span>
        <span className={`bs-staff-badge bs-staff-badge--${priority}`}>
          <span className="bs-visually-hidden">{staffDetailTexts.priority}: </span>
          {priority === 'spoed' && <span aria-hidden="true">⚠ </span>}
          {priorityLabel}
        </span>
      </p>

      {/* The live region exists before anything is announced in it. */}
      <div role="status" aria-live="polite" className="bs-staff-live">
        {announcement && (
          <Alert type={announcement.error ? 'error' : 'ok'}>
            <p className="utrecht-paragraph">{announcement.text}</p>
          </Alert>
        )}
      </div>

      <ActionBar melding={m} myId={session?.user.id} onDone={onDone} onChoose={choose} />

      <div className="bs-staff-detail">
        <div className="bs-staff-detail__main">
          <ReopenedNotice melding={m} />
          <GroupPanel melding={m} onDone={onDone} />
          <AssignmentPanel melding={m} />
          <ClaimNote melding={m} myId={session?.user.id} />

          <section className="bs-section" aria-labelledby="overview-heading">
            <h2 id="overview-heading" className="utrecht-heading-2">
              {staffDetailTexts.overview}
            </h2>
            <dl className="bs-summary__list">
              <Row label={staffDetailTexts.status} value={m.status.label} />
              <Row label={staffDetailTexts.priority} value={priorityLabel} />
              <Row
                label={staffDetailTexts.category}
                value={`${m.category.label}${m.subcategory ? ` – ${m.subcategory.label}` : ''}`}
              />
              <Row label={staffDetailTexts.team} value={m.team?.name ?? '–'} />
              {m.wijk && <Row label={staffDetailTexts.wijk} value={m.wijk.naam} />}
              <Row
                label={staffDetailTexts.assignedTo}
                value={m.assignedTo?.name ?? staffDetailTexts.unassigned}
              />
              {m.occurredAt && (
                <Row label={staffDetailTexts.occurredAt} value={formatDateTime(m.occurredAt)} />
              )}
              <Row label={staffDetailTexts.createdAt} value={formatDateTime(m.createdAt)} />
              {m.duplicateOf && (
                <div className="bs-summary__row">
                  <dt>{staffDetailTexts.duplicateOf}</dt>
                  <dd>
                    <Link className="utrecht-link" to={`/balie/meldingen/${m.duplicateOf.id}`}>
                      {m.duplicateOf.reference}
                    </Link>
                  </dd>
                </div>
              )}
              {m.reopenCount > 0 && (
                <Row label={staffDetailTexts.reopenCount} value={String(m.reopenCount)} />
              )}
            </dl>
          </section>

          <section className="bs-section" aria-labelledby="description-heading">
            <h2 id="description-heading" className="utrecht-heading-2">
              {staffDetailTexts.description}
            </h2>
            <p className="utrecht-paragraph bs-pre-wrap">{m.description}</p>
            {m.answers.length > 0 && (
              <>
                <h3 className="utrecht-heading-3">{staffDetailTexts.answers}</h3>
                <dl className="bs-summary__list">
                  {m.answers.map((a) => (
                    <Row key={a.questionId} label={a.label} value={a.value} />
                  ))}
                </dl>
              </>
            )}
          </section>

          <LocationSection melding={m} />

          <NearbyPanel melding={m} onDone={onDone} />

          <section className="bs-section" aria-labelledby="photos-heading">
            <h2 id="photos-heading" className="utrecht-heading-2">
              {staffDetailTexts.photos}
            </h2>
            {m.photos.length === 0 ? (
              <p className="utrecht-paragraph bs-muted">{staffDetailTexts.noPhotos}</p>
            ) : (
              <ul className="bs-photos bs-photos--small">
                {m.photos.map((p, i) => (
                  <li key={p.id} className="bs-photos__item">
                    <a
                      href={apiUrl(p.url)}
                      target="_blank"
                      rel="noopener noreferrer"
                      className="bs-staff-photo-link"
                    >
                      <img
                        className="bs-photos__img"
                        src={apiUrl(p.url)}
                        alt={staffDetailTexts.photoAlt(i + 1)}
                        width={96}
                        height={96}
                        loading="lazy"
                      />
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </section>

          {m.melder !== undefined && (
            <section className="bs-section" aria-labelledby="melder-heading">
              <h2 id="melder-heading" className="utrecht-heading-2">
                {staffDetailTexts.melder}
              </h2>
              {m.melder ? (
                <MelderContact melder={m.melder} />
              ) : (
                <p className="utrecht-paragraph">{staffDetailTexts.melderAnonymous}</p>
              )}
            </section>
          )}
        </div>

        <div className="bs-staff-detail__side">
          <section className="bs-section bs-staff-actions" aria-labelledby="actions-heading">
            <h2 id="actions-heading" className="utrecht-heading-2">
              {staffActionTexts.heading}
            </h2>
            <TransitionForm
              key={`${m.status.code}-${m.timeline.length}`}
              melding={m}
              onDone={onDone}
              chosen={chosen}
            />
            <NoteForm meldingId={m.id} onDone={onDone} />
            <NotableForm key={m.id} meldingId={m.id} onDone={onDone} />
            {canReroute(m, isCoordinator(session?.user)) && <RerouteForm meldingId={m.id} onDone={onDone} />}
          </section>

          <section className="bs-section" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading" className="utrecht-heading-2">
              {staffDetailTexts.timeline}
            </h2>
            <StatusTimeline entries={m.timeline} labels={statusLabel} />
          </section>

          <section className="bs-section" aria-labelledby="deliveries-heading">
            <h2 id="deliveries-heading" className="utrecht-heading-2">
              {staffDetailTexts.deliveries}
            </h2>
            <Deliveries deliveries={m.emailDeliveries} />
          </section>
        </div>
      </div>
    </>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div className="bs-summary__row">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
