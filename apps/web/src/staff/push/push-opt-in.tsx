import { useEffect, useState } from 'react';
import { staffPushTexts as t } from '../../texts/index.ts';
import { Alert } from '../../ui/alert.tsx';
import { CheckboxField } from '../../ui/fields.tsx';
import { asApiError } from '../api.ts';
import {
  currentDevicePush,
  type DevicePushState,
  turnDevicePushOff,
  turnDevicePushOn,
} from './device-push.ts';

/** Why the control is off and cannot be turned on, as the officer reads it. */
const blocked: Partial<Record<DevicePushState, string>> = {
  unsupported: t.unsupported,
  denied: t.denied,
  'not-configured': t.notConfigured,
};

/**
 * "Meldingen op dit toestel ontvangen": Web Push to this device, on or off. Shows where the device
 * stands, and says why when the browser cannot (no push, notifications blocked, not configured).
 */
export function PushOptIn() {
  const [state, setState] = useState<DevicePushState>('checking');
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    currentDevicePush().then(
      (s) => live && setState(s),
      () => live && setState('off'),
    );
    return () => {
      live = false;
    };
  }, []);

  const change = async (on: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const next = on ? await turnDevicePushOn() : await turnDevicePushOff();
      setState(next);
      if (next === 'on') setAnnouncement(t.turnedOn);
      else if (next === 'off') setAnnouncement(t.turnedOff);
      else if (next === 'failed') setError(t.failed);
    } catch (err) {
      setError(asApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  const reason = blocked[state];
  // The reason it cannot be turned on describes the control itself, so that a screen reader says it too.
  const description = busy || state === 'checking' ? t.busy : state === 'on' ? t.on : (reason ?? t.off);
  return (
    <section className="bs-section bs-push-opt-in" aria-labelledby="push-opt-in-heading">
      <h2 id="push-opt-in-heading" className="utrecht-heading-2">
        {t.heading}
      </h2>
      <p className="utrecht-paragraph">{t.intro}</p>
      <CheckboxField
        id="push-opt-in"
        label={t.label}
        description={description}
        checked={state === 'on'}
        disabled={busy || state === 'checking' || reason !== undefined}
        onValueChange={(on) => void change(on)}
      />
      {error && (
        <Alert type="error" role="alert">
          <p className="utrecht-paragraph">{error}</p>
        </Alert>
      )}
      <p className="bs-visually-hidden" role="status">
        {announcement}
      </p>
    </section>
  );
}
