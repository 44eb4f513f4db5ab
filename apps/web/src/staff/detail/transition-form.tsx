import { Button } from '@utrecht/button-react/css';
import { useEffect, useRef } from 'react';
import { staffActionTexts } from '../../texts/index.ts';
import { RadioGroup, SelectField, TextareaField, TextField } from '../../ui/fields.tsx';
import type { MeldingDetail } from '../api.ts';
import { FormErrorSummary, optionalLabel } from '../shared/staff-fields.tsx';
import { TransitionPreview } from './transition-preview.tsx';
import { type TField, tIds, useTransitionForm } from './use-transition-form.ts';

/** Change the status: the target, the message to the melder (from a standard text), a preview. */
export function TransitionForm({
  melding,
  onDone,
  chosen,
}: {
  melding: MeldingDetail;
  onDone: (message: string) => void;
  /** A status chosen in the action bar: selected here, and focus moves to it. */
  chosen?: { to: string; n: number } | undefined;
}) {
  const f = useTransitionForm(melding, onDone);
  const { target, texts } = f;
  const setTo = useRef(f.set.to);
  setTo.current = f.set.to;
  const taken = useRef(chosen?.n);
  useEffect(() => {
    // Only a choice made after this form appeared (the form is new after every change).
    if (!chosen || chosen.n === taken.current) return;
    taken.current = chosen.n;
    setTo.current(chosen.to);
    const radio = document.getElementById(`${tIds.to}-${chosen.to}`);
    radio?.focus({ preventScroll: true });
    // Centred, clear of the action bar; focus() alone left it off screen in Chromium.
    radio?.scrollIntoView({ block: 'center' });
  }, [chosen]);
  if (melding.allowedTransitions.length === 0) {
    return <p className="utrecht-paragraph">{staffActionTexts.noTransitions}</p>;
  }
  return (
    <form className="bs-form" noValidate onSubmit={f.submit} aria-labelledby="transition-heading">
      <h3 id="transition-heading" className="utrecht-heading-3">
        {staffActionTexts.transitionHeading}
      </h3>
      {f.hasErrors && (
        <FormErrorSummary
          id="transition-errors"
          ref={f.summaryRef}
          errors={f.errors as Record<string, string>}
          idOf={(f) => tIds[f as TField] ?? f}
          message={f.message}
        />
      )}
      <RadioGroup
        id={tIds.to}
        name="transition-to"
        legend={staffActionTexts.target}
        error={f.errors.to}
        value={f.fields.to}
        options={melding.allowedTransitions.map((t) => ({
          value: t.to,
          label: t.label,
          description: t.notifiesMelder ? staffActionTexts.notifies : staffActionTexts.noMail,
        }))}
        onValueChange={f.set.to}
      />
      {target && (
        <div className="bs-conditional">
          {target.to === 'doorgestuurd' && (
            <TextField
              id={tIds.forwardedTo}
              label={staffActionTexts.forwardedTo}
              description={staffActionTexts.forwardedToHint}
              value={f.fields.forwardedTo}
              error={f.errors.forwardedTo}
              onValueChange={f.set.forwardedTo}
            />
          )}
          {texts && texts.length > 0 && (
            <div className="bs-staff-standard-text">
              <SelectField
                id="transition-standard"
                label={staffActionTexts.standardText}
                description={staffActionTexts.standardTextHint}
                value={f.chosenText}
                options={[
                  { value: '', label: staffActionTexts.standardTextNone },
                  ...texts.map((x) => ({ value: x.id, label: x.title })),
                ]}
                onValueChange={f.setChosenText}
              />
              <Button
                type="button"
                appearance="secondary-action-button"
                disabled={!f.chosenText}
                onClick={f.fillText}
              >
                {staffActionTexts.standardTextUse}
              </Button>
            </div>
          )}
          {texts && texts.length === 0 && (target.requiresPublicMessage || target.notifiesMelder) && (
            <p className="utrecht-paragraph bs-muted">{staffActionTexts.standardTextsNone}</p>
          )}
          <p className="bs-visually-hidden" role="status">
            {f.filled}
          </p>
          <TextareaField
            id={tIds.publicMessage}
            label={
              target.requiresPublicMessage
                ? staffActionTexts.publicMessage
                : optionalLabel(staffActionTexts.publicMessage)
            }
            description={staffActionTexts.publicMessageHint}
            rows={6}
            value={f.fields.publicMessage}
            error={f.errors.publicMessage}
            onValueChange={f.set.publicMessage}
          />
          {target.to === 'geannuleerd' && (
            <>
              <TextareaField
                id={tIds.reason}
                label={
                  target.requiresReason ? staffActionTexts.reason : optionalLabel(staffActionTexts.reason)
                }
                description={staffActionTexts.reasonHint}
                rows={3}
                value={f.fields.reason}
                error={f.errors.reason}
                onValueChange={f.set.reason}
              />
              <TextField
                id={tIds.duplicateOf}
                label={optionalLabel(staffActionTexts.duplicateOf)}
                className="bs-input--medium"
                autoCapitalize="characters"
                spellCheck={false}
                value={f.fields.duplicateOf}
                error={f.errors.duplicateOf}
                onValueChange={f.set.duplicateOf}
              />
            </>
          )}
          <TextareaField
            id={tIds.internalNote}
            label={optionalLabel(staffActionTexts.internalNote)}
            description={staffActionTexts.internalNoteHint}
            rows={3}
            value={f.fields.internalNote}
            error={f.errors.internalNote}
            onValueChange={f.set.internalNote}
          />
          {target.notifiesMelder && (
            <div className="utrecht-button-group">
              <Button
                type="button"
                appearance="secondary-action-button"
                disabled={f.pending}
                onClick={f.showPreview}
              >
                {staffActionTexts.preview}
              </Button>
            </div>
          )}
          {f.preview && (
            <TransitionPreview preview={f.preview} stale={f.previewStale} headingRef={f.previewRef} />
          )}
          <div className="utrecht-button-group bs-nav">
            <Button type="submit" appearance="primary-action-button" busy={f.pending} disabled={f.pending}>
              {staffActionTexts.save}
            </Button>
          </div>
        </div>
      )}
    </form>
  );
}
