import { staffDetailTexts } from '../../texts/index.ts';
import type { EmailDelivery, MeldingDetail, TimelineEntry } from '../api.ts';
import { formatDateTime } from '../format.ts';

export function StatusTimeline({
  entries,
  labels,
}: {
  entries: TimelineEntry[];
  labels: (code: string) => string;
}) {
  if (entries.length === 0)
    return <p className="utrecht-paragraph bs-muted">{staffDetailTexts.timelineEmpty}</p>;
  return (
    <ol className="bs-staff-timeline" aria-labelledby="timeline-heading">
      {entries.map((entry, i) => (
        <li
          key={`${entry.at}-${i}`}
          className={`bs-staff-timeline__item bs-staff-timeline__item--${entry.kind}`}
        >
          <p className="bs-staff-timeline__head">
            <strong>{entryTitle(entry, labels)}</strong>
            <span className="bs-muted">
              {' '}
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>{' '}
              {staffDetailTexts.by(actorName(entry))}
            </span>
          </p>
          {entry.solved !== undefined && (
            <p className="bs-staff-timeline__line">
              {entry.solved ? staffDetailTexts.solvedYes : staffDetailTexts.solvedNo}
            </p>
          )}
          {entry.forwardedTo && (
            <p className="bs-staff-timeline__line">
              <strong>{staffDetailTexts.forwardedTo}</strong> {entry.forwardedTo}
            </p>
          )}
          {entry.publicMessage && (
            <div className="bs-staff-message bs-staff-message--public">
              <p className="bs-staff-message__label">
                {entry.kind === 'melder' || entry.actor.kind === 'melder'
                  ? staffDetailTexts.melderMessage
                  : staffDetailTexts.publicMessage}
              </p>
              <p className="bs-staff-message__body">{entry.publicMessage}</p>
            </div>
          )}
          {entry.reason && (
            <div className="bs-staff-message bs-staff-message--internal">
              <p className="bs-staff-message__label">
                {staffDetailTexts.internal} {staffDetailTexts.reason}
              </p>
              <p className="bs-staff-message__body">{entry.reason}</p>
            </div>
          )}
          {entry.internalNote && (
            <div className="bs-staff-message bs-staff-message--internal">
              <p className="bs-staff-message__label">{staffDetailTexts.internal}</p>
              <p className="bs-staff-message__body">{entry.internalNote}</p>
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}

function entryTitle(entry: TimelineEntry, labels: (code: string) => string): string {
  if (entry.kind === 'note') return staffDetailTexts.noteEntry;
  if (entry.kind === 'notice')
    return staffDetailTexts.noticeEntry(entry.step ?? 0, entry.notified ?? [], entry.noticeKind);
  const to = entry.toLabel ?? (entry.to ? labels(entry.to) : '');
  if (entry.kind === 'melder' && entry.solved !== undefined && !to) return staffDetailTexts.feedbackEntry;
  if (entry.kind === 'melder' && !to) return staffDetailTexts.melderMessage.replace(/:$/, '');
  return entry.from
    ? staffDetailTexts.statusChangeFrom(labels(entry.from), to)
    : staffDetailTexts.statusChange(to);
}

function actorName(entry: TimelineEntry): string {
  if (entry.actor.kind === 'melder') return staffDetailTexts.actorMelder;
  if (entry.actor.kind === 'systeem') return staffDetailTexts.actorSystem;
  return entry.actor.name ?? staffDetailTexts.actorStaff;
}

export function Deliveries({ deliveries }: { deliveries: EmailDelivery[] }) {
  if (deliveries.length === 0)
    return <p className="utrecht-paragraph bs-muted">{staffDetailTexts.noDeliveries}</p>;
  return (
    <ul className="bs-staff-deliveries">
      {deliveries.map((d) => (
        <li key={d.id} className={`bs-staff-delivery bs-staff-delivery--${d.status}`}>
          <p className="bs-staff-delivery__head">
            <span className={`bs-staff-badge bs-staff-badge--delivery-${d.status}`}>
              {staffDetailTexts.deliveryState[d.status] ?? d.status}
            </span>{' '}
            <strong>{staffDetailTexts.deliveryTemplate[d.template] ?? d.template}</strong>
          </p>
          <p className="bs-muted bs-staff-delivery__meta">
            <time dateTime={d.createdAt}>{formatDateTime(d.createdAt)}</time>,{' '}
            {staffDetailTexts.deliveryAttempt(d.attempt)}
          </p>
          {(d.smtpResponse || d.error) && (
            <p className="bs-staff-delivery__smtp">
              {staffDetailTexts.smtpAnswer} <code>{d.smtpResponse ?? d.error}</code>
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

export function MelderContact({ melder }: { melder: NonNullable<MeldingDetail['melder']> }) {
  if (melder.anonymised) return <p className="utrecht-paragraph">{staffDetailTexts.melderAnonymised}</p>;
  if (!melder.email && !melder.phone) {
    return <p className="utrecht-paragraph">{staffDetailTexts.melderAnonymous}</p>;
  }
  return (
    <dl className="bs-summary__list">
      <div className="bs-summary__row">
        <dt>{staffDetailTexts.melderEmail}</dt>
        <dd>
          {melder.email ? <a href={`mailto:${melder.email}`}>{melder.email}</a> : staffDetailTexts.melderNone}
        </dd>
      </div>
      <div className="bs-summary__row">
        <dt>{staffDetailTexts.melderPhone}</dt>
        <dd>
          {melder.phone ? <a href={`tel:${melder.phone}`}>{melder.phone}</a> : staffDetailTexts.melderNone}
        </dd>
      </div>
      <div className="bs-summary__row">
        <dt>{staffDetailTexts.wantsFeedback}</dt>
        <dd>{melder.wantsFeedback ? staffDetailTexts.yes : staffDetailTexts.no}</dd>
      </div>
    </dl>
  );
}
