import type { EmailDelivery, MeldingDetail, TimelineEntry } from '../api.ts';
import { formatDateTime } from '../format.ts';
import { bt } from '../texts-nl.ts';

export function StatusTimeline({
  entries,
  labels,
}: {
  entries: TimelineEntry[];
  labels: (code: string) => string;
}) {
  if (entries.length === 0) return <p className="utrecht-paragraph bs-muted">{bt.detail.timelineEmpty}</p>;
  return (
    <ol className="bs-balie-timeline" aria-labelledby="timeline-heading">
      {entries.map((entry, i) => (
        <li
          key={`${entry.at}-${i}`}
          className={`bs-balie-timeline__item bs-balie-timeline__item--${entry.kind}`}
        >
          <p className="bs-balie-timeline__head">
            <strong>{entryTitle(entry, labels)}</strong>
            <span className="bs-muted">
              {' '}
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time> {bt.detail.by(actorName(entry))}
            </span>
          </p>
          {entry.solved !== undefined && (
            <p className="bs-balie-timeline__line">
              {entry.solved ? bt.detail.solvedYes : bt.detail.solvedNo}
            </p>
          )}
          {entry.forwardedTo && (
            <p className="bs-balie-timeline__line">
              <strong>{bt.detail.forwardedTo}</strong> {entry.forwardedTo}
            </p>
          )}
          {entry.publicMessage && (
            <div className="bs-balie-message bs-balie-message--public">
              <p className="bs-balie-message__label">
                {entry.kind === 'melder' || entry.actor.kind === 'melder'
                  ? bt.detail.melderMessage
                  : bt.detail.publicMessage}
              </p>
              <p className="bs-balie-message__body">{entry.publicMessage}</p>
            </div>
          )}
          {entry.reason && (
            <div className="bs-balie-message bs-balie-message--internal">
              <p className="bs-balie-message__label">
                {bt.detail.internal} {bt.detail.reason}
              </p>
              <p className="bs-balie-message__body">{entry.reason}</p>
            </div>
          )}
          {entry.internalNote && (
            <div className="bs-balie-message bs-balie-message--internal">
              <p className="bs-balie-message__label">{bt.detail.internal}</p>
              <p className="bs-balie-message__body">{entry.internalNote}</p>
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}

function entryTitle(entry: TimelineEntry, labels: (code: string) => string): string {
  if (entry.kind === 'note') return bt.detail.noteEntry;
  const to = entry.toLabel ?? (entry.to ? labels(entry.to) : '');
  if (entry.kind === 'melder' && entry.solved !== undefined && !to) return bt.detail.feedbackEntry;
  if (entry.kind === 'melder' && !to) return bt.detail.melderMessage.replace(/:$/, '');
  return entry.from ? bt.detail.statusChangeFrom(labels(entry.from), to) : bt.detail.statusChange(to);
}

function actorName(entry: TimelineEntry): string {
  if (entry.actor.kind === 'melder') return bt.detail.actorMelder;
  if (entry.actor.kind === 'systeem') return bt.detail.actorSystem;
  return entry.actor.name ?? bt.detail.actorStaff;
}

export function Deliveries({ deliveries }: { deliveries: EmailDelivery[] }) {
  if (deliveries.length === 0) return <p className="utrecht-paragraph bs-muted">{bt.detail.noDeliveries}</p>;
  return (
    <ul className="bs-balie-deliveries">
      {deliveries.map((d) => (
        <li key={d.id} className={`bs-balie-delivery bs-balie-delivery--${d.status}`}>
          <p className="bs-balie-delivery__head">
            <span className={`bs-balie-badge bs-balie-badge--delivery-${d.status}`}>
              {bt.detail.deliveryState[d.status] ?? d.status}
            </span>{' '}
            <strong>{bt.detail.deliveryTemplate[d.template] ?? d.template}</strong>
          </p>
          <p className="bs-muted bs-balie-delivery__meta">
            <time dateTime={d.createdAt}>{formatDateTime(d.createdAt)}</time>,{' '}
            {bt.detail.deliveryAttempt(d.attempt)}
          </p>
          {(d.smtpResponse || d.error) && (
            <p className="bs-balie-delivery__smtp">
              {bt.detail.smtpAnswer} <code>{d.smtpResponse ?? d.error}</code>
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

export function MelderContact({ melder }: { melder: NonNullable<MeldingDetail['melder']> }) {
  if (melder.anonymised) return <p className="utrecht-paragraph">{bt.detail.melderAnonymised}</p>;
  if (!melder.email && !melder.phone) {
    return <p className="utrecht-paragraph">{bt.detail.melderAnonymous}</p>;
  }
  return (
    <dl className="bs-summary__list">
      <div className="bs-summary__row">
        <dt>{bt.detail.melderEmail}</dt>
        <dd>{melder.email ? <a href={`mailto:${melder.email}`}>{melder.email}</a> : bt.detail.melderNone}</dd>
      </div>
      <div className="bs-summary__row">
        <dt>{bt.detail.melderPhone}</dt>
        <dd>{melder.phone ? <a href={`tel:${melder.phone}`}>{melder.phone}</a> : bt.detail.melderNone}</dd>
      </div>
      <div className="bs-summary__row">
        <dt>{bt.detail.wantsFeedback}</dt>
        <dd>{melder.wantsFeedback ? bt.detail.yes : bt.detail.no}</dd>
      </div>
    </dl>
  );
}
