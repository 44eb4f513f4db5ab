import { useEffect, useState } from 'react';
import { staffAdviceTexts as t } from '../../texts/index.ts';
import { CheckboxGroup, TextField } from '../../ui/fields.tsx';
import { formatLocalDate } from '../rosters/roster-format.ts';
import type { PatrolWindow, RosterProposal } from './advice-api.ts';
import { type Decide, DecisionControls, type EditValue } from './decision-controls.tsx';
import { PlaceEvidence } from './place-evidence.tsx';

export const windowTitle = (w: PatrolWindow): string =>
  t.windowTitle(formatLocalDate(w.shift.localDate), w.localFrom, w.localTo);

/** One patrol window: its shift, places with evidence, the planned visits and the decision. */
export function PatrolWindowCard({ window: w, decide }: { window: PatrolWindow; decide: Decide }) {
  const title = windowTitle(w);
  const headingId = `window-${w.id}`;
  return (
    <article className="bs-advice__card bs-print-keep" aria-labelledby={headingId}>
      <h3 id={headingId} className="utrecht-heading-3">
        {title}
      </h3>
      <p className="utrecht-paragraph">{w.summary}</p>
      <p className="utrecht-paragraph bs-muted">
        {t.shiftLine(w.shift.label, w.shift.localStart, w.shift.localEnd)}
      </p>
      <PlaceEvidence id={headingId} title={title} places={w.places} />
      {w.visits.length > 0 && (
        <>
          <h4 className="utrecht-heading-4">{t.visitsHeading}</h4>
          <ol className="bs-advice__visits">
            {w.visits.map((v) => (
              <li key={`${v.at}-${v.cell}`}>{t.visitLine(v.localTime, v.place, v.minutes)}</li>
            ))}
          </ol>
        </>
      )}
      <DecisionControls
        id={w.id}
        what={title}
        decision={w.decision}
        decide={decide}
        editor={(onChange) => <PlacesEditor id={w.id} window={w} onChange={onChange} />}
      />
    </article>
  );
}

function PlacesEditor({
  id,
  window: w,
  onChange,
}: {
  id: string;
  window: PatrolWindow;
  onChange: (edit: EditValue) => void;
}) {
  const [cells, setCells] = useState(() => w.places.map((p) => p.cell));
  useEffect(() => onChange(cells.length > 0 ? { cells } : null), [cells, onChange]);
  return (
    <CheckboxGroup
      id={`${id}-cells`}
      legend={t.keepPlaces}
      error={cells.length === 0 ? t.chooseOne : undefined}
      options={w.places.map((p) => ({ value: p.cell, label: p.name }))}
      value={cells}
      onValueChange={setCells}
    />
  );
}

export const proposalTitle = (p: RosterProposal): string =>
  `${p.dates.map((d) => formatLocalDate(d)).join(', ')} ${p.start}–${p.end}`;

/** One roster proposal: the sentence, its evidence, the suggested members and the decision. */
export function RosterProposalCard({
  proposal: p,
  members,
  decide,
}: {
  proposal: RosterProposal;
  /** The team's members, to choose from when editing. */
  members: { id: string; name: string }[];
  decide: Decide;
}) {
  const title = proposalTitle(p);
  const headingId = `proposal-${p.id}`;
  const names = p.suggestedMembers.map((m) => m.name).join(', ');
  return (
    <article className="bs-advice__card bs-print-keep" aria-labelledby={headingId}>
      <h3 id={headingId} className="utrecht-heading-3">
        {title}
      </h3>
      <p className="utrecht-paragraph bs-advice__summary">{p.summary}</p>
      <PlaceEvidence id={headingId} title={title} places={p.places} />
      <p className="utrecht-paragraph">{names ? t.suggested(names) : t.noSuggested}</p>
      <DecisionControls
        id={p.id}
        what={title}
        decision={p.decision}
        decide={decide}
        editor={(onChange) => <ShiftEditor id={p.id} proposal={p} members={members} onChange={onChange} />}
      />
    </article>
  );
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function ShiftEditor({
  id,
  proposal: p,
  members,
  onChange,
}: {
  id: string;
  proposal: RosterProposal;
  members: { id: string; name: string }[];
  onChange: (edit: EditValue) => void;
}) {
  const choices = [...new Map([...p.suggestedMembers, ...members].map((m) => [m.id, m])).values()];
  const [memberIds, setMemberIds] = useState(() => p.suggestedMembers.map((m) => m.id));
  const [start, setStart] = useState(p.start);
  const [end, setEnd] = useState(p.end);
  const [dates, setDates] = useState(p.dates);
  const valid = memberIds.length > 0 && dates.length > 0 && TIME.test(start) && TIME.test(end);
  useEffect(
    () => onChange(valid ? { memberIds, start, end, dates } : null),
    [valid, memberIds, start, end, dates, onChange],
  );
  return (
    <>
      <CheckboxGroup
        id={`${id}-members`}
        legend={t.members}
        error={memberIds.length === 0 ? t.chooseOne : undefined}
        options={choices.map((m) => ({ value: m.id, label: m.name }))}
        value={memberIds}
        onValueChange={setMemberIds}
      />
      <TextField id={`${id}-start`} type="time" label={t.start} value={start} onValueChange={setStart} />
      <TextField id={`${id}-end`} type="time" label={t.end} value={end} onValueChange={setEnd} />
      <CheckboxGroup
        id={`${id}-dates`}
        legend={t.dates}
        error={dates.length === 0 ? t.chooseOne : undefined}
        options={p.dates.map((d) => ({ value: d, label: formatLocalDate(d) }))}
        value={dates}
        onValueChange={setDates}
      />
    </>
  );
}
