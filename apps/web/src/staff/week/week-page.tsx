import '../insight.css';
import { parseIsoWeek } from '@buurtsignaal/core/time';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { staffTexts, staffWeekTexts } from '../../texts/index.ts';
import { Alert } from '../../ui/alert.tsx';
import { asApiError } from '../api.ts';
import { insightApi } from '../insight-api.ts';
import { formatDate } from '../insight-format.ts';
import { useSession } from '../session.tsx';
import { useTitle } from '../use-title.ts';
import { Report } from './report.tsx';
import { WeekAdvice } from './week-advice.tsx';
import { currentWeekKey } from './week-dates.ts';
import { WeekTools } from './week-tools.tsx';

/** The weekly overview for the veiligheidsoverleg: on screen, printed, or as CSV. */
export default function WeekPage() {
  const { session } = useSession();
  const [params, setParams] = useSearchParams();
  const requested = params.get('week') ?? '';
  const query = useQuery({
    queryKey: ['weekly', requested],
    queryFn: () => insightApi.weekly(requested || undefined),
    // Another week: this one stays until the other is there.
    placeholderData: keepPreviousData,
  });
  const report = query.data ?? null;
  const error = query.error ? asApiError(query.error).message : null;

  const parsed = report ? parseIsoWeek(report.week) : undefined;
  useTitle(
    parsed ? staffWeekTexts.headingWeek(parsed.week, parsed.year) : staffWeekTexts.heading,
    Boolean(error),
  );

  const setWeek = (week: string | null) => {
    if (!week) return;
    setParams(new URLSearchParams({ week }), { replace: true });
  };

  const week = report?.week ?? requested;
  const lastDay = report ? new Date(Date.parse(report.to) - 12 * 3_600_000).toISOString() : null;
  const coordinator = session?.user.role === 'coordinator' || session?.user.role === 'admin';

  return (
    <div className="bs-insight bs-week">
      <header className="bs-week__header">
        <h1 className="utrecht-heading-1">
          {parsed ? staffWeekTexts.headingWeek(parsed.week, parsed.year) : staffWeekTexts.heading}
        </h1>
        {report && lastDay && (
          <p className="utrecht-paragraph bs-week__range">
            {staffWeekTexts.range(formatDate(report.from), formatDate(lastDay))}
          </p>
        )}
        {report && report.week === currentWeekKey() && (
          <p className="utrecht-paragraph">{staffWeekTexts.thisWeekNote}</p>
        )}
      </header>

      <WeekTools
        week={week}
        coordinator={coordinator}
        setWeek={setWeek}
        minCount={report?.minCount ?? null}
      />

      {error && (
        <Alert type="error" role="alert">
          <p className="utrecht-paragraph">{error}</p>
        </Alert>
      )}
      {!report && !error && (
        <p className="utrecht-paragraph" role="status">
          {staffTexts.loading}
        </p>
      )}
      {report && <Report report={report} />}
      {report && coordinator && <WeekAdvice week={report.week} />}
    </div>
  );
}
