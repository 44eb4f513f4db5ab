import '../insight.css';
import './rosters.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { staffRostersTexts as t } from '../../texts/index.ts';
import { SelectField } from '../../ui/fields.tsx';
import { asApiError, isCoordinator } from '../api.ts';
import { SLOW_REFRESH_MS } from '../query/query-client.tsx';
import { useSession } from '../session.tsx';
import { ListMessages } from '../shared/managed-list.tsx';
import { useTitle } from '../use-title.ts';
import { CalendarFeedBox } from './calendar-feed.tsx';
import { CoverageGaps } from './coverage-gaps.tsx';
import { EscalationSection } from './escalation-section.tsx';
import { IcsImport } from './ics-import.tsx';
import { NowOnDuty } from './now-on-duty.tsx';
import { PatternsSection } from './patterns-section.tsx';
import { rosterApi, rosterKeys } from './roster-api.ts';
import type { RosterContext } from './roster-context.ts';
import { isDate, mondayOf, todayLocal } from './roster-format.ts';
import { TeamSettings } from './team-settings.tsx';
import { WeekView } from './week-view.tsx';

/** "Roosters": per team who is on duty now, the week, the coverage gaps, and (for planners) the plan. */
export default function RostersPage() {
  const { session } = useSession();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  // "Nu in dienst" comes with the teams: read again while the page is visible.
  const teamsQuery = useQuery({
    queryKey: rosterKeys.teams,
    queryFn: rosterApi.teams,
    refetchInterval: SLOW_REFRESH_MS,
  });
  const [announcement, setAnnouncement] = useState('');
  const loadError = teamsQuery.error ? asApiError(teamsQuery.error).message : null;
  useTitle(t.heading, Boolean(loadError));

  const teams = teamsQuery.data?.teams ?? [];
  const teamId = params.get('team') ?? teams[0]?.id ?? '';
  const team = teams.find((x) => x.id === teamId) ?? null;
  const week = params.get('week') ?? '';
  const monday = mondayOf(isDate(week) ? week : todayLocal());
  const show = (next: { team?: string; week?: string }) =>
    setParams(new URLSearchParams({ team: next.team ?? teamId, ...(next.week ? { week: next.week } : {}) }), {
      replace: true,
    });

  const ctx: RosterContext | null = team
    ? {
        team,
        teams,
        canPlan: isCoordinator(session?.user),
        announce: setAnnouncement,
        refresh: async () => {
          await Promise.all([
            queryClient.invalidateQueries({ queryKey: rosterKeys.team(team.id) }),
            queryClient.invalidateQueries({ queryKey: rosterKeys.teams }),
          ]);
        },
      }
    : null;

  return (
    <div className="bs-rosters">
      <h1 className="utrecht-heading-1">{t.heading}</h1>
      <ListMessages announcement={announcement} loadError={loadError} />
      {teamsQuery.data && teams.length === 0 && <p className="utrecht-paragraph">{t.noTeams}</p>}
      {teams.length > 1 && (
        <SelectField
          id="roster-team"
          label={t.team}
          value={teamId}
          options={teams.map((x) => ({ value: x.id, label: x.name }))}
          onValueChange={(id) => {
            setAnnouncement('');
            show({ team: id });
          }}
        />
      )}
      {ctx && (
        <div key={ctx.team.id}>
          <NowOnDuty ctx={ctx} />
          <WeekView ctx={ctx} monday={monday} onWeek={(m) => show({ week: m })} />
          <CoverageGaps ctx={ctx} />
          <PatternsSection ctx={ctx} />
          {ctx.canPlan && (
            <>
              <IcsImport ctx={ctx} />
              <CalendarFeedBox
                owner={{ kind: 'team', teamId: ctx.team.id }}
                headingLevel={2}
                onAnnounce={setAnnouncement}
              />
              <TeamSettings ctx={ctx} />
              <EscalationSection ctx={ctx} />
            </>
          )}
        </div>
      )}
    </div>
  );
}
