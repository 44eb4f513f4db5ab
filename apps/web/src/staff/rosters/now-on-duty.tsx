import { addDaysTo } from '@buurtsignaal/core';
import { useQuery } from '@tanstack/react-query';
import { staffRostersTexts as t } from '../../texts/index.ts';
import { SLOW_REFRESH_MS } from '../query/query-client.tsx';
import { rosterApi, rosterKeys, type Shift } from './roster-api.ts';
import type { RosterContext } from './roster-context.ts';
import { localMoment, todayLocal } from './roster-format.ts';

/** The shifts from yesterday (a night shift still running) to a week ahead. */
function useUpcoming(teamId: string) {
  const today = todayLocal();
  return useQuery({
    queryKey: [...rosterKeys.team(teamId), 'upcoming', today],
    queryFn: () => rosterApi.roster(teamId, addDaysTo(today, -1), addDaysTo(today, 7)),
    refetchInterval: SLOW_REFRESH_MS,
  });
}

/** "Nu in dienst" at a glance: who, which shift, until when; or "niemand" with the next shift's start. */
export function NowOnDuty({ ctx }: { ctx: RosterContext }) {
  const upcoming = useUpcoming(ctx.team.id);
  const now = Date.now();
  const shifts = upcoming.data?.shifts ?? [];
  const running = (s: Shift) => Date.parse(s.startsAt) <= now && now < Date.parse(s.endsAt);
  const shiftOf = (memberId: string) =>
    shifts.find((s) => running(s) && s.members.some((m) => m.id === memberId));
  const next = shifts
    .filter((s) => Date.parse(s.startsAt) > now && s.members.length > 0)
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))[0];
  const onDuty = ctx.team.onDutyNow;

  return (
    <section className="bs-section bs-roster-now" aria-labelledby="roster-now-heading">
      <h2 id="roster-now-heading" className="utrecht-heading-2">
        {t.now.heading}
      </h2>
      {onDuty.length > 0 ? (
        <ul className="bs-roster-now__list">
          {onDuty.map((p) => {
            const shift = shiftOf(p.id);
            return (
              <li key={p.id}>
                <strong>{p.name}</strong>
                {shift && <> — {t.now.until(shift.label, shift.localEnd)}</>}
              </li>
            );
          })}
        </ul>
      ) : (
        <div className="bs-roster-now__nobody">
          <p className="utrecht-paragraph">
            <strong>{t.now.nobody}</strong>
          </p>
          {upcoming.data && (
            <p className="utrecht-paragraph">
              {next
                ? t.now.nextShift(`${localMoment(next.localDate, next.localStart)} (${next.label})`)
                : t.now.noNextShift}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
