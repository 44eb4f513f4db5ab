import { formTexts } from '../../texts/index.ts';
import { RadioGroup, TextField } from '../../ui/fields.tsx';
import type { Draft } from '../draft.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const today = (now = new Date()) => `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

interface OccurredFieldProps {
  draft: Pick<Draft, 'when' | 'date' | 'time'>;
  error: string | undefined;
  onChange: (change: Partial<Pick<Draft, 'when' | 'date' | 'time'>>) => void;
}

export function OccurredField({ draft, error, onChange }: OccurredFieldProps) {
  const max = today();
  const earlier = (
    <div className="bs-conditional">
      <TextField
        id="occurredAt-date"
        data-error-focus=""
        type="date"
        label={formTexts.details.date}
        max={max}
        value={draft.date}
        className="bs-input--medium"
        onValueChange={(date) => onChange({ date })}
        invalid={Boolean(error)}
      />
      <TextField
        id="occurredAt-time"
        type="time"
        label={formTexts.details.time}
        value={draft.time}
        className="bs-input--medium"
        onValueChange={(time) => onChange({ time })}
        invalid={Boolean(error)}
      />
    </div>
  );
  return (
    <RadioGroup<'nu' | 'eerder'>
      id="occurredAt"
      name="occurredAt"
      legend={formTexts.details.whenLegend}
      error={error}
      options={[
        { value: 'nu', label: formTexts.details.whenNow },
        { value: 'eerder', label: formTexts.details.whenEarlier },
      ]}
      value={draft.when}
      onValueChange={(when) => onChange({ when })}
      after={{ eerder: earlier }}
    />
  );
}
