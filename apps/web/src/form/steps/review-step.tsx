import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { t } from '../../texts-nl.ts';
import { useObjectUrls } from '../../ui/use-object-urls.ts';
import type { PublicCategory, PublicQuestion } from '../core.ts';
import type { Draft, DraftAnswer, StepNumber } from '../draft.ts';
import { occurredAtOf } from '../melding.ts';

const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'full', timeStyle: 'short' });

function answerText(q: PublicQuestion, value: DraftAnswer): string {
  if (typeof value === 'boolean') return value ? t.details.yes : t.details.no;
  if (q.type === 'choice' || q.type === 'multi_choice') {
    const values = Array.isArray(value) ? value : [value];
    return values.map((v) => q.options.find((o) => o.value === v)?.label ?? v).join(', ');
  }
  return Array.isArray(value) ? value.join(', ') : value;
}

const isEmpty = (v: DraftAnswer | undefined) =>
  v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

interface SectionProps {
  title: string;
  step: StepNumber;
  edit: string;
  editable: boolean;
  children: ReactNode;
}

function Section({ title, step, edit, editable, children }: SectionProps) {
  return (
    <section className="bs-summary" aria-labelledby={`summary-${step}`}>
      <div className="bs-summary__head">
        <h2 id={`summary-${step}`} className="utrecht-heading-2">
          {title}
        </h2>
        {editable && (
          <Link to={`?stap=${step}`} className="utrecht-link bs-summary__edit">
            {edit}
          </Link>
        )}
      </div>
      <dl className="bs-summary__list">{children}</dl>
    </section>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="bs-summary__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

interface ReviewSummaryProps {
  draft: Draft;
  category: PublicCategory | undefined;
  /** False while the melding is being sent: nothing can be changed then. */
  editable: boolean;
}

export function ReviewSummary({ draft, category, editable }: ReviewSummaryProps) {
  const urls = useObjectUrls(draft.photos);
  const loc = draft.location;
  const source = loc
    ? { gps: t.review.sourceGps, map: t.review.sourceMap, address: t.review.sourceAddress }[loc.source]
    : '';
  const occurredAt = occurredAtOf(draft);
  const subcategory = category?.subcategories.find((s) => s.id === draft.subcategory)?.label;
  return (
    <>
      <Section title={t.review.category} step={1} editable={editable} edit={t.review.editCategory}>
        <Row term={t.review.category}>{category?.label ?? t.review.notAnswered}</Row>
      </Section>
      <Section title={t.review.location} step={2} editable={editable} edit={t.review.editLocation}>
        <Row term={t.review.location}>
          {loc ? (
            <>
              {loc.address ?? t.review.coordinates(loc.lat, loc.lng)}
              <br />
              <span className="bs-muted">
                {source}
                {loc.accuracy !== undefined && `, ${t.review.accuracy(loc.accuracy)}`}
              </span>
            </>
          ) : (
            t.review.notAnswered
          )}
        </Row>
      </Section>
      <Section title={t.review.details} step={3} editable={editable} edit={t.review.editDetails}>
        {subcategory && <Row term={t.review.subcategory}>{subcategory}</Row>}
        {category?.questions
          .filter((q) => !isEmpty(draft.answers[q.id]))
          .map((q) => (
            <Row key={q.id} term={q.label}>
              {answerText(q, draft.answers[q.id] as DraftAnswer)}
            </Row>
          ))}
        <Row term={t.review.description}>
          <span className="bs-pre-wrap">{draft.description.trim() || t.review.notAnswered}</span>
        </Row>
        <Row term={t.review.when}>
          {occurredAt ? dateTimeFormat.format(new Date(occurredAt)) : t.review.now}
        </Row>
        <Row term={t.review.photos}>
          {draft.photos.length === 0 ? (
            t.review.noPhotos
          ) : (
            <ul className="bs-photos bs-photos--small">
              {draft.photos.map((p, i) => (
                <li key={p.id} className="bs-photos__item">
                  {urls[p.id] && (
                    <img
                      src={urls[p.id]}
                      alt={t.details.photoAlt(i + 1, draft.photos.length)}
                      width={p.width}
                      height={p.height}
                      className="bs-photos__img"
                    />
                  )}
                </li>
              ))}
            </ul>
          )}
        </Row>
      </Section>
      <Section title={t.review.contact} step={4} editable={editable} edit={t.review.editContact}>
        {draft.contactChoice !== 'gegevens' ? (
          <Row term={t.review.contact}>{t.review.anonymous}</Row>
        ) : (
          <>
            <Row term={t.review.email}>{draft.email.trim() || t.review.notAnswered}</Row>
            <Row term={t.review.phone}>{draft.phone.trim() || t.review.notAnswered}</Row>
            <Row term={t.review.wantsFeedback}>
              {draft.wantsFeedback && draft.email.trim() ? t.details.yes : t.details.no}
            </Row>
          </>
        )}
      </Section>
    </>
  );
}
