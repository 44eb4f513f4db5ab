import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formTexts, locationTexts } from '../../texts/index.ts';
import { useObjectUrls } from '../../ui/use-object-urls.ts';
import type { PublicCategory, PublicQuestion } from '../core.ts';
import type { Draft, DraftAnswer, StepNumber } from '../draft.ts';
import { occurredAtOf } from '../melding.ts';

const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'full', timeStyle: 'short' });

function answerText(q: PublicQuestion, value: DraftAnswer): string {
  if (typeof value === 'boolean') return value ? formTexts.details.yes : formTexts.details.no;
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
    ? {
        gps: formTexts.review.sourceGps,
        map: formTexts.review.sourceMap,
        address: formTexts.review.sourceAddress,
        wijk: formTexts.review.sourceWijk,
      }[loc.source]
    : '';
  const occurredAt = occurredAtOf(draft);
  const subcategory = category?.subcategories.find((s) => s.id === draft.subcategory)?.label;
  return (
    <>
      <Section
        title={formTexts.review.category}
        step={1}
        editable={editable}
        edit={formTexts.review.editCategory}
      >
        <Row term={formTexts.review.category}>{category?.label ?? formTexts.review.notAnswered}</Row>
      </Section>
      <Section
        title={formTexts.review.location}
        step={2}
        editable={editable}
        edit={formTexts.review.editLocation}
      >
        <Row term={formTexts.review.location}>
          {loc ? (
            <>
              {loc.source === 'wijk'
                ? locationTexts.chosenApproximate(loc.wijkName ?? '', loc.description ?? '')
                : (loc.address ?? formTexts.review.coordinates(loc.lat, loc.lng))}
              <br />
              <span className="bs-muted">
                {source}
                {loc.accuracy !== undefined &&
                  loc.source !== 'wijk' &&
                  `, ${formTexts.review.accuracy(loc.accuracy)}`}
              </span>
            </>
          ) : (
            formTexts.review.notAnswered
          )}
        </Row>
      </Section>
      <Section
        title={formTexts.review.details}
        step={3}
        editable={editable}
        edit={formTexts.review.editDetails}
      >
        {subcategory && <Row term={formTexts.review.subcategory}>{subcategory}</Row>}
        {category?.questions
          .filter((q) => !isEmpty(draft.answers[q.id]))
          .map((q) => (
            <Row key={q.id} term={q.label}>
              {answerText(q, draft.answers[q.id] as DraftAnswer)}
            </Row>
          ))}
        <Row term={formTexts.review.description}>
          <span className="bs-pre-wrap">{draft.description.trim() || formTexts.review.notAnswered}</span>
        </Row>
        <Row term={formTexts.review.when}>
          {occurredAt ? dateTimeFormat.format(new Date(occurredAt)) : formTexts.review.now}
        </Row>
        <Row term={formTexts.review.photos}>
          {draft.photos.length === 0 ? (
            formTexts.review.noPhotos
          ) : (
            <ul className="bs-photos bs-photos--small">
              {draft.photos.map((p, i) => (
                <li key={p.id} className="bs-photos__item">
                  {urls[p.id] && (
                    <img
                      src={urls[p.id]}
                      alt={formTexts.details.photoAlt(i + 1, draft.photos.length)}
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
      <Section
        title={formTexts.review.contact}
        step={4}
        editable={editable}
        edit={formTexts.review.editContact}
      >
        {draft.contactChoice !== 'gegevens' ? (
          <Row term={formTexts.review.contact}>{formTexts.review.anonymous}</Row>
        ) : (
          <>
            <Row term={formTexts.review.email}>{draft.email.trim() || formTexts.review.notAnswered}</Row>
            <Row term={formTexts.review.phone}>{draft.phone.trim() || formTexts.review.notAnswered}</Row>
            <Row term={formTexts.review.wantsFeedback}>
              {draft.wantsFeedback && draft.email.trim() ? formTexts.details.yes : formTexts.details.no}
            </Row>
          </>
        )}
      </Section>
    </>
  );
}
