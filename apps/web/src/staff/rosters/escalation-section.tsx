import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '@utrecht/button-react/css';
import { type FormEvent, useState } from 'react';
import { staffEscalationTexts as t } from '../../texts/index.ts';
import { CheckboxGroup, TextField } from '../../ui/fields.tsx';
import { asApiError } from '../api.ts';
import { SaveButtons, useSaveForm } from '../shared/save-form.tsx';
import {
  type EscalationPolicyInput,
  type EscalationPolicyView,
  escalationApi,
  escalationKeys,
} from './escalation-api.ts';
import type { RosterContext } from './roster-context.ts';

// A team's escalation policy (coordinators and admins): ordered levels, each with its wait and its
// targets, and how often the levels are run again. The API checks it with core's schema and names the
// field it refuses (levels.1.delayMinutes); the form shows that at the level's own field.

type Level = { delay: string; targets: string[] };
const MAX_LEVELS = 10;
const fixedTargets = ['on_duty', 'lead', 'coordinator'] as const;

/** Field ids by the API's field names: every level's delay and targets (the targets' items too). */
function fieldIds(targetCount: number): Record<string, string> {
  const ids: Record<string, string> = { levels: 'esc-levels', repeat: 'esc-repeat' };
  for (let i = 0; i < MAX_LEVELS; i++) {
    ids[`levels.${i}.delayMinutes`] = `esc-level-${i}-delay`;
    ids[`levels.${i}.targets`] = `esc-level-${i}-targets`;
    for (let j = 0; j < targetCount; j++) ids[`levels.${i}.targets.${j}`] = `esc-level-${i}-targets`;
  }
  return ids;
}

export function EscalationSection({ ctx }: { ctx: RosterContext }) {
  const query = useQuery({
    queryKey: escalationKeys.policy(ctx.team.id),
    queryFn: () => escalationApi.view(ctx.team.id),
  });
  return (
    <section className="bs-section" aria-labelledby="escalation-heading">
      <h2 id="escalation-heading" className="utrecht-heading-2">
        {t.heading}
      </h2>
      <p className="utrecht-paragraph">{t.intro}</p>
      {query.error && <p className="utrecht-paragraph">{asApiError(query.error).message}</p>}
      {query.data && (
        <EscalationForm
          key={`${query.dataUpdatedAt}`}
          ctx={ctx}
          view={query.data}
          onSaved={async (message) => {
            await query.refetch();
            ctx.announce(message);
          }}
        />
      )}
    </section>
  );
}

function EscalationForm({
  ctx,
  view,
  onSaved,
}: {
  ctx: RosterContext;
  view: EscalationPolicyView;
  onSaved: (message: string) => Promise<void>;
}) {
  const queryClient = useQueryClient();
  const [levels, setLevels] = useState<Level[]>(
    view.policy.levels.map((l) => ({ delay: String(l.delayMinutes), targets: [...l.targets] })),
  );
  const [repeat, setRepeat] = useState(String(view.policy.repeat));
  const options = [
    ...fixedTargets.map((v) => ({ value: v, label: t.target[v] ?? v })),
    ...view.otherTeams.map((x) => ({ value: `team:${x.id}`, label: t.otherTeam(x.name) })),
  ];
  const ids = fieldIds(options.length);
  const { errors, summary, pending, submit } = useSaveForm(
    ids,
    'escalation-errors',
    (policy: EscalationPolicyInput) => escalationApi.replace(ctx.team.id, policy),
    () => onSaved(t.saved),
  );
  const reset = useMutation({
    mutationFn: () => escalationApi.reset(ctx.team.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: escalationKeys.policy(ctx.team.id) });
      await onSaved(t.resetDone);
    },
  });
  const setLevel = (i: number, l: Partial<Level>) =>
    setLevels(levels.map((x, j) => (j === i ? { ...x, ...l } : x)));
  const targetError = (i: number) =>
    Object.entries(errors).find(([f]) => f.startsWith(`levels.${i}.targets`))?.[1];
  const whole = (v: string, min: number, max: number) => /^\d+$/.test(v) && +v >= min && +v <= max;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (levels.length === 0) found.levels = t.levelsRequired;
    levels.forEach((l, i) => {
      if (!whole(l.delay, 1, 1440)) found[`levels.${i}.delayMinutes`] = t.delayRequired;
      if (l.targets.length === 0) found[`levels.${i}.targets`] = t.targetsRequired;
    });
    if (!whole(repeat, 0, 5)) found.repeat = t.repeatRequired;
    submit(found, {
      levels: levels.map((l) => ({
        delayMinutes: Number(l.delay),
        targets: l.targets as EscalationPolicyInput['levels'][number]['targets'],
      })),
      repeat: Number(repeat),
    });
  };

  return (
    <form className="bs-form bs-staff-narrow" noValidate onSubmit={onSubmit}>
      {summary}
      {view.isDefault && <p className="utrecht-paragraph">{t.isDefault}</p>}
      <ol id={ids.levels} className="bs-roster-windows" tabIndex={-1}>
        {levels.map((l, i) => (
          <li key={i}>
            <h3 className="utrecht-heading-3">{t.level(i + 1)}</h3>
            <CheckboxGroup
              id={`esc-level-${i}-targets`}
              legend={t.targets}
              value={l.targets}
              error={targetError(i)}
              options={options}
              onValueChange={(targets) => setLevel(i, { targets })}
            />
            <TextField
              id={`esc-level-${i}-delay`}
              label={t.delay}
              description={t.delayHint}
              inputMode="numeric"
              value={l.delay}
              error={errors[`levels.${i}.delayMinutes`]}
              onValueChange={(delay) => setLevel(i, { delay })}
            />
            <Button
              type="button"
              appearance="subtle-button"
              onClick={() => setLevels(levels.filter((_, j) => j !== i))}
            >
              {t.removeLevel(i + 1)}
            </Button>
          </li>
        ))}
      </ol>
      {levels.length < MAX_LEVELS && (
        <Button
          type="button"
          appearance="secondary-action-button"
          onClick={() => setLevels([...levels, { delay: '10', targets: ['on_duty'] }])}
        >
          {t.addLevel}
        </Button>
      )}
      <TextField
        id={ids.repeat ?? 'esc-repeat'}
        label={t.repeat}
        description={t.repeatHint}
        inputMode="numeric"
        value={repeat}
        error={errors.repeat}
        onValueChange={setRepeat}
      />
      <SaveButtons pending={pending} label={t.save} />
      {!view.isDefault && (
        <Button
          type="button"
          appearance="subtle-button"
          busy={reset.isPending}
          disabled={reset.isPending}
          onClick={() => reset.mutate()}
        >
          {t.reset}
        </Button>
      )}
    </form>
  );
}
