import { Button } from '@utrecht/button-react/css';
import { type FormEvent, useState } from 'react';
import { asApiError } from '../api.ts';
import { TextareaField } from '../controls.tsx';
import { insightApi, type NotableFlag } from '../insight-api.ts';
import { bt } from '../texts-nl.ts';

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
