import { addDaysTo } from '@buurtsignaal/core';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Button } from '@utrecht/button-react/css';
import { type ReactNode, useRef, useState } from 'react';
import { staffRostersTexts as t } from '../../texts/index.ts';
import { Alert } from '../../ui/alert.tsx';
import { asApiError } from '../api.ts';
import { OverrideForm, type OverrideTarget } from './override-form.tsx';
import { type RosterWeek, rosterApi, rosterKeys, type Shift } from './roster-api.ts';
import type { RosterContext } from './roster-context.ts';
import { formatLocalDate, mondayOf, timeRange, todayLocal, weekDates } from './roster-format.ts';

const targetKey = (x: OverrideTarget): string =>
  x.kind === 'extra' ? `extra-${x.date}` : `${x.kind}-${x.shift.id}-${x.member.id}`;

/** The team's week: days × shifts with who works them; previous/next week; overrides in two taps. */
export function WeekView({
  ctx,
  monday,
  onWeek,
}: {
  ctx: RosterContext;
  /** The Monday of the week shown (in the page's address, so a week can be shared). */
  monday: string;
  onWeek: (monday: string) => void;
}) {
  const today = todayLocal();
  const sunday = addDaysTo(monday, 6);
  const week = useQuery({
    queryKey: rosterKeys.week(ctx.team.id, monday),
    queryFn: () => rosterApi.roster(ctx.team.id, monday, sunday),
    placeholderData: keepPreviousData,
  });
  const [target, setTarget] = useState<OverrideTarget | null>(null);
  const trigger = useRef<HTMLElement | null>(null);
  const open = (x: OverrideTarget, button: HTMLElement) => {
    trigger.current = button;
    setTarget(x);
  };
  const close = () => {
    setTarget(null);
    // Back to the button that opened the form; after a save it may be gone (the member left the shift).
    setTimeout(() => {
      if (trigger.current?.isConnected) trigger.current.focus();
      else document.getElementById('roster-week-heading')?.focus();
    }, 0);
  };
  const range = t.week.range(formatLocalDate(monday, true), formatLocalDate(sunday, true));
  const go = (m: string) => {
    setTarget(null);
    onWeek(m);
  };

  return (
    <section className="bs-section" aria-labelledby="roster-week-heading">
      <h2 id="roster-week-heading" className="utrecht-heading-2" tabIndex={-1}>
        {t.week.heading} {range}
      </h2>
      <div className="utrecht-button-group bs-roster-weeknav">
        <Button type="button" appearance="secondary-action-button" onClick={() => go(addDaysTo(monday, -7))}>
          {t.week.previous}
        </Button>
        {monday !== mondayOf(today) && (
          <Button type="button" appearance="subtle-button" onClick={() => go(mondayOf(today))}>
            {t.week.thisWeek}
          </Button>
        )}
        <Button type="button" appearance="secondary-action-button" onClick={() => go(addDaysTo(monday, 7))}>
          {t.week.next}
        </Button>
      </div>
      {week.error && (
        <Alert type="error" role="alert">
          <p className="utrecht-paragraph">{asApiError(week.error).message}</p>
        </Alert>
      )}
      {week.data && (
        <ol className="bs-roster-days">
          {weekDates(monday).map((date) => {
            const shifts = week.data.shifts.filter((s) => s.localDate === date);
            const editable = ctx.canPlan && date >= today;
            const extra: OverrideTarget = { kind: 'extra', date };
            return (
              <li key={date} className={`bs-roster-day${date === today ? ' bs-roster-day--today' : ''}`}>
                <h3 className="utrecht-heading-3">
                  {formatLocalDate(date)}
                  {date === today && <span className="bs-roster-today"> {t.week.today}</span>}
                </h3>
                {shifts.length === 0 ? (
                  <p className="utrecht-paragraph bs-muted">{t.week.noShifts}</p>
                ) : (
                  <ul className="bs-roster-shifts">
                    {shifts.map((s) => (
                      <ShiftCard
                        key={s.id}
                        shift={s}
                        editable={editable}
                        target={target}
                        onOpen={open}
                        form={(x) => <OverrideForm ctx={ctx} target={x} onClose={close} />}
                      />
                    ))}
                  </ul>
                )}
                {editable && (
                  <>
                    <Button
                      type="button"
                      appearance="subtle-button"
                      onClick={(e) => open(extra, e.currentTarget)}
                    >
                      {t.week.extra}
                      <span className="bs-visually-hidden">: {formatLocalDate(date)}</span>
                    </Button>
                    {target && targetKey(target) === targetKey(extra) && (
                      <OverrideForm ctx={ctx} target={target} onClose={close} />
                    )}
                  </>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {week.data && <WeekOverrides ctx={ctx} week={week.data} />}
    </section>
  );
}

function ShiftCard({
  shift: s,
  editable,
  target,
  onOpen,
  form,
}: {
  shift: Shift;
  editable: boolean;
  target: OverrideTarget | null;
  onOpen: (x: OverrideTarget, button: HTMLElement) => void;
  form: (x: OverrideTarget) => ReactNode;
}) {
  const name = `${s.label} ${timeRange(s.localStart, s.localEnd)}`;
  return (
    <li className="bs-roster-shift" aria-label={`${s.label} ${s.localStart} tot ${s.localEnd}`}>
      <p className="bs-roster-shift__time">
        <strong>{s.label}</strong> <span>{timeRange(s.localStart, s.localEnd)}</span>
        {s.overrideIds.length > 0 && <span className="bs-roster-changed"> · {t.week.changed}</span>}
      </p>
      {s.members.length === 0 ? (
        <p className="utrecht-paragraph bs-roster-empty">{t.week.nobodyOnShift}</p>
      ) : (
        <ul className="bs-roster-members">
          {s.members.map((m) => {
            const sick: OverrideTarget = { kind: 'absent', shift: s, member: m };
            const swap: OverrideTarget = { kind: 'swap', shift: s, member: m };
            const openHere = target && [targetKey(sick), targetKey(swap)].includes(targetKey(target));
            return (
              <li key={m.id}>
                <span className="bs-roster-member">
                  {m.name}
                  {s.lead?.id === m.id && <span className="bs-muted"> ({t.week.lead})</span>}
                </span>
                {editable && (
                  <span className="bs-roster-actions">
                    <Button
                      type="button"
                      appearance="secondary-action-button"
                      onClick={(e) => onOpen(sick, e.currentTarget)}
                    >
                      {t.week.sick}
                      <span className="bs-visually-hidden">
                        : {m.name}, {name}
                      </span>
                    </Button>
                    {s.patternId && (
                      <Button
                        type="button"
                        appearance="subtle-button"
                        onClick={(e) => onOpen(swap, e.currentTarget)}
                      >
                        {t.week.swap}
                        <span className="bs-visually-hidden">
                          : {m.name}, {name}
                        </span>
                      </Button>
                    )}
                  </span>
                )}
                {openHere && target && form(target)}
              </li>
            );
          })}
        </ul>
      )}
    </li>
  );
}

function WeekOverrides({ ctx, week }: { ctx: RosterContext; week: RosterWeek }) {
  const cancel = useMutation({
    mutationFn: async (o: RosterWeek['overrides'][number]) => {
      await rosterApi.cancelOverride(ctx.team.id, o.id);
      return o;
    },
    onSuccess: async (o) => {
      await ctx.refresh();
      ctx.announce(t.week.cancelled(o.summary));
    },
    onError: (err) => ctx.announce(asApiError(err).message),
  });
  const today = todayLocal();
  return (
    <>
      <h3 className="utrecht-heading-3">{t.week.overridesHeading}</h3>
      {week.overrides.length === 0 ? (
        <p className="utrecht-paragraph bs-muted">{t.week.noOverrides}</p>
      ) : (
        <ul className="bs-roster-overrides">
          {week.overrides.map((o) => (
            <li key={o.id}>
              <strong>{formatLocalDate(o.date, true)}</strong>: {o.summary}
              <br />
              <span className="bs-muted">{t.week.reason(o.reason)}</span>
              {ctx.canPlan && o.date >= today && (
                <Button
                  type="button"
                  appearance="subtle-button"
                  disabled={cancel.isPending}
                  onClick={() => cancel.mutate(o)}
                >
                  {t.week.cancel}
                  <span className="bs-visually-hidden">: {o.summary}</span>
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {week.issues.length > 0 && (
        <Alert type="warning">
          <h3 className="utrecht-heading-3">{t.week.issuesHeading}</h3>
          <ul>
            {week.issues.map((i) => (
              <li key={`${i.overrideId}-${i.date}`}>
                {formatLocalDate(i.date, true)}: {i.message}
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </>
  );
}
