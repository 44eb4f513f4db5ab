import { type FormEvent, useRef, useState } from 'react';
import { staffRostersTexts as t } from '../../texts/index.ts';
import { SaveButtons, useSaveForm } from '../shared/save-form.tsx';
import { FileField } from './file-field.tsx';
import { type IcsReport, rosterApi } from './roster-api.ts';
import type { RosterContext } from './roster-context.ts';

const ids = { file: 'ics-file' } as const;

/** The report of an import: how many shifts, which attendees matched no member, what was skipped. */
function IcsReportView({ report }: { report: IcsReport }) {
  return (
    <>
      <p className="utrecht-paragraph">
        <strong>{t.import.imported(report.imported, report.events)}</strong>{' '}
        {t.import.stored(report.stored.added, report.stored.updated, report.stored.removed)}
      </p>
      {report.unknownAttendees.length > 0 && (
        <>
          <h4 className="utrecht-heading-4">{t.import.unknownHeading}</h4>
          <ul>
            {report.unknownAttendees.map((a) => (
              <li key={a.email}>
                <strong>{a.email}</strong>: {a.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {report.problems.length > 0 && (
        <>
          <h4 className="utrecht-heading-4">{t.import.problemsHeading}</h4>
          <ul>
            {report.problems.map((p, i) => (
              <li key={`${p.uid ?? ''}-${i}`}>
                {p.summary ? <strong>{p.summary}: </strong> : null}
                {p.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** Import the team's roster from an .ics file as planning software exports it, with its report. */
export function IcsImport({ ctx }: { ctx: RosterContext }) {
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<IcsReport | null>(null);
  const reportRef = useRef<HTMLElement>(null);
  const { errors, summary, pending, submit } = useSaveForm(
    ids,
    'ics-errors',
    (f: File) => rosterApi.importIcs(ctx.team.id, f),
    async (r) => {
      setReport(r);
      await ctx.refresh();
      ctx.announce(t.import.done);
      setTimeout(() => reportRef.current?.focus(), 0);
    },
  );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setReport(null);
    submit(file ? {} : { file: t.import.fileRequired }, file);
  };
  return (
    <section className="bs-section" aria-labelledby="roster-import-heading">
      <h2 id="roster-import-heading" className="utrecht-heading-2">
        {t.import.heading}
      </h2>
      <form className="bs-form bs-staff-narrow" noValidate onSubmit={onSubmit}>
        {summary}
        <FileField
          id={ids.file}
          label={t.import.file}
          description={t.import.intro}
          accept=".ics,text/calendar"
          error={errors.file}
          onFile={setFile}
        />
        <SaveButtons pending={pending} label={t.import.submit} secondary />
      </form>
      {report && (
        <section
          ref={reportRef}
          tabIndex={-1}
          className="bs-roster-report"
          aria-labelledby="ics-report-heading"
        >
          <h3 id="ics-report-heading" className="utrecht-heading-3">
            {t.import.reportHeading}
          </h3>
          <IcsReportView report={report} />
        </section>
      )}
    </section>
  );
}
