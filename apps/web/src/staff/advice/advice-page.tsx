import '../insight.css';
import './advice.css';
import { parseIsoWeek } from '@buurtsignaal/core/time';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '@utrecht/button-react/css';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { staffTexts, staffAdviceTexts as t } from '../../texts/index.ts';
import { Alert } from '../../ui/alert.tsx';
import { SelectField } from '../../ui/fields.tsx';
import { asApiError } from '../api.ts';
import { rosterApi, rosterKeys } from '../rosters/roster-api.ts';
import { useTitle } from '../use-title.ts';
import { addWeeks, currentWeekKey, weekOptions } from '../week/week-dates.ts';
import { adviceApi, adviceCsvUrl, adviceKeys } from './advice-api.ts';
import type { Decide } from './decision-controls.tsx';
import { EvaluationList } from './evaluation-list.tsx';
import { PatrolWindowCard, RosterProposalCard } from './proposal-cards.tsx';

/** The weeks to advise on: four coming weeks, this one and the past weeks of the overview's picker. */
function adviceWeekOptions(current: string) {
  const thisWeek = currentWeekKey();
  const coming = [4, 3, 2, 1]
    .map((n) => addWeeks(thisWeek, n))
    .filter((w): w is string => Boolean(w))
    .map((w) => ({ value: w, label: weekOptions(w).at(-1)?.label ?? w }));
  const past = weekOptions(current).filter((o) => !coming.some((c) => c.value === o.value));
  return [...coming, ...past];
}

/** On paper every place's weekday × hour table is shown: the folded ones open for the print. */
function useOpenDetailsForPrint() {
  useEffect(() => {
    let opened: HTMLDetailsElement[] = [];
    const before = () => {
      opened = [...document.querySelectorAll<HTMLDetailsElement>('.bs-advice details:not([open])')];
      for (const d of opened) d.open = true;
    };
    const after = () => {
      for (const d of opened) d.open = false;
      opened = [];
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
}

/** "Roosteradvies": per team and week the patrol windows and roster proposals, decided here. */
export default function AdvicePage() {
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const teamsQuery = useQuery({ queryKey: rosterKeys.teams, queryFn: rosterApi.teams });
  const teams = teamsQuery.data?.teams ?? [];
  const teamId = params.get('team') ?? teams[0]?.id ?? '';
  const team = teams.find((x) => x.id === teamId) ?? null;
  const week = params.get('week') ?? addWeeks(currentWeekKey(), 1) ?? currentWeekKey();
  const weeks = useMemo(() => adviceWeekOptions(week), [week]);
  const [announcement, setAnnouncement] = useState('');
  useOpenDetailsForPrint();

  const query = useQuery({
    queryKey: adviceKeys.advice(teamId, week),
    queryFn: () => adviceApi.advice(teamId, week),
    enabled: Boolean(teamId),
    placeholderData: keepPreviousData,
  });
  const advice = query.data && query.data.team.id === teamId ? query.data : null;
  const error =
    (teamsQuery.error ?? query.error) ? asApiError(teamsQuery.error ?? query.error).message : null;
  const parsed = parseIsoWeek(week);
  const heading = advice && parsed ? t.headingFor(advice.team.name, parsed.week, parsed.year) : t.heading;
  useTitle(heading, Boolean(error));

  const show = (next: { team?: string; week?: string }) => {
    setAnnouncement('');
    setParams(new URLSearchParams({ team: next.team ?? teamId, week: next.week ?? week }), {
      replace: true,
    });
  };

  const decide: Decide = async (input, what) => {
    try {
      const result = await adviceApi.decide({ team: teamId, week, ...input });
      await queryClient.invalidateQueries({ queryKey: adviceKeys.all });
      setAnnouncement(
        result.decision === 'accepted'
          ? t.announced.accepted(what, result.tasks)
          : t.announced.rejected(what),
      );
      return true;
    } catch (err) {
      setAnnouncement(asApiError(err).message);
      await queryClient.invalidateQueries({ queryKey: adviceKeys.all });
      return false;
    }
  };

  const members = team?.members.map((m) => ({ id: m.id, name: m.name })) ?? [];

  return (
    <div className="bs-insight bs-advice">
      <header className="bs-week__header">
        <h1 className="utrecht-heading-1">{heading}</h1>
        {advice && <p className="utrecht-paragraph">{t.intro(advice.historyWeeks)}</p>}
      </header>
      <div className="bs-week__tools bs-no-print">
        {teams.length > 0 && (
          <SelectField
            id="advice-team"
            label={t.team}
            value={teamId}
            options={teams.map((x) => ({ value: x.id, label: x.name }))}
            onValueChange={(id) => show({ team: id })}
          />
        )}
        <SelectField
          id="advice-week"
          label={t.week}
          value={week}
          options={weeks}
          onValueChange={(w) => show({ week: w })}
        />
        <div className="utrecht-button-group">
          <Button type="button" appearance="secondary-action-button" onClick={() => window.print()}>
            {t.print}
          </Button>
        </div>
        {teamId && (
          <p className="utrecht-paragraph">
            <a className="utrecht-link bs-download" href={adviceCsvUrl(teamId, week)} download>
              {t.csv}
            </a>{' '}
            <span className="bs-muted">{t.csvNote}</span>
          </p>
        )}
      </div>
      <p className="bs-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {error && (
        <Alert type="error" role="alert">
          <p className="utrecht-paragraph">{error}</p>
        </Alert>
      )}
      {teamsQuery.data && teams.length === 0 && <p className="utrecht-paragraph">{t.noTeams}</p>}
      {!advice && !error && teamId && (
        <p className="utrecht-paragraph" role="status">
          {staffTexts.loading}
        </p>
      )}
      {advice && (
        <>
          <section className="bs-section" aria-labelledby="advice-patrol-heading">
            <h2 id="advice-patrol-heading" className="utrecht-heading-2">
              {t.patrolHeading}
            </h2>
            <p className="utrecht-paragraph bs-muted">{t.patrolIntro}</p>
            {advice.patrolWindows.length === 0 && <p className="utrecht-paragraph">{t.patrolNone}</p>}
            {advice.patrolWindows.map((w) => (
              <PatrolWindowCard key={w.id} window={w} decide={decide} />
            ))}
          </section>
          <section className="bs-section" aria-labelledby="advice-proposal-heading">
            <h2 id="advice-proposal-heading" className="utrecht-heading-2">
              {t.proposalHeading}
            </h2>
            <p className="utrecht-paragraph bs-muted">{t.proposalIntro}</p>
            {advice.rosterProposals.length === 0 && <p className="utrecht-paragraph">{t.proposalNone}</p>}
            {advice.rosterProposals.map((p) => (
              <RosterProposalCard key={p.id} proposal={p} members={members} decide={decide} />
            ))}
          </section>
          <section className="bs-section" aria-labelledby="advice-evaluation-heading">
            <h2 id="advice-evaluation-heading" className="utrecht-heading-2">
              {t.evaluationHeading}
            </h2>
            <p className="utrecht-paragraph bs-muted">{t.evaluationIntro}</p>
            {advice.evaluated.length === 0 && <p className="utrecht-paragraph">{t.evaluationNone}</p>}
            <EvaluationList items={advice.evaluated} />
          </section>
        </>
      )}
    </div>
  );
}
