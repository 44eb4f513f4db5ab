import { categories } from '@buurtsignaal/core';
import { staffTexts, staffRoutingTexts as t } from '../../texts/index.ts';
import { CheckboxField, CheckboxGroup, RadioGroup, SelectField, TextField } from '../../ui/fields.tsx';
import type { AreaList } from './routing-api.ts';
import { ruleFieldIds as ids, type RuleDraft, type RuleField, subcategoryOptions } from './rule-draft.ts';

type Errors = Partial<Record<RuleField, string>>;
type Set = <K extends keyof RuleDraft>(key: K, value: RuleDraft[K]) => void;

const categoryOptions = categories.map((c) => ({ value: c.id, label: c.label }));
const weekdayOptions = staffTexts.weekdays.map((label, i) => ({ value: String(i + 1), label }));
const yesNo = [
  { value: '' as const, label: t.nuGaandeAny },
  { value: 'true' as const, label: t.yes },
  { value: 'false' as const, label: t.no },
];

/** The conditions of the rule form: all that is filled in must hold. */
export function RuleConditions({
  draft,
  set,
  errors,
  areas,
  teams,
  otherAnswerCount,
}: {
  draft: RuleDraft;
  set: Set;
  errors: Errors;
  areas: AreaList['areas'];
  teams: { value: string; label: string }[];
  otherAnswerCount: number;
}) {
  const subs = subcategoryOptions(draft.categories);
  return (
    <fieldset className="bs-group bs-routing-conditions">
      <legend className="utrecht-heading-3">{t.conditionsHeading}</legend>
      <p className="utrecht-paragraph bs-muted">{t.conditionsHint}</p>
      <CheckboxGroup
        id={ids.categories}
        legend={t.categories}
        description={t.categoriesHint}
        error={errors.categories}
        options={categoryOptions}
        value={draft.categories}
        onValueChange={(v) => set('categories', v)}
      />
      <CheckboxGroup
        id={ids.subcategories}
        legend={t.subcategories}
        description={t.subcategoriesHint}
        error={errors.subcategories}
        options={subs}
        value={draft.subcategories.filter((s) => subs.some((o) => o.value === s))}
        onValueChange={(v) => set('subcategories', v)}
      />
      <CheckboxGroup
        id={ids.areas}
        legend={t.areas}
        description={t.areasHint}
        error={errors.areas}
        options={areas.map((a) => ({
          value: a.code,
          label: `${a.naam} (${a.kind === 'wijk' ? t.wijk : t.buurt})`,
        }))}
        value={draft.areaCodes}
        onValueChange={(v) => set('areaCodes', v)}
      />
      <CheckboxField
        id="rr-use-time"
        label={t.useTime}
        checked={draft.useTime}
        onValueChange={(v) => set('useTime', v)}
      />
      {draft.useTime && (
        <div className="bs-routing-sub">
          <CheckboxGroup
            id={ids.weekdays}
            legend={t.weekdays}
            description={t.weekdaysHint}
            error={errors.weekdays}
            options={weekdayOptions}
            value={draft.weekdays}
            onValueChange={(v) => set('weekdays', v)}
          />
          <TextField
            id={ids.start}
            label={t.from}
            value={draft.start}
            error={errors.start}
            placeholder="20:00"
            inputMode="numeric"
            onValueChange={(v) => set('start', v)}
          />
          <TextField
            id={ids.end}
            label={t.to}
            description={t.toHint}
            value={draft.end}
            error={errors.end}
            placeholder="02:00"
            inputMode="numeric"
            onValueChange={(v) => set('end', v)}
          />
          <RadioGroup
            id={ids.timeOn}
            name="rr-time-on"
            legend={t.timeOn}
            error={errors.timeOn}
            options={[
              { value: 'happened_at', label: t.timeOnHappened },
              { value: 'reported_at', label: t.timeOnReported },
            ]}
            value={draft.timeOn}
            onValueChange={(v) => set('timeOn', v)}
          />
        </div>
      )}
      <RadioGroup
        id={ids.nuGaande}
        name="rr-nu-gaande"
        legend={t.nuGaande}
        description={otherAnswerCount > 0 ? t.otherAnswers(otherAnswerCount) : undefined}
        error={errors.nuGaande}
        options={yesNo}
        value={draft.nuGaande}
        onValueChange={(v) => set('nuGaande', v)}
      />
      <CheckboxField
        id="rr-use-repeat"
        label={t.useRepeat}
        checked={draft.useRepeat}
        onValueChange={(v) => set('useRepeat', v)}
      />
      {draft.useRepeat && (
        <div className="bs-routing-sub">
          <TextField
            id={ids.repeatCount}
            label={t.repeatCount}
            inputMode="numeric"
            value={draft.repeatCount}
            error={errors.repeatCount}
            onValueChange={(v) => set('repeatCount', v)}
          />
          <TextField
            id={ids.repeatRadius}
            label={t.repeatRadius}
            inputMode="numeric"
            value={draft.repeatRadius}
            error={errors.repeatRadius}
            onValueChange={(v) => set('repeatRadius', v)}
          />
          <TextField
            id={ids.repeatDays}
            label={t.repeatDays}
            inputMode="numeric"
            value={draft.repeatDays}
            error={errors.repeatDays}
            onValueChange={(v) => set('repeatDays', v)}
          />
        </div>
      )}
      <RadioGroup
        id={ids.onDuty}
        name="rr-on-duty"
        legend={t.onDuty}
        error={errors.onDuty}
        options={[
          { value: '' as const, label: t.onDutyAny },
          { value: 'yes' as const, label: t.onDutyYes },
          { value: 'no' as const, label: t.onDutyNo },
        ]}
        value={draft.onDuty}
        onValueChange={(v) => set('onDuty', v)}
        after={{
          yes: <TeamSelect draft={draft} set={set} teams={teams} />,
          no: <TeamSelect draft={draft} set={set} teams={teams} />,
        }}
      />
    </fieldset>
  );
}

function TeamSelect({
  draft,
  set,
  teams,
}: {
  draft: RuleDraft;
  set: Set;
  teams: { value: string; label: string }[];
}) {
  return (
    <SelectField
      id="rr-on-duty-team"
      label={t.onDutyTeam}
      value={draft.onDutyTeam}
      options={[{ value: '', label: t.chooseTeam }, ...teams]}
      onValueChange={(v) => set('onDutyTeam', v)}
    />
  );
}
