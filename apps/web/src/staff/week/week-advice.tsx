import { useQueries, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { staffAdviceTexts } from '../../texts/index.ts';
import { adviceApi, adviceKeys, type RosterAdvice } from '../advice/advice-api.ts';
import { EvaluationList } from '../advice/evaluation-list.tsx';
import { rosterApi, rosterKeys } from '../rosters/roster-api.ts';
import { addWeeks } from './week-dates.ts';

const t = staffAdviceTexts.weekSection;

/**
 * "Roosteradvies" in the weekly overview: per team the advice of the week shown (how many windows and
 * proposals, how many decided), the evaluation of the windows that ran that week, and the evaluations
 * over the quarter. The evaluation of a week is in the advice of the week after (only weeks that are
 * over are evaluated, the 13 weeks before the one asked).
 */
export function WeekAdvice({ week }: { week: string }) {
  const teams = useQuery({ queryKey: rosterKeys.teams, queryFn: rosterApi.teams });
  const list = teams.data?.teams.filter((x) => x.active) ?? [];
  const after = addWeeks(week, 1) ?? week;
  const advice = useQueries({
    queries: list.flatMap((team) => [
      { queryKey: adviceKeys.advice(team.id, week), queryFn: () => adviceApi.advice(team.id, week) },
      { queryKey: adviceKeys.advice(team.id, after), queryFn: () => adviceApi.advice(team.id, after) },
    ]),
  });
  if (list.length === 0) return null;
  return (
    <section className="bs-section" aria-labelledby="week-advice">
      <h2 id="week-advice" className="utrecht-heading-2">
        {t.heading}
      </h2>
      <p className="utrecht-paragraph bs-muted">{t.intro}</p>
      {list.map((team, i) => (
        <TeamAdvice
          key={team.id}
          team={team}
          week={week}
          shown={advice[2 * i]?.data ?? null}
          next={advice[2 * i + 1]?.data ?? null}
        />
      ))}
    </section>
  );
}

function TeamAdvice({
  team,
  week,
  shown,
  next,
}: {
  team: { id: string; name: string };
  week: string;
  shown: RosterAdvice | null;
  next: RosterAdvice | null;
}) {
  const decisions = shown ? [...shown.patrolWindows, ...shown.rosterProposals].map((x) => x.decision) : [];
  const accepted = decisions.filter((d) => d?.decision === 'accepted').length;
  const rejected = decisions.filter((d) => d?.decision === 'rejected').length;
  const thisWeek = next?.evaluated.filter((e) => e.week === week) ?? [];
  const headingId = `week-advice-${team.id}`;
  return (
    <section className="bs-print-keep" aria-labelledby={headingId}>
      <h3 id={headingId} className="utrecht-heading-3">
        {team.name}
      </h3>
      {shown && (
        <p className="utrecht-paragraph">
          {t.counts(shown.patrolWindows.length, shown.rosterProposals.length)} —{' '}
          {t.decisions(accepted, rejected, decisions.length - accepted - rejected)}
        </p>
      )}
      <h4 className="utrecht-heading-4">{t.thisWeek}</h4>
      {next && thisWeek.length === 0 && <p className="utrecht-paragraph bs-muted">{t.noneThisWeek}</p>}
      <EvaluationList items={thisWeek} headingLevel={4} />
      {next && next.evaluated.length > 0 && (
        <details>
          <summary>
            {t.quarter} ({next.evaluated.length})
          </summary>
          <EvaluationList items={next.evaluated} headingLevel={4} />
        </details>
      )}
      <p className="utrecht-paragraph bs-no-print">
        <Link
          className="utrecht-link"
          to={`/balie/roosteradvies?${new URLSearchParams({ team: team.id, week })}`}
        >
          {t.link(team.name)}
        </Link>
      </p>
    </section>
  );
}
