import { priorities } from '@buurtsignaal/core';
import { useMutation } from '@tanstack/react-query';
import { Button } from '@utrecht/button-react/css';
import { type FormEvent, useState } from 'react';
import { staffTexts, staffRoutingTexts as t } from '../../texts/index.ts';
import { CheckboxField, RadioGroup, SelectField, TextareaField, TextField } from '../../ui/fields.tsx';
import { SaveButtons } from '../shared/save-form.tsx';
import { useFormErrors } from '../use-form-errors.tsx';
import { DraftResultView } from './draft-result.tsx';
import {
  type AreaList,
  type DraftResult,
  type RoutingRule,
  type RoutingRuleInput,
  routingApi,
} from './routing-api.ts';
import { RuleConditions } from './rule-conditions.tsx';
import {
  checkDraft,
  draftOf,
  ruleFieldIds as ids,
  otherAnswers,
  type RuleDraft,
  withFormFields,
} from './rule-draft.ts';

const priorityOptions = priorities.map((p) => ({ value: p, label: staffTexts.priorities[p] ?? p }));

/**
 * A new rule or a new version of one. "Proberen op de laatste 30 dagen" sends the draft to the what-if
 * first; saving and trying share the checks, and the API's refusals land at the fields it names.
 */
export function RuleForm({
  rule,
  areas,
  teams,
  onCancel,
  onSaved,
}: {
  rule: RoutingRule | null;
  areas: AreaList['areas'];
  teams: { value: string; label: string }[];
  onCancel: () => void;
  onSaved: (saved: RoutingRule) => void;
}) {
  const [draft, setDraft] = useState<RuleDraft>(() => draftOf(rule));
  const set = <K extends keyof RuleDraft>(key: K, value: RuleDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const { errors, check, showApiError, summary } = useFormErrors(ids, 'rr-errors');
  const [trial, setTrial] = useState<DraftResult | null>(null);

  const save = useMutation({
    mutationFn: (body: RoutingRuleInput) =>
      (rule ? routingApi.revise(rule.id, body) : routingApi.create(body)).catch((err: unknown) => {
        throw withFormFields(err);
      }),
    onSuccess: (saved) => {
      if (!rule) setDraft(draftOf(null));
      setTrial(null);
      onSaved(saved);
    },
    onError: showApiError,
  });
  const tryDraft = useMutation({
    mutationFn: (body: RoutingRuleInput) =>
      routingApi.draft({ rule: body, ...(rule ? { replaces: rule.id } : {}) }).catch((err: unknown) => {
        throw withFormFields(err);
      }),
    onSuccess: setTrial,
    onError: showApiError,
  });

  const checked = (): RoutingRuleInput | null => {
    const { found, body } = checkDraft(draft, rule);
    return check(found) ? body : null;
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = checked();
    if (body) save.mutate(body);
  };
  const onTry = () => {
    const body = checked();
    if (body) tryDraft.mutate(body);
  };

  return (
    <form className="bs-form" noValidate onSubmit={onSubmit}>
      {summary}
      {rule && <p className="utrecht-paragraph bs-muted">{t.editNote}</p>}
      <TextField
        id={ids.name}
        label={t.name}
        description={t.nameHint}
        value={draft.name}
        error={errors.name}
        onValueChange={(v) => set('name', v)}
      />
      <RuleConditions
        draft={draft}
        set={set}
        errors={errors}
        areas={areas}
        teams={teams}
        otherAnswerCount={otherAnswers(rule).length}
      />
      <fieldset className="bs-group">
        <legend className="utrecht-heading-3">{t.outcomeHeading}</legend>
        <SelectField
          id={ids.team}
          label={t.team}
          value={draft.team}
          error={errors.team}
          options={[{ value: '', label: t.chooseTeam }, ...teams]}
          onValueChange={(v) => set('team', v)}
        />
        <RadioGroup
          id={ids.priority}
          name="rr-priority"
          legend={t.priority}
          error={errors.priority}
          options={priorityOptions}
          value={draft.priority}
          onValueChange={(v) => set('priority', v)}
        />
        <TextareaField
          id={ids.note}
          label={t.note}
          description={t.noteHint}
          rows={3}
          value={draft.note}
          error={errors.note}
          onValueChange={(v) => set('note', v)}
        />
      </fieldset>
      <CheckboxField
        id="rr-active"
        label={t.ruleActive}
        checked={draft.active}
        onValueChange={(v) => set('active', v)}
      />
      <div className="utrecht-button-group">
        <Button
          type="button"
          appearance="secondary-action-button"
          busy={tryDraft.isPending}
          disabled={tryDraft.isPending}
          onClick={onTry}
        >
          {t.tryDraft}
        </Button>
      </div>
      <DraftResultView result={trial} />
      <SaveButtons
        pending={save.isPending}
        label={rule ? t.save : t.create}
        cancelLabel={t.cancel}
        onCancel={rule ? onCancel : undefined}
      />
    </form>
  );
}
