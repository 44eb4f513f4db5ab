import { type FormEvent, useState } from 'react';
import { staffTexts, staffRoutingTexts as t } from '../../texts/index.ts';
import { TextareaField } from '../../ui/fields.tsx';
import type { MeldingDetail } from '../api.ts';
import { formatDateTime } from '../format.ts';
import { routingApi } from '../routing/routing-api.ts';
import { SaveButtons, useSaveForm } from '../shared/save-form.tsx';

// Statuses from which the API routes a melding again (REROUTE_NOT_ALLOWED otherwise).
const REROUTABLE = new Set(['gemeld', 'ingedeeld', 'heropend']);

/** Why the melding went to this team (the rule and its version, or the category's default), and its note. */
export function AssignmentPanel({ melding }: { melding: MeldingDetail }) {
  const a = melding.assignment;
  return (
    <section className="bs-section bs-staff-assignment" aria-labelledby="assignment-heading">
      <h2 id="assignment-heading" tabIndex={-1} className="utrecht-heading-2">
        {t.assignmentHeading}
      </h2>
      {a ? (
        <>
          <p className="utrecht-paragraph" data-testid="assignment-reason">
            <strong>{t.assignmentReason}:</strong> {a.reason}
          </p>
          <dl className="bs-summary__list">
            <div className="bs-summary__row">
              <dt>{t.resultRule}</dt>
              <dd>{a.rule ? t.assignmentRule(a.rule.name, a.rule.version) : t.assignmentDefault}</dd>
            </div>
            <div className="bs-summary__row">
              <dt>{t.resultTeam}</dt>
              <dd>
                {a.team.name}, {(staffTexts.priorities[a.priority] ?? a.priority).toLowerCase()}
              </dd>
            </div>
            <div className="bs-summary__row">
              <dt>{t.assignmentAt}</dt>
              <dd>{formatDateTime(a.at)}</dd>
            </div>
          </dl>
          {a.note && (
            <div className="bs-staff-message bs-staff-message--internal">
              <p className="bs-staff-message__label">{t.assignmentNote}</p>
              <p className="bs-staff-message__body">{a.note}</p>
            </div>
          )}
        </>
      ) : (
        <p className="utrecht-paragraph bs-muted">{t.notRouted}</p>
      )}
    </section>
  );
}

export const canReroute = (melding: MeldingDetail, coordinator: boolean): boolean =>
  coordinator && REROUTABLE.has(melding.status.code);

const ids = { reason: 'reroute-reason' };

/** "Opnieuw indelen" with a required reason; afterwards the page says (and shows) the new team. */
export function RerouteForm({
  meldingId,
  onDone,
}: {
  meldingId: string;
  onDone: (text: string) => void | Promise<void>;
}) {
  const [reason, setReason] = useState('');
  const { errors, summary, pending, submit } = useSaveForm(
    ids,
    'reroute-errors',
    (input: string) => routingApi.reroute(meldingId, input),
    async (result) => {
      setReason('');
      const team = result.assignment?.team.name ?? result.team?.name ?? '–';
      const priority = result.assignment?.priority ?? result.priority ?? 'normaal';
      await onDone(t.rerouted(team, (staffTexts.priorities[priority] ?? priority).toLowerCase()));
      setTimeout(() => document.getElementById('assignment-heading')?.focus(), 0);
    },
  );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit(reason.trim() ? {} : { reason: t.rerouteReasonRequired }, reason.trim());
  };
  return (
    <form className="bs-form" noValidate onSubmit={onSubmit} aria-labelledby="reroute-heading">
      <h3 id="reroute-heading" className="utrecht-heading-3">
        {t.reroute}
      </h3>
      <p className="utrecht-paragraph bs-muted">{t.rerouteHint}</p>
      {summary}
      <TextareaField
        id={ids.reason}
        label={t.rerouteReason}
        rows={2}
        value={reason}
        error={errors.reason}
        onValueChange={setReason}
      />
      <SaveButtons pending={pending} label={t.reroute} secondary />
    </form>
  );
}
