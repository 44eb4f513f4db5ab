import { staffAdviceTexts as t } from '../../texts/index.ts';
import { formatLocalDate } from '../rosters/roster-format.ts';
import type { Evaluation } from './advice-api.ts';

/** The evaluated windows, each with its lines in plain Dutch (the API puts the caution last). */
export function EvaluationList({ items, headingLevel = 3 }: { items: Evaluation[]; headingLevel?: 3 | 4 }) {
  const H = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <ul className="bs-advice__evaluations">
      {items.map((e) => (
        <li key={`${e.week}-${e.proposalId}`} className="bs-print-keep">
          <H className={`utrecht-heading-${headingLevel}`}>
            {t.evaluationTitle(
              formatLocalDate(e.localDate),
              e.localFrom,
              e.localTo,
              e.places.map((p) => p.name).join(', '),
            )}
          </H>
          {e.lines.map((line, i) => (
            <p key={i} className="utrecht-paragraph">
              {line}
            </p>
          ))}
        </li>
      ))}
    </ul>
  );
}
