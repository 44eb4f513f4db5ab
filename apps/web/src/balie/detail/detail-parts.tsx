import { consoleDetailTexts } from '../../texts/index.ts';
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
    return <p className="utrecht-paragraph bs-muted">{consoleDetailTexts.timelineEmpty}</p>;
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
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>{' '}
              {consoleDetailTexts.by(actorName(entry))}
            </span>
          </p>
          {entry.solved !== undefined && (
            <p className="bs-balie-timeline__line">
              {entry.solved ? consoleDetailTexts.solvedYes : consoleDetailTexts.solvedNo}
            </p>
          )}
          {entry.forwardedTo && (
            <p className="bs-balie-timeline__line">
              <strong>{consoleDetailTexts.forwardedTo}</strong> {entry.forwardedTo}
            </p>
          )}
          {entry.publicMessage && (
            <div className="bs-balie-message bs-balie-message--public">
              <p className="bs-balie-message__label">
                {entry.kind === 'melder' || entry.actor.kind === 'melder'
                  ? consoleDetailTexts.melderMessage
                  : consoleDetailTexts.publicMessage}
              </p>
              <p className="bs-balie-message__body">{entry.publicMessage}</p>
            </div>
          )}
          {entry.reason && (
            <div className="bs-balie-message bs-balie-message--internal">
              <p className="bs-balie-message__label">
                {consoleDetailTexts.internal} {consoleDetailTexts.reason}
              </p>
              <p className="bs-balie-message__body">{entry.reason}</p>
            </div>
          )}
          {entry.internalNote && (
            <div className="bs-balie-message bs-balie-message--internal">
              <p className="bs-balie-message__label">{consoleDetailTexts.internal}</p>
              <p className="bs-balie-message__body">{entry.internalNote}</p>
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}

function entryTitle(entry: TimelineEntry, labels: (code: string) => string): string {
  if (entry.kind === 'note') return consoleDetailTexts.noteEntry;
  const to = entry.toLabel ?? (entry.to ? labels(entry.to) : '');
  if (entry.kind === 'melder' && entry.solved !== undefined && !to) return consoleDetailTexts.feedbackEntry;
  if (entry.kind === 'melder' && !to) return consoleDetailTexts.melderMessage.replace(/:$/, '');
  return entry.from
    ? consoleDetailTexts.statusChangeFrom(labels(entry.from), to)
    : consoleDetailTexts.statusChange(to);
}

function actorName(entry: TimelineEntry): string {
  if (entry.actor.kind === 'melder') return consoleDetailTexts.actorMelder;
  if (entry.actor.kind === 'systeem') return consoleDetailTexts.actorSystem;
  return entry.actor.name ?? consoleDetailTexts.actorStaff;
}

export function Deliveries({ deliveries }: { deliveries: EmailDelivery[] }) {
  if (deliveries.length === 0)
    return <p className="utrecht-paragraph bs-muted">{consoleDetailTexts.noDeliveries}</p>;
  return (
    <ul className="bs-balie-deliveries">
      {deliveries.map((d) => (
        <li key={d.id} className={`bs-balie-delivery bs-balie-delivery--${d.status}`}>
          <p className="bs-balie-delivery__head">
            <span className={`bs-balie-badge bs-balie-badge--delivery-${d.status}`}>
              {consoleDetailTexts.deliveryState[d.status] ?? d.status}
            </span>{' '}
            <strong>{consoleDetailTexts.deliveryTemplate[d.template] ?? d.template}</strong>
          </p>
          <p className="bs-muted bs-balie-delivery__meta">
            <time dateTime={d.createdAt}>{formatDateTime(d.createdAt)}</time>,{' '}
            {consoleDetailTexts.deliveryAttempt(d.attempt)}
          </p>
          {(d.smtpResponse || d.error) && (
            <p className="bs-balie-delivery__smtp">
              {consoleDetailTexts.smtpAnswer} <code>{d.smtpResponse ?? d.error}</code>
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

export function MelderContact({ melder }: { melder: NonNullable<MeldingDetail['melder']> }) {
  if (melder.anonymised) return <p className="utrecht-paragraph">{consoleDetailTexts.melderAnonymised}</p>;
  if (!melder.email && !melder.phone) {
    return <p className="utrecht-paragraph">{consoleDetailTexts.melderAnonymous}</p>;
  }
  return (
    <dl className="bs-summary__list">
      <div className="bs-summary__row">
        <dt>{consoleDetailTexts.melderEmail}</dt>
        <dd>
          {melder.email ? (
            <a href={`mailto:${melder.email}`}>{melder.email}</a>
          ) : (
            consoleDetailTexts.melderNone
          )}
        </dd>
      </div>
      <div className="bs-summary__row">
        <dt>{consoleDetailTexts.melderPhone}</dt>
        <dd>
          {melder.phone ? <a href={`tel:${melder.phone}`}>{melder.phone}</a> : consoleDetailTexts.melderNone}
        </dd>
      </div>
      <div className="bs-summary__row">
        <dt>{consoleDetailTexts.wantsFeedback}</dt>
        <dd>{melder.wantsFeedback ? consoleDetailTexts.yes : consoleDetailTexts.no}</dd>
      </div>
    </dl>
  );
}
