import { Button } from '@utrecht/button-react/css';
import { useMemo } from 'react';
import { staffWeekTexts } from '../../texts/index.ts';
import { SelectField } from '../../ui/fields.tsx';
import { weeklyCsvUrl, weeklyMeldingenCsvUrl } from '../insight-api.ts';
import { addWeeks, currentWeekKey, weekOptions } from './week-dates.ts';

/** Week picker, previous/next, print and the CSV exports (not printed). */
export function WeekTools({
  week,
  coordinator,
  setWeek,
  minCount,
}: {
  week: string;
  coordinator: boolean;
  setWeek: (week: string | null) => void;
  /** The export threshold (REPORT_MIN_COUNT) of the report shown; null while it loads. */
  minCount: number | null;
}) {
  const options = useMemo(() => weekOptions(week), [week]);
  return (
    <div className="bs-week__tools bs-no-print">
      <SelectField
        id="week-picker"
        label={staffWeekTexts.picker}
        value={week}
        options={options}
        onValueChange={(v) => setWeek(v)}
        className="bs-week__picker"
      />
      <div className="utrecht-button-group bs-week__buttons">
        <Button
          type="button"
          appearance="secondary-action-button"
          disabled={!week}
          onClick={() => setWeek(addWeeks(week, -1))}
        >
          {staffWeekTexts.previous}
        </Button>
        <Button
          type="button"
          appearance="secondary-action-button"
          disabled={!week || week === currentWeekKey()}
          onClick={() => setWeek(addWeeks(week, 1))}
        >
          {staffWeekTexts.next}
        </Button>
        <Button
          type="button"
          appearance="secondary-action-button"
          disabled={week === currentWeekKey()}
          onClick={() => setWeek(currentWeekKey())}
        >
          {staffWeekTexts.thisWeekSoFar}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={() => window.print()}>
          {staffWeekTexts.print}
        </Button>
      </div>
      {week && (
        <p className="utrecht-paragraph bs-week__exports">
          <a className="utrecht-link bs-download" href={weeklyCsvUrl(week)} download>
            {staffWeekTexts.exportCsv}
          </a>
          {coordinator && (
            <a className="utrecht-link bs-download" href={weeklyMeldingenCsvUrl(week)} download>
              {staffWeekTexts.exportMeldingen}
            </a>
          )}
          <span className="bs-muted">{staffWeekTexts.exportNote(minCount)}</span>
        </p>
      )}
    </div>
  );
}
