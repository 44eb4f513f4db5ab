import { useMutation } from '@tanstack/react-query';
import { Button } from '@utrecht/button-react/css';
import { type FormEvent, useState } from 'react';
import { staffNotableTexts } from '../../texts/index.ts';
import { TextareaField } from '../../ui/fields.tsx';
import { asApiError } from '../api.ts';
import { insightApi, type NotableFlag } from '../insight-api.ts';

/**
 * "Markeer als opvallend": flags the melding for the weekly veiligheidsoverleg (docs/staff-api.md,
 * "Notable meldingen"). The detail answer does not say whether it is flagged, so the form shows what
 * this officer did here (or `initial`, when the detail carries it).
 */
import { SaveButtons } from '../shared/save-form.tsx';
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
  const flagMutation = useMutation({
    mutationFn: (text: string) => insightApi.flagNotable(meldingId, text),
    onSuccess: (result) => {
      setFlag(result.notable);
      setReason('');
      onDone(staffNotableTexts.marked);
    },
    onError: (err) => {
      const apiErr = asApiError(err);
      setError(apiErr.details.find((d) => d.field === 'reason')?.message ?? apiErr.message);
    },
  });
  const unflagMutation = useMutation({
    mutationFn: () => insightApi.unflagNotable(meldingId),
    onSuccess: () => {
      setFlag(null);
      onDone(staffNotableTexts.unmarked);
    },
    onError: (err) => onDone(asApiError(err).message, true),
  });
  const pending = flagMutation.isPending || unflagMutation.isPending;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setError(staffNotableTexts.reasonRequired);
      document.getElementById('notable-reason')?.focus();
      return;
    }
    setError(undefined);
    flagMutation.mutate(reason.trim());
  };
  return (
    <form className="bs-form" noValidate onSubmit={submit} aria-labelledby="notable-heading">
      <h3 id="notable-heading" className="utrecht-heading-3">
        {staffNotableTexts.heading}
      </h3>
      {flag ? (
        <>
          <p className="utrecht-paragraph">
            <strong>{staffNotableTexts.current(flag.reason)}</strong>
          </p>
          <div className="utrecht-button-group">
            <Button
              type="button"
              appearance="subtle-button"
              busy={pending}
              disabled={pending}
              onClick={() => unflagMutation.mutate()}
            >
              {staffNotableTexts.unmark}
            </Button>
          </div>
        </>
      ) : (
        <>
          <p className="utrecht-paragraph bs-muted">{staffNotableTexts.intro}</p>
          <TextareaField
            id="notable-reason"
            label={staffNotableTexts.reason}
            description={staffNotableTexts.reasonHint}
            rows={2}
            maxLength={500}
            value={reason}
            error={error}
            onValueChange={setReason}
          />
          <SaveButtons pending={pending} label={staffNotableTexts.mark} secondary />
        </>
      )}
    </form>
  );
}
