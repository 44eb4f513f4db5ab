import { type FormEvent, useState } from 'react';
import { staffTexts, staffRostersTexts as t } from '../../texts/index.ts';
import { CheckboxGroup, SelectField, TextField } from '../../ui/fields.tsx';
import { SaveButtons, useSaveForm } from '../shared/save-form.tsx';
import { optionalLabel } from '../shared/staff-fields.tsx';
import { type Pattern, type PatternInput, rosterApi } from './roster-api.ts';
import type { RosterContext } from './roster-context.ts';
import { isDate, isTime, todayLocal } from './roster-format.ts';

type Field = 'label' | 'weekdays' | 'start' | 'end' | 'validFrom' | 'validUntil' | 'memberIds' | 'leadId';
const ids: Record<Field, string> = {
  label: 'pattern-label',
  weekdays: 'pattern-weekdays',
  start: 'pattern-start',
  end: 'pattern-end',
  validFrom: 'pattern-valid-from',
  validUntil: 'pattern-valid-until',
  memberIds: 'pattern-members',
  leadId: 'pattern-lead',
};
const weekdayOptions = staffTexts.weekdays.map((label, i) => ({ value: String(i + 1), label }));

/** A new pattern, or an edit of one that takes effect from a date (the past stays as it was). */
export function PatternForm({
  ctx,
  editing,
  onDone,
  onCancel,
}: {
  ctx: RosterContext;
  editing: Pattern | null;
  onDone: (label: string) => Promise<void>;
  onCancel: () => void;
}) {
  const today = todayLocal();
  const [label, setLabel] = useState(editing?.label ?? '');
  const [weekdays, setWeekdays] = useState<string[]>(editing?.weekdays.map(String) ?? []);
  const [start, setStart] = useState(editing?.start ?? '');
  const [end, setEnd] = useState(editing?.end ?? '');
  const [validFrom, setValidFrom] = useState(
    editing && editing.validFrom > today ? editing.validFrom : today,
  );
  const [validUntil, setValidUntil] = useState(editing?.validUntil ?? '');
  const [memberIds, setMemberIds] = useState<string[]>(editing?.members.map((m) => m.id) ?? []);
  const [leadId, setLeadId] = useState(editing?.lead?.id ?? '');
  const { errors, summary, pending, submit } = useSaveForm(
    ids,
    'pattern-errors',
    (input: PatternInput) =>
      editing
        ? rosterApi.replacePattern(ctx.team.id, editing.id, input)
        : rosterApi.createPattern(ctx.team.id, input),
    (saved) => onDone(saved.label),
  );

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!label.trim()) found.label = t.override.labelRequired;
    if (weekdays.length === 0) found.weekdays = t.patterns.weekdaysRequired;
    if (!isTime(start)) found.start = t.override.timeRequired;
    if (!isTime(end)) found.end = t.override.timeRequired;
    if (!isDate(validFrom)) found.validFrom = t.patterns.dateInvalid;
    if (validUntil && !isDate(validUntil)) found.validUntil = t.patterns.dateInvalid;
    else if (validUntil && validUntil < validFrom) found.validUntil = t.patterns.validUntilBeforeFrom;
    const lead = leadId && memberIds.includes(leadId) ? leadId : null;
    submit(found, {
      label: label.trim(),
      weekdays: weekdays.map(Number),
      start,
      end,
      validFrom,
      validUntil: validUntil || null,
      memberIds,
      leadId: lead,
    });
  };

  const members = ctx.team.members;
  return (
    <form className="bs-form bs-staff-narrow" noValidate onSubmit={onSubmit}>
      {summary}
      <TextField
        id={ids.label}
        label={t.patterns.label}
        description={t.patterns.labelHint}
        value={label}
        error={errors.label}
        onValueChange={setLabel}
      />
      <CheckboxGroup
        id={ids.weekdays}
        legend={t.patterns.weekdays}
        error={errors.weekdays}
        value={weekdays}
        options={weekdayOptions}
        onValueChange={setWeekdays}
      />
      <div className="bs-roster-times">
        <TextField
          id={ids.start}
          label={t.override.start}
          type="time"
          value={start}
          error={errors.start}
          onValueChange={setStart}
        />
        <TextField
          id={ids.end}
          label={t.override.end}
          description={t.override.endHint}
          type="time"
          value={end}
          error={errors.end}
          onValueChange={setEnd}
        />
      </div>
      <TextField
        id={ids.validFrom}
        label={t.patterns.validFrom}
        description={t.patterns.validFromHint}
        type="date"
        min={today}
        value={validFrom}
        error={errors.validFrom}
        onValueChange={setValidFrom}
      />
      <TextField
        id={ids.validUntil}
        label={optionalLabel(t.patterns.validUntil)}
        type="date"
        min={validFrom}
        value={validUntil}
        error={errors.validUntil}
        onValueChange={setValidUntil}
      />
      <CheckboxGroup
        id={ids.memberIds}
        legend={t.patterns.members}
        error={errors.memberIds}
        value={memberIds}
        options={members.map((m) => ({ value: m.id, label: m.name }))}
        onValueChange={setMemberIds}
      />
      <SelectField
        id={ids.leadId}
        label={t.patterns.leadField}
        value={leadId}
        error={errors.leadId}
        options={[
          { value: '', label: t.patterns.leadNone },
          ...members.filter((m) => memberIds.includes(m.id)).map((m) => ({ value: m.id, label: m.name })),
        ]}
        onValueChange={setLeadId}
      />
      <SaveButtons
        pending={pending}
        label={t.patterns.save}
        cancelLabel={editing ? t.override.cancel : undefined}
        onCancel={editing ? onCancel : undefined}
      />
    </form>
  );
}
