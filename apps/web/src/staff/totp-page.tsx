import { Button } from '@utrecht/button-react/css';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Navigate } from 'react-router';
import { staffTotpTexts } from '../texts/index.ts';
import { Alert } from '../ui/alert.tsx';
import { TextField } from '../ui/fields.tsx';
import { asApiError } from './api.ts';
import { useSession, useTotpEnrolment } from './session.tsx';
import { SaveButtons } from './shared/save-form.tsx';
import { FormErrorSummary } from './shared/staff-fields.tsx';
import { useTitle } from './use-title.ts';

/** TOTP enrolment for coordinator and admin: a new secret, typed into the app, confirmed with a code. */
export function TotpEnrolmentPage() {
  const { session } = useSession();
  const enrolment = useTotpEnrolment();
  const setup = enrolment.setup.data ?? null;
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  const pending = enrolment.setup.isPending || enrolment.confirm.isPending;
  const [copied, setCopied] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const hasErrors = Boolean(error || message);
  useTitle(staffTotpTexts.heading, hasErrors);

  useEffect(() => {
    if (hasErrors) summaryRef.current?.focus();
  }, [hasErrors]);

  // After the confirmation the session is a full one: on to the queue, saying it worked.
  if (session && !session.totpEnrolmentRequired) {
    return (
      <Navigate to="/balie" replace {...(confirmed ? { state: { notice: staffTotpTexts.done } } : {})} />
    );
  }

  const start = () => {
    setMessage(undefined);
    enrolment.setup.mutate(undefined, { onError: (err) => setMessage(asApiError(err).message) });
  };

  const copy = async () => {
    if (!setup) return;
    try {
      await navigator.clipboard.writeText(setup.secret);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  const confirm = (e: FormEvent) => {
    e.preventDefault();
    setMessage(undefined);
    const value = code.replace(/\s/g, '');
    if (!value) {
      setError(staffTotpTexts.codeRequired);
      summaryRef.current?.focus();
      return;
    }
    setError(undefined);
    enrolment.confirm.mutate(value, {
      onSuccess: () => setConfirmed(true),
      onError: (err) => {
        const apiErr = asApiError(err);
        if (apiErr.code === 'TOTP_INVALID') setError(apiErr.message);
        else setMessage(apiErr.message);
      },
    });
  };

  return (
    <>
      <h1 className="utrecht-heading-1">{staffTotpTexts.heading}</h1>
      <p className="utrecht-paragraph">{staffTotpTexts.intro}</p>
      {hasErrors && (
        <FormErrorSummary
          id="totp-errors"
          ref={summaryRef}
          errors={error ? { code: error } : {}}
          idOf={() => 'totp-code'}
          message={message}
        />
      )}
      {!setup ? (
        <div className="utrecht-button-group">
          <Button type="button" appearance="primary-action-button" busy={pending} onClick={start}>
            {staffTotpTexts.start}
          </Button>
        </div>
      ) : (
        <>
          <section className="bs-section" aria-labelledby="totp-key-heading">
            <h2 id="totp-key-heading" className="utrecht-heading-2">
              {staffTotpTexts.stepKey}
            </h2>
            <p className="utrecht-paragraph">{staffTotpTexts.stepKeyHint}</p>
            <p className="utrecht-paragraph">
              <span className="bs-staff-label">{staffTotpTexts.secret}</span>
              <code className="bs-staff-secret" data-testid="totp-secret">
                {setup.secret}
              </code>
            </p>
            <div className="utrecht-button-group">
              <Button type="button" appearance="secondary-action-button" onClick={() => void copy()}>
                {staffTotpTexts.copy}
              </Button>
            </div>
            <p className="bs-visually-hidden" role="status">
              {copied ? staffTotpTexts.copied : ''}
            </p>
            <details className="bs-staff-details">
              <summary>{staffTotpTexts.uri}</summary>
              <p className="utrecht-paragraph">{staffTotpTexts.uriHint}</p>
              <p className="bs-staff-secret bs-staff-uri">{setup.otpauthUri}</p>
            </details>
          </section>
          {copied && (
            <Alert type="ok">
              <p className="utrecht-paragraph">{staffTotpTexts.copied}</p>
            </Alert>
          )}
          <form className="bs-form bs-staff-narrow" noValidate onSubmit={confirm}>
            <TextField
              id="totp-code"
              label={staffTotpTexts.code}
              description={staffTotpTexts.codeHint}
              inputMode="numeric"
              autoComplete="one-time-code"
              className="bs-input--medium"
              maxLength={10}
              value={code}
              error={error}
              onValueChange={setCode}
            />
            <SaveButtons pending={pending} label={staffTotpTexts.confirm} />
          </form>
        </>
      )}
    </>
  );
}
