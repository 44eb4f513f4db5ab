import { isClaimable } from '@buurtsignaal/core';
import { Button } from '@utrecht/button-react/css';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Alert } from '../ui/alert.tsx';
import { RadioGroup, TextField } from '../ui/fields.tsx';
import {
  asApiError,
  type EmailPreview,
  type MeldingDetail,
  type StandardText,
  staffApi,
  type TransitionInput,
} from './api.ts';
import { FormErrorSummary, optionalLabel, SelectField, TextareaField } from './controls.tsx';
import { insightApi, type NotableFlag } from './insight-api.ts';
import { bt } from './texts-nl.ts';

export function ClaimAction({
  melding,
  myId,
  onDone,
}: {
  melding: MeldingDetail;
  myId: string | undefined;
  onDone: (message: string, error?: boolean) => void;
}) {
  const [pending, setPending] = useState(false);
  if (melding.assignedTo && melding.assignedTo.id === myId) {
    return <p className="utrecht-paragraph bs-balie-yours">{bt.actions.yours}</p>;
  }
  if (!isClaimable(melding.status.code)) return null;
  const claim = async () => {
    setPending(true);
    try {
      await staffApi.claim(melding.id);
      onDone(bt.actions.claimed);
    } catch (err) {
      const apiErr = asApiError(err);
      onDone(apiErr.status === 409 ? bt.actions.alreadyClaimed : apiErr.message, true);
    } finally {
      setPending(false);
    }
  };
  return (
    <div className="bs-balie-claim">
      <p className="utrecht-paragraph bs-muted">{bt.actions.claimHint}</p>
      <Button
        type="button"
        appearance="primary-action-button"
        className="bs-balie-wide-button"
        busy={pending}
        disabled={pending}
        onClick={() => void claim()}
      >
        {bt.actions.claim}
      </Button>
    </div>
  );
}

type TField = 'to' | 'publicMessage' | 'forwardedTo' | 'reason' | 'duplicateOf' | 'internalNote';
const tIds: Record<TField, string> = {
  to: 'transition-to',
  publicMessage: 'transition-public',
  forwardedTo: 'transition-forwarded',
  reason: 'transition-reason',
  duplicateOf: 'transition-duplicate',
  internalNote: 'transition-note',
};

