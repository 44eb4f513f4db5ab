import { useQuery } from '@tanstack/react-query';
import { Button } from '@utrecht/button-react/css';
import { type FormEvent, useState } from 'react';
import { staffTexts, staffRostersTexts as t } from '../../texts/index.ts';
import { CheckboxField, CheckboxGroup, RadioGroup, SelectField, TextField } from '../../ui/fields.tsx';
import { staffApi } from '../api.ts';
import { keys } from '../query/query-client.tsx';
import { SaveButtons, useSaveForm } from '../shared/save-form.tsx';
import { rosterApi, type Team, type TeamPatch } from './roster-api.ts';
import type { RosterContext } from './roster-context.ts';
import { isTime } from './roster-format.ts';

type Kind = Team['kind'];
type Window = { weekdays: string[]; start: string; end: string };
type Field = 'kind' | 'coverage' | 'fallbackTeamId' | 'memberIds';
const ids: Record<Field, string> = {
  kind: 'team-kind',
  coverage: 'team-coverage',
  fallbackTeamId: 'team-fallback',
  memberIds: 'team-members',
};
const weekdayOptions = staffTexts.weekdays.map((label, i) => ({ value: String(i + 1), label }));

/** Kind, expected hours, fallback team and members of a team (coordinators and admins). */
export function TeamSettings({ ctx }: { ctx: RosterContext }) {
  const team = ctx.team;
  // The same cache entry as the users page (useManagedList keeps the list itself): one shape per key.
  const users = useQuery({ queryKey: keys.users, queryFn: async () => (await staffApi.users()).users });
  const [kind, setKind] = useState<Kind>(team.kind);
  const [always, setAlways] = useState(team.coverage.kind === 'always');
  const [windows, setWindows] = useState<Window[]>(
    team.coverage.kind === 'windows'
      ? team.coverage.windows.map((w) => ({ weekdays: w.weekdays.map(String), start: w.start, end: w.end }))
      : [],
  );
  const [fallback, setFallback] = useState(team.fallbackTeam?.id ?? '');
  const [memberIds, setMemberIds] = useState(team.members.map((m) => m.id));
  const [emailAlways, setEmailAlways] = useState(team.notifyEmailAlways);
  const { errors, summary, pending, submit } = useSaveForm(
    ids,
    'team-errors',
    (patch: TeamPatch) => rosterApi.updateTeam(team.id, patch),
    async () => {
      await ctx.refresh();
      ctx.announce(t.settings.saved);
    },
  );
  const setWindow = (i: number, w: Partial<Window>) =>
    setWindows(windows.map((x, j) => (j === i ? { ...x, ...w } : x)));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!always) {
      if (windows.length === 0) found.coverage = t.settings.windowsRequired;
      else if (windows.some((w) => w.weekdays.length === 0)) found.coverage = t.patterns.weekdaysRequired;
      else if (windows.some((w) => !isTime(w.start) || !isTime(w.end)))
        found.coverage = t.override.timeRequired;
    }
    submit(found, {
      kind,
      coverage: always
        ? { kind: 'always' }
        : {
            kind: 'windows',
            windows: windows.map((w) => ({ weekdays: w.weekdays.map(Number), start: w.start, end: w.end })),
          },
      fallbackTeamId: fallback || null,
      notifyEmailAlways: emailAlways,
      memberIds,
    });
  };

  const candidates = (users.data ?? []).filter((u) => !u.disabled);
  return (
    <section className="bs-section" aria-labelledby="team-settings-heading">
      <h2 id="team-settings-heading" className="utrecht-heading-2">
        {t.settings.heading}
      </h2>
      <form className="bs-form bs-staff-narrow" noValidate onSubmit={onSubmit}>
        {summary}
        <RadioGroup
          id={ids.kind}
          name="team-kind"
          legend={t.settings.kind}
          value={kind}
          error={errors.kind}
          options={(['boa', 'politie', 'other'] as const).map((k) => ({ value: k, label: t.kinds[k] ?? k }))}
          onValueChange={setKind}
        />
        <RadioGroup
          id={ids.coverage}
          name="team-coverage"
          legend={t.settings.coverage}
          value={always ? 'always' : 'windows'}
          error={errors.coverage}
          options={[
            { value: 'always', label: t.settings.always },
            { value: 'windows', label: t.settings.windows },
          ]}
          onValueChange={(v) => setAlways(v === 'always')}
        />
        {!always && (
          <ol className="bs-roster-windows">
            {windows.map((w, i) => (
              <li key={i}>
                <CheckboxGroup
                  id={`team-window-${i}-days`}
                  legend={t.settings.window(i + 1)}
                  value={w.weekdays}
                  options={weekdayOptions.map((o) => ({ ...o, value: o.value }))}
                  onValueChange={(weekdays) => setWindow(i, { weekdays })}
                />
                <div className="bs-roster-times">
                  <TextField
                    id={`team-window-${i}-start`}
                    label={t.override.start}
                    type="time"
                    value={w.start}
                    onValueChange={(start) => setWindow(i, { start })}
                  />
                  <TextField
                    id={`team-window-${i}-end`}
                    label={t.override.end}
                    description={t.override.endHint}
                    type="time"
                    value={w.end}
                    onValueChange={(end) => setWindow(i, { end })}
                  />
                </div>
                <Button
                  type="button"
                  appearance="subtle-button"
                  onClick={() => setWindows(windows.filter((_, j) => j !== i))}
                >
                  {t.settings.removeWindow(i + 1)}
                </Button>
              </li>
            ))}
            <li>
              <Button
                type="button"
                appearance="secondary-action-button"
                onClick={() =>
                  setWindows([
                    ...windows,
                    { weekdays: weekdayOptions.map((o) => o.value), start: '', end: '' },
                  ])
                }
              >
                {t.settings.addWindow}
              </Button>
            </li>
          </ol>
        )}
        <SelectField
          id={ids.fallbackTeamId}
          label={t.settings.fallback}
          description={t.settings.fallbackHint}
          value={fallback}
          error={errors.fallbackTeamId}
          options={[
            { value: '', label: t.settings.noFallback },
            ...ctx.teams.filter((x) => x.id !== team.id).map((x) => ({ value: x.id, label: x.name })),
          ]}
          onValueChange={setFallback}
        />
        <CheckboxField
          id="team-email-always"
          label={t.settings.emailAlways}
          description={t.settings.emailAlwaysHint}
          checked={emailAlways}
          onValueChange={setEmailAlways}
        />
        <CheckboxGroup
          id={ids.memberIds}
          legend={t.settings.members}
          error={errors.memberIds}
          value={memberIds}
          options={candidates.map((u) => ({
            value: u.id,
            label: `${u.name} (${staffTexts.roles[u.role] ?? u.role})`,
          }))}
          onValueChange={setMemberIds}
        />
        <SaveButtons pending={pending} label={t.settings.save} />
      </form>
    </section>
  );
}
