import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { staffLoginTexts } from '../texts/index.ts';
import { Alert } from '../ui/alert.tsx';
import { TextField } from '../ui/fields.tsx';
import { asApiError } from './api.ts';
import { useSession } from './session.tsx';
import { SaveButtons } from './shared/save-form.tsx';
import { FormErrorSummary } from './shared/staff-fields.tsx';
import { useTitle } from './use-title.ts';

type Field = 'email' | 'password' | 'totp';
const ids: Record<Field, string> = { email: 'login-email', password: 'login-password', totp: 'login-totp' };

export function LoginPage() {
  const { status, session, login, notice, returnTo } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? returnTo ?? '/balie';
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [message, setMessage] = useState<string | undefined>();
  const pending = login.isPending;
  const summaryRef = useRef<HTMLDivElement>(null);
  const hasErrors = Object.keys(errors).length > 0 || Boolean(message);
  useTitle(staffLoginTexts.heading, hasErrors);

  useEffect(() => {
    if (hasErrors) summaryRef.current?.focus();
  }, [hasErrors]);

  if (status === 'authenticated' && session && !pending) {
    return (
      <Navigate
        to={session.totpEnrolmentRequired ? '/balie/tweestapsverificatie' : safeReturn(from)}
        replace
      />
    );
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!email.trim()) found.email = staffLoginTexts.emailRequired;
    if (!password) found.password = staffLoginTexts.passwordRequired;
    setMessage(undefined);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      summaryRef.current?.focus();
      return;
    }
    login.mutate(
      {
        email: email.trim(),
        password,
        // Password and code go together; the answer does not say which of them was wrong.
        ...(totp.trim() ? { totp: totp.replace(/\s/g, '') } : {}),
      },
      {
        onSuccess: (result) =>
          navigate(result.totpEnrolmentRequired ? '/balie/tweestapsverificatie' : safeReturn(from), {
            replace: true,
          }),
        onError: (err) => {
          // A code is good once: after a failure the next attempt needs the next code.
          setTotp('');
          setErrors({});
          setMessage(asApiError(err).message);
        },
      },
    );
  };

  return (
    <>
      <h1 className="utrecht-heading-1">{staffLoginTexts.heading}</h1>
      <p className="utrecht-paragraph">{staffLoginTexts.intro}</p>
      {notice && !hasErrors && (
        <Alert type={notice === staffLoginTexts.loggedOut ? 'info' : 'warning'} role="status">
          <p className="utrecht-paragraph">{notice}</p>
        </Alert>
      )}
      {hasErrors && (
        <FormErrorSummary
          id="login-errors"
          ref={summaryRef}
          errors={errors as Record<string, string>}
          idOf={(f) => ids[f as Field]}
          message={message}
        />
      )}
      <form className="bs-form bs-staff-narrow" noValidate onSubmit={onSubmit}>
        <TextField
          id={ids.email}
          label={staffLoginTexts.email}
          type="email"
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
          value={email}
          error={errors.email}
          onValueChange={setEmail}
        />
        <TextField
          id={ids.password}
          label={staffLoginTexts.password}
          type="password"
          autoComplete="current-password"
          value={password}
          error={errors.password}
          onValueChange={setPassword}
        />
        <TextField
          id={ids.totp}
          label={staffLoginTexts.totp}
          description={staffLoginTexts.totpHint}
          inputMode="numeric"
          autoComplete="one-time-code"
          className="bs-input--medium"
          maxLength={10}
          value={totp}
          error={errors.totp}
          onValueChange={setTotp}
        />
        <SaveButtons pending={pending} label={staffLoginTexts.submit} />
      </form>
    </>
  );
}

/** Only paths within the console; never a link elsewhere. */
function safeReturn(path: string): string {
  return path.startsWith('/balie') && !path.startsWith('/balie/inloggen') ? path : '/balie';
}
