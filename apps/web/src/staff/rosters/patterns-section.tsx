import { useMutation, useQuery } from '@tanstack/react-query';
import { Button } from '@utrecht/button-react/css';
import { staffRostersTexts as t } from '../../texts/index.ts';
import { Alert } from '../../ui/alert.tsx';
import { asApiError } from '../api.ts';
import { useEditing } from '../shared/managed-list.tsx';
import { PatternForm } from './pattern-form.tsx';
import { type Pattern, rosterApi, rosterKeys } from './roster-api.ts';
import type { RosterContext } from './roster-context.ts';
import { formatLocalDate, formatWeekdays, timeRange } from './roster-format.ts';

/** The team's shift patterns in force today or later; planners edit, end and add them. */
export function PatternsSection({ ctx }: { ctx: RosterContext }) {
  const patterns = useQuery({
    queryKey: rosterKeys.patterns(ctx.team.id),
    queryFn: () => rosterApi.patterns(ctx.team.id),
  });
  const { editing, edit, stopEditing } = useEditing<Pattern>('pattern-form-heading', 'pattern-label');
  const end = useMutation({
    mutationFn: async (p: Pattern) => {
      await rosterApi.endPattern(ctx.team.id, p.id);
      return p;
    },
    onSuccess: async (p) => {
      stopEditing();
      await ctx.refresh();
      ctx.announce(t.patterns.ended(p.label));
    },
    onError: (err) => ctx.announce(asApiError(err).message),
  });
  const list = patterns.data?.patterns ?? [];
  return (
    <section className="bs-section" aria-labelledby="roster-patterns-heading">
      <h2 id="roster-patterns-heading" className="utrecht-heading-2">
        {t.patterns.heading}
      </h2>
      {patterns.error && (
        <Alert type="error" role="alert">
          <p className="utrecht-paragraph">{asApiError(patterns.error).message}</p>
        </Alert>
      )}
      {patterns.data && list.length === 0 && <p className="utrecht-paragraph">{t.patterns.none}</p>}
      <ul className="bs-roster-patterns">
        {list.map((p) => (
          <li key={p.id} className="bs-staff-text">
            <h3 className="utrecht-heading-3">{p.label}</h3>
            <dl className="bs-staff-user__facts">
              <div>
                <dt>{t.patterns.days}</dt>
                <dd>{formatWeekdays(p.weekdays)}</dd>
              </div>
              <div>
                <dt>{t.patterns.time}</dt>
                <dd>{timeRange(p.start, p.end)}</dd>
              </div>
              <div>
                <dt>{t.patterns.valid}</dt>
                <dd>
                  {t.patterns.validFromUntil(
                    formatLocalDate(p.validFrom, true),
                    p.validUntil ? formatLocalDate(p.validUntil, true) : null,
                  )}
                </dd>
              </div>
              <div>
                <dt>{t.patterns.members}</dt>
                <dd>{p.members.map((m) => m.name).join(', ') || '—'}</dd>
              </div>
              <div>
                <dt>{t.patterns.lead}</dt>
                <dd>{p.lead?.name ?? t.patterns.noLead}</dd>
              </div>
            </dl>
            {ctx.canPlan && (
              <div className="utrecht-button-group">
                <Button type="button" appearance="secondary-action-button" onClick={() => edit(p)}>
                  {t.patterns.edit}
                  <span className="bs-visually-hidden">: {p.label}</span>
                </Button>
                <Button
                  type="button"
                  appearance="subtle-button"
                  disabled={end.isPending}
                  onClick={() => end.mutate(p)}
                >
                  {t.patterns.end}
                  <span className="bs-visually-hidden">: {p.label}</span>
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {ctx.canPlan && (
        <>
          <h3 id="pattern-form-heading" className="utrecht-heading-3">
            {editing ? t.patterns.editHeading(editing.label) : t.patterns.newHeading}
          </h3>
          <PatternForm
            key={editing?.id ?? 'new'}
            ctx={ctx}
            editing={editing}
            onDone={async (label) => {
              stopEditing();
              await ctx.refresh();
              ctx.announce(t.patterns.saved(label));
            }}
            onCancel={stopEditing}
          />
        </>
      )}
    </section>
  );
}