export function TransitionForm({
  melding,
  onDone,
}: {
  melding: MeldingDetail;
  onDone: (message: string) => void;
}) {
  const [to, setTo] = useState<string | undefined>();
  const [publicMessage, setPublicMessage] = useState('');
  const [forwardedTo, setForwardedTo] = useState('');
  const [reason, setReason] = useState('');
  const [duplicateOf, setDuplicateOf] = useState('');
  const [internalNote, setInternalNote] = useState('');
  const [errors, setErrors] = useState<Partial<Record<TField, string>>>({});
  const [message, setMessage] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  const [preview, setPreview] = useState<EmailPreview | null>(null);
  const [previewStale, setPreviewStale] = useState(false);
  const [texts, setTexts] = useState<StandardText[] | null>(null);
  const [chosenText, setChosenText] = useState('');
  const [filled, setFilled] = useState('');
  const summaryRef = useRef<HTMLDivElement>(null);
  const previewRef = useRef<HTMLHeadingElement>(null);

  const target = melding.allowedTransitions.find((t) => t.to === to);
  const categoryId = melding.category.id;

  useEffect(() => {
    setTexts(null);
    setChosenText('');
    if (!to) return;
    let cancelled = false;
    staffApi
      .standardTexts({ status: to, category: categoryId })
      .then((r) => {
        if (!cancelled) setTexts(r.items.filter((x) => x.active !== false));
      })
      .catch(() => {
        if (!cancelled) setTexts([]);
      });
    return () => {
      cancelled = true;
    };
  }, [to, categoryId]);

  if (melding.allowedTransitions.length === 0) {
    return <p className="utrecht-paragraph">{bt.actions.noTransitions}</p>;
  }

  const changed =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      if (preview) setPreviewStale(true);
      setFilled('');
    };

  const validate = (forPreview: boolean): Partial<Record<TField, string>> => {
    const found: Partial<Record<TField, string>> = {};
    if (!target) {
      found.to = bt.actions.targetRequired;
      return found;
    }
    if (target.requiresPublicMessage && !publicMessage.trim())
      found.publicMessage = bt.actions.publicMessageRequired;
    if (target.to === 'doorgestuurd' && !forwardedTo.trim())
      found.forwardedTo = bt.actions.forwardedToRequired;
    if (!forPreview && target.requiresReason && !reason.trim()) found.reason = bt.actions.reasonRequired;
    return found;
  };

  const fail = (found: Partial<Record<TField, string>>, msg?: string) => {
    setErrors(found);
    setMessage(msg);
    // After React rendered the summary.
    setTimeout(() => summaryRef.current?.focus(), 0);
  };

  const fromApi = (err: unknown) => {
    const apiErr = asApiError(err);
    const fields: Partial<Record<TField, string>> = {};
    for (const d of apiErr.details) if (d.field in tIds) fields[d.field as TField] = d.message;
    if (apiErr.code === 'PUBLIC_MESSAGE_REQUIRED') fields.publicMessage ??= apiErr.message;
    if (apiErr.code === 'REASON_REQUIRED') fields.reason ??= apiErr.message;
    if (apiErr.code === 'FORWARDED_TO_REQUIRED') fields.forwardedTo ??= apiErr.message;
    if (apiErr.code === 'DUPLICATE_NOT_FOUND') fields.duplicateOf ??= apiErr.message;
    fail(fields, Object.keys(fields).length > 0 ? undefined : apiErr.message);
  };

  const showPreview = async () => {
    const found = validate(true);
    if (Object.keys(found).length > 0 || !target) return fail(found);
    setErrors({});
    setMessage(undefined);
    setPending(true);
    try {
      const result = await staffApi.preview(melding.id, {
        to: target.to,
        ...(publicMessage.trim() ? { publicMessage } : {}),
        ...(forwardedTo.trim() ? { forwardedTo: forwardedTo.trim() } : {}),
      });
      setPreview(result);
      setPreviewStale(false);
      setTimeout(() => previewRef.current?.focus(), 0);
    } catch (err) {
      fromApi(err);
    } finally {
      setPending(false);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = validate(false);
    if (Object.keys(found).length > 0 || !target) return fail(found);
    setErrors({});
    setMessage(undefined);
    setPending(true);
    const input: TransitionInput = {
      to: target.to,
      ...(publicMessage.trim() ? { publicMessage } : {}),
      ...(internalNote.trim() ? { internalNote: internalNote.trim() } : {}),
      ...(target.to === 'doorgestuurd' && forwardedTo.trim() ? { forwardedTo: forwardedTo.trim() } : {}),
      ...(target.requiresReason || target.to === 'geannuleerd'
        ? reason.trim()
          ? { reason: reason.trim() }
          : {}
        : {}),
      ...(target.to === 'geannuleerd' && duplicateOf.trim()
        ? { duplicateOf: duplicateOf.trim().toUpperCase() }
        : {}),
    };
    try {
      await staffApi.transition(melding.id, input);
      setTo(undefined);
      setPublicMessage('');
      setForwardedTo('');
      setReason('');
      setDuplicateOf('');
      setInternalNote('');
      setPreview(null);
      onDone(bt.actions.saved(target.label));
    } catch (err) {
      fromApi(err);
    } finally {
      setPending(false);
    }
  };

  const fillText = () => {
    const text = texts?.find((x) => x.id === chosenText);
    if (!text) return;
    setPublicMessage(text.body);
    if (preview) setPreviewStale(true);
    setFilled(bt.actions.standardTextFilled);
    document.getElementById(tIds.publicMessage)?.focus();
  };

  const hasErrors = Object.keys(errors).length > 0 || Boolean(message);

  return (
    <form className="bs-form" noValidate onSubmit={submit} aria-labelledby="transition-heading">
      <h3 id="transition-heading" className="utrecht-heading-3">
        {bt.actions.transitionHeading}
      </h3>
      {hasErrors && (
        <FormErrorSummary
          id="transition-errors"
          ref={summaryRef}
          errors={errors as Record<string, string>}
          idOf={(f) => tIds[f as TField] ?? f}
          message={message}
        />
      )}
      <RadioGroup
        id={tIds.to}
        name="transition-to"
        legend={bt.actions.target}
        error={errors.to}
        value={to}
        options={melding.allowedTransitions.map((t) => ({
          value: t.to,
          label: t.label,
          description: t.notifiesMelder ? bt.actions.notifies : bt.actions.noMail,
        }))}
        onValueChange={(v) => {
          setTo(v);
          setPreview(null);
          setFilled('');
        }}
      />
      {target && (
        <div className="bs-conditional">
          {target.to === 'doorgestuurd' && (
            <TextField
              id={tIds.forwardedTo}
              label={bt.actions.forwardedTo}
              description={bt.actions.forwardedToHint}
              value={forwardedTo}
              error={errors.forwardedTo}
              onValueChange={changed(setForwardedTo)}
            />
          )}
          {texts && texts.length > 0 && (
            <div className="bs-balie-standard-text">
              <SelectField
                id="transition-standard"
                label={bt.actions.standardText}
                description={bt.actions.standardTextHint}
                value={chosenText}
                options={[
                  { value: '', label: bt.actions.standardTextNone },
                  ...texts.map((x) => ({ value: x.id, label: x.title })),
                ]}
                onValueChange={setChosenText}
              />
              <Button
                type="button"
                appearance="secondary-action-button"
                disabled={!chosenText}
                onClick={fillText}
              >
                {bt.actions.standardTextUse}
              </Button>
            </div>
          )}
          {texts && texts.length === 0 && (target.requiresPublicMessage || target.notifiesMelder) && (
            <p className="utrecht-paragraph bs-muted">{bt.actions.standardTextsNone}</p>
          )}
          <p className="bs-visually-hidden" role="status">
            {filled}
          </p>
          <TextareaField
            id={tIds.publicMessage}
            label={
              target.requiresPublicMessage
                ? bt.actions.publicMessage
                : optionalLabel(bt.actions.publicMessage)
            }
            description={bt.actions.publicMessageHint}
            rows={6}
            value={publicMessage}
            error={errors.publicMessage}
            onValueChange={changed(setPublicMessage)}
          />
          {target.to === 'geannuleerd' && (
            <>
              <TextareaField
                id={tIds.reason}
                label={target.requiresReason ? bt.actions.reason : optionalLabel(bt.actions.reason)}
                description={bt.actions.reasonHint}
                rows={3}
                value={reason}
                error={errors.reason}
                onValueChange={setReason}
              />
              <TextField
                id={tIds.duplicateOf}
                label={optionalLabel(bt.actions.duplicateOf)}
                className="bs-input--medium"
                autoCapitalize="characters"
                spellCheck={false}
                value={duplicateOf}
                error={errors.duplicateOf}
                onValueChange={setDuplicateOf}
              />
            </>
          )}
          <TextareaField
            id={tIds.internalNote}
            label={optionalLabel(bt.actions.internalNote)}
            description={bt.actions.internalNoteHint}
            rows={3}
            value={internalNote}
            error={errors.internalNote}
            onValueChange={setInternalNote}
          />
          {target.notifiesMelder && (
            <div className="utrecht-button-group">
              <Button
                type="button"
                appearance="secondary-action-button"
                disabled={pending}
                onClick={() => void showPreview()}
              >
                {bt.actions.preview}
              </Button>
            </div>
          )}
          {preview && (
            <section className="bs-balie-preview" aria-labelledby="preview-heading">
              <h4 id="preview-heading" ref={previewRef} tabIndex={-1} className="utrecht-heading-3">
                {bt.actions.previewHeading}
              </h4>
              {previewStale && (
                <Alert type="warning">
                  <p className="utrecht-paragraph">{bt.actions.previewStale}</p>
                </Alert>
              )}
              <p className="utrecht-paragraph">
                {preview.sentToMelder ? bt.actions.previewSent : bt.actions.previewNotSent}
              </p>
              <p className="utrecht-paragraph">
                <strong>{bt.actions.previewSubject}</strong> {preview.subject}
              </p>
              <pre className="bs-balie-preview__text" data-testid="preview-text">
                {preview.text}
              </pre>
              <details className="bs-balie-details">
                <summary>{bt.actions.previewHtml}</summary>
                <iframe
                  className="bs-balie-preview__frame"
                  title={bt.actions.previewFrameTitle}
                  sandbox=""
                  srcDoc={preview.html}
                />
              </details>
            </section>
          )}
          <div className="utrecht-button-group bs-nav">
            <Button type="submit" appearance="primary-action-button" busy={pending} disabled={pending}>
              {bt.actions.save}
            </Button>
          </div>
        </div>
      )}
    </form>
  );
}

