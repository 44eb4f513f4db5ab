import { type FormEvent, useEffect, useState } from 'react';
import { staffRostersTexts as t } from '../../texts/index.ts';
import { CheckboxGroup, RadioGroup, SelectField, TextareaField, TextField } from '../../ui/fields.tsx';
import { SaveButtons, useSaveForm } from '../shared/save-form.tsx';
import { type OverrideInput, rosterApi, type Shift } from './roster-api.ts';
import type { RosterContext } from './roster-context.ts';
import { formatLocalDate, isTime, timeRange } from './roster-format.ts';

type Person = Shift['members'][number];
/** Where the form was opened: a member on a shift (ziek melden, ruilen) or a day (extra dienst). */
export type OverrideTarget =
  | { kind: 'absent'; shift: Shift; member: Person }
  | { kind: 'swap'; shift: Shift; member: Person }
  | { kind: 'extra'; date: string };

type Field = 'cause' | 'replacementId' | 'label' | 'start' | 'end' | 'memberIds' | 'reason';
const ids: Record<Field, string> = {
  cause: 'override-cause',
  replacementId: 'override-replacement',
  label: 'override-label',
  start: 'override-start',
  end: 'override-end',
  memberIds: 'override-members',
  reason: 'override-reason',
};

const headingOf = (x: OverrideTarget): string => {
  if (x.kind === 'extra') return t.override.extraHeading(formatLocalDate(x.date));
  const shift = `${x.shift.label} ${formatLocalDate(x.shift.localDate, true)} ${timeRange(x.shift.localStart, x.shift.localEnd)}`;
  return x.kind === 'absent'
    ? t.override.sickHeading(x.member.name, shift)
    : t.override.swapHeading(x.member.name, shift);
};

/** An override of the roster, opened on a shift or a day; a reason is always required. */
export function OverrideForm({
  ctx,
  target,
  onClose,
}: {
  ctx: RosterContext;
  target: OverrideTarget;
  onClose: () => void;
}) {
  const [cause, setCause] = useState<'ziek' | 'afwezig'>('ziek');
  const [replacementId, setReplacementId] = useState('');
  const [label, setLabel] = useState<string>(t.override.labelDefault);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [memberIds, setMemberIds] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const heading = headingOf(target);
  const { errors, summary, pending, submit } = useSaveForm(
    ids,
    'override-errors',
    (input: OverrideInput) => rosterApi.addOverride(ctx.team.id, input),
    async (created) => {
      await ctx.refresh();
      ctx.announce(
        created.issues.length > 0
          ? t.override.savedWithIssues(created.issues.length)
          : t.override.saved(heading),
      );
      onClose();
    },
  );
  const first =
    target.kind === 'absent' ? ids.reason : target.kind === 'swap' ? ids.replacementId : ids.label;
  useEffect(() => {
    document.getElementById(first)?.focus();
  }, [first]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    const why = reason.trim();
    if (target.kind === 'swap' && !replacementId) found.replacementId = t.override.chooseReplacement;
    if (target.kind === 'extra') {
      if (!label.trim()) found.label = t.override.labelRequired;
      if (!isTime(start)) found.start = t.override.timeRequired;
      if (!isTime(end)) found.end = t.override.timeRequired;
      if (memberIds.length === 0) found.memberIds = t.override.membersRequired;
    }
    if (!why) found.reason = t.override.reasonRequired;
    const input: OverrideInput =
      target.kind === 'absent'
        ? {
            kind: 'absent',
            date: target.shift.localDate,
            cause,
            patternId: target.shift.patternId,
            memberId: target.member.id,
            reason: why,
          }
        : target.kind === 'swap'
          ? {
              kind: 'swap',
              date: target.shift.localDate,
              patternId: target.shift.patternId ?? '',
              memberId: target.member.id,
              replacementId,
              reason: why,
            }
          : {
              kind: 'extra',
              date: target.date,
              label: label.trim(),
              start,
              end,
              memberIds,
              leadId: null,
              reason: why,
            };
    submit(found, input);
  };

  const members = ctx.team.members;
  const onShift = target.kind === 'extra' ? [] : target.shift.members.map((m) => m.id);
  return (
    <form
      className="bs-form bs-roster-override"
      noValidate
      onSubmit={onSubmit}
      aria-labelledby="override-heading"
    >
      <h4 id="override-heading" className="utrecht-heading-4">
        {heading}
      </h4>
      {summary}
      {target.kind === 'absent' && (
        <RadioGroup
          id={ids.cause}
          name="override-cause"
          legend={t.override.cause}
          value={cause}
          options={(['ziek', 'afwezig'] as const).map((c) => ({
            value: c,
            label: t.override.causes[c] ?? c,
          }))}
          onValueChange={setCause}
        />
      )}
      {target.kind === 'swap' && (
        <SelectField
          id={ids.replacementId}
          label={t.override.replacement}
          value={replacementId}
          error={errors.replacementId}
          options={[
            { value: '', label: '—' },
            ...members.filter((m) => !onShift.includes(m.id)).map((m) => ({ value: m.id, label: m.name })),
          ]}
          onValueChange={setReplacementId}
        />
      )}
      {target.kind === 'extra' && (
        <>
          <TextField
            id={ids.label}
            label={t.override.label}
            value={label}
            error={errors.label}
            onValueChange={setLabel}
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
          <CheckboxGroup
            id={ids.memberIds}
            legend={t.override.members}
            error={errors.memberIds}
            value={memberIds}
            options={members.map((m) => ({ value: m.id, label: m.name }))}
            onValueChange={setMemberIds}
          />
        </>
      )}
      <TextareaField
        id={ids.reason}
        label={t.override.reason}
        description={t.override.reasonHint}
        rows={2}
        value={reason}
        error={errors.reason}
        onValueChange={setReason}
      />
      <SaveButtons
        pending={pending}
        label={t.override.save}
        cancelLabel={t.override.cancel}
        onCancel={onClose}
      />
    </form>
  );
}
