import { Button } from '@utrecht/button-react/css';
import { type ReactNode, useState } from 'react';
import { staffAdviceTexts as t } from '../../texts/index.ts';
import { TextareaField } from '../../ui/fields.tsx';
import { formatDateTime } from '../format.ts';
import type { AdviceDecision, DecisionInput } from './advice-api.ts';

export type Decide = (
  input: Pick<DecisionInput, 'proposalId' | 'decision' | 'reason' | 'edit'>,
  what: string,
) => Promise<boolean>;

/** What the proposal's "Aanpassen" form adds to the decision; null while it is not valid. */
export type EditValue = DecisionInput['edit'] | null;

/**
 * Aannemen / Aanpassen / Afwijzen of one proposal, or the decision once taken. `editor` renders the
 * "Aanpassen" fields and reports what they make of the proposal.
 */
export function DecisionControls({
  id,
  what,
  decision,
  decide,
  editor,
}: {
  id: string;
  what: string;
  decision: AdviceDecision | null;
  decide: Decide;
  editor: (onChange: (edit: EditValue) => void) => ReactNode;
}) {
  const [mode, setMode] = useState<'idle' | 'edit' | 'reject'>('idle');
  const [reason, setReason] = useState('');
  const [edit, setEdit] = useState<EditValue>(null);
  const [busy, setBusy] = useState(false);

  if (decision) {
    const by = decision.decidedBy?.name ?? '';
    const at = formatDateTime(decision.decidedAt);
    return (
      <div
        id={`${id}-decided`}
        tabIndex={-1}
        className={`bs-advice__decided bs-advice__decided--${decision.decision}`}
      >
        <p className="utrecht-paragraph">
          <strong>
            {decision.decision === 'accepted' ? t.decided.accepted(by, at) : t.decided.rejected(by, at)}
          </strong>
        </p>
        {decision.reason && <p className="utrecht-paragraph">{t.reasonLine(decision.reason)}</p>}
      </div>
    );
  }

  const send = async (input: Parameters<Decide>[0]) => {
    setBusy(true);
    const ok = await decide(input, what);
    setBusy(false);
    if (!ok) return;
    setMode('idle');
    // The buttons are gone with the decision: focus goes to what replaced them.
    setTimeout(() => document.getElementById(`${id}-decided`)?.focus(), 0);
  };

  return (
    <div className="bs-advice__decide bs-no-print">
      {mode === 'idle' && (
        <div className="utrecht-button-group">
          <Button
            type="button"
            appearance="primary-action-button"
            busy={busy}
            aria-label={`${t.accept}: ${what}`}
            onClick={() => void send({ proposalId: id, decision: 'accepted' })}
          >
            {t.accept}
          </Button>
          <Button
            type="button"
            appearance="secondary-action-button"
            aria-label={`${t.edit}: ${what}`}
            onClick={() => setMode('edit')}
          >
            {t.edit}
          </Button>
          <Button
            type="button"
            appearance="secondary-action-button"
            aria-label={`${t.reject}: ${what}`}
            onClick={() => setMode('reject')}
          >
            {t.reject}
          </Button>
        </div>
      )}
      {mode === 'edit' && (
        <form
          aria-label={`${t.edit}: ${what}`}
          onSubmit={(e) => {
            e.preventDefault();
            if (edit) void send({ proposalId: id, decision: 'accepted', edit });
          }}
        >
          {editor(setEdit)}
          <div className="utrecht-button-group">
            <Button type="submit" appearance="primary-action-button" busy={busy} disabled={!edit}>
              {t.acceptEdited}
            </Button>
            <Button type="button" appearance="secondary-action-button" onClick={() => setMode('idle')}>
              {t.cancel}
            </Button>
          </div>
        </form>
      )}
      {mode === 'reject' && (
        <form
          aria-label={`${t.reject}: ${what}`}
          onSubmit={(e) => {
            e.preventDefault();
            void send({
              proposalId: id,
              decision: 'rejected',
              ...(reason.trim() ? { reason: reason.trim() } : {}),
            });
          }}
        >
          <TextareaField
            id={`${id}-reason`}
            label={t.reason}
            description={t.reasonHint}
            value={reason}
            onValueChange={setReason}
          />
          <div className="utrecht-button-group">
            <Button type="submit" appearance="primary-action-button" busy={busy}>
              {t.confirmReject}
            </Button>
            <Button type="button" appearance="secondary-action-button" onClick={() => setMode('idle')}>
              {t.cancel}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