export function NoteForm({ meldingId, onDone }: { meldingId: string; onDone: (message: string) => void }) {
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) {
      setError(bt.actions.noteRequired);
      document.getElementById('note-body')?.focus();
      return;
    }
    setError(undefined);
    setPending(true);
    try {
      await staffApi.note(meldingId, body.trim());
      setBody('');
      onDone(bt.actions.noteSaved);
    } catch (err) {
      const apiErr = asApiError(err);
      setError(apiErr.details.find((d) => d.field === 'body')?.message ?? apiErr.message);
    } finally {
      setPending(false);
    }
  };
  return (
    <form className="bs-form" noValidate onSubmit={submit} aria-labelledby="note-heading">
      <h3 id="note-heading" className="utrecht-heading-3">
        {bt.actions.noteHeading}
      </h3>
      <TextareaField
        id="note-body"
        label={bt.actions.noteBody}
        description={bt.actions.internalNoteHint}
        rows={3}
        value={body}
        error={error}
        onValueChange={setBody}
      />
      <div className="utrecht-button-group">
        <Button type="submit" appearance="secondary-action-button" busy={pending} disabled={pending}>
          {bt.actions.noteSave}
        </Button>
      </div>
    </form>
  );
}

/**
 * "Markeer als opvallend": flags the melding for the weekly veiligheidsoverleg (docs/staff-api.md,
 * "Notable meldingen"). The detail answer does not say whether it is flagged, so the form shows what
 * this officer did here (or `initial`, when the detail carries it).
 */
export function NotableForm({
  meldingId,
  initial,
  onDone,
}: {
  meldingId: string;
  initial?: NotableFlag | null | undefined;
  onDone: (message: string, error?: boolean) => void;
}) {
  const [flag, setFlag] = useState<NotableFlag | null>(initial ?? null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setError(bt.notable.reasonRequired);
      document.getElementById('notable-reason')?.focus();
      return;
    }
    setError(undefined);
    setPending(true);
    try {
      const result = await insightApi.flagNotable(meldingId, reason.trim());
      setFlag(result.notable);
      setReason('');
      onDone(bt.notable.marked);
    } catch (err) {
      const apiErr = asApiError(err);
      setError(apiErr.details.find((d) => d.field === 'reason')?.message ?? apiErr.message);
    } finally {
      setPending(false);
    }
  };
  const unflag = async () => {
    setPending(true);
    try {
      await insightApi.unflagNotable(meldingId);
      setFlag(null);
      onDone(bt.notable.unmarked);
    } catch (err) {
      onDone(asApiError(err).message, true);
    } finally {
      setPending(false);
    }
  };
  return (
    <form className="bs-form" noValidate onSubmit={submit} aria-labelledby="notable-heading">
      <h3 id="notable-heading" className="utrecht-heading-3">
        {bt.notable.heading}
      </h3>
      {flag ? (
        <>
          <p className="utrecht-paragraph">
            <strong>{bt.notable.current(flag.reason)}</strong>
          </p>
          <div className="utrecht-button-group">
            <Button
              type="button"
              appearance="subtle-button"
              busy={pending}
              disabled={pending}
              onClick={() => void unflag()}
            >
              {bt.notable.unmark}
            </Button>
          </div>
        </>
      ) : (
        <>
          <p className="utrecht-paragraph bs-muted">{bt.notable.intro}</p>
          <TextareaField
            id="notable-reason"
            label={bt.notable.reason}
            description={bt.notable.reasonHint}
            rows={2}
            maxLength={500}
            value={reason}
            error={error}
            onValueChange={setReason}
          />
          <div className="utrecht-button-group">
            <Button type="submit" appearance="secondary-action-button" busy={pending} disabled={pending}>
              {bt.notable.mark}
            </Button>
          </div>
        </>
      )}
    </form>
  );
}
