import '../insight.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { staffAreasTexts as t } from '../../texts/index.ts';
import { TextField } from '../../ui/fields.tsx';
import { asApiError } from '../api.ts';
import { FileField } from '../rosters/file-field.tsx';
import { type AreaReport, rosterApi, rosterKeys } from '../rosters/roster-api.ts';
import { ListMessages } from '../shared/managed-list.tsx';
import { SaveButtons, useSaveForm } from '../shared/save-form.tsx';
import { useTitle } from '../use-title.ts';

type Field = 'gemeente' | 'file';
const ids: Record<Field, string> = { gemeente: 'areas-gemeente', file: 'areas-file' };

/** Admin "Gebieden": the wijken and buurten in use, and the upload of a CBS Wijk- en Buurtkaart. */
export default function AreasPage() {
  const queryClient = useQueryClient();
  const areas = useQuery({ queryKey: rosterKeys.areas, queryFn: rosterApi.areas });
  const [announcement, setAnnouncement] = useState('');
  const loadError = areas.error ? asApiError(areas.error).message : null;
  useTitle(t.heading, Boolean(loadError));
  const [gemeente, setGemeente] = useState('GM0342');
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<AreaReport | null>(null);
  const reportRef = useRef<HTMLElement>(null);
  const { errors, summary, pending, submit } = useSaveForm(
    ids,
    'areas-errors',
    (input: { gemeente: string; file: File }) => rosterApi.importAreas(input.gemeente, input.file),
    async (r) => {
      setReport(r);
      await queryClient.invalidateQueries({ queryKey: rosterKeys.areas });
      setAnnouncement(t.done);
      setTimeout(() => reportRef.current?.focus(), 0);
    },
  );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setReport(null);
    const code = gemeente.trim().toUpperCase();
    const found: Partial<Record<Field, string>> = {};
    if (!/^GM\d{4}$/.test(code)) found.gemeente = t.gemeenteInvalid;
    if (!file) found.file = t.fileRequired;
    submit(found, file ? { gemeente: code, file } : null);
  };
  const list = areas.data;

  return (
    <div className="bs-insight">
      <h1 className="utrecht-heading-1">{t.heading}</h1>
      <ListMessages announcement={announcement} loadError={loadError} />
      {list && (
        <section className="bs-section" aria-labelledby="areas-list-heading">
          <h2 id="areas-list-heading" className="utrecht-heading-2">
            {t.caption}
          </h2>
          <p className="utrecht-paragraph">{list.source === 'sample' ? t.sample : t.imported}</p>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the table scrolls sideways on a phone; a scrolling region must be reachable by keyboard (WCAG 2.1.1) */}
          <section className="bs-table-scroll" aria-labelledby="areas-table-caption" tabIndex={0}>
            <table className="bs-table bs-table--compact">
              <caption id="areas-table-caption" className="bs-table__caption">
                {t.caption}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t.colCode}</th>
                  <th scope="col">{t.colNaam}</th>
                  <th scope="col">{t.colKind}</th>
                  <th scope="col">{t.colGemeente}</th>
                  <th scope="col">{t.colSource}</th>
                </tr>
              </thead>
              <tbody>
                {list.areas.map((a) => (
                  <tr key={a.code}>
                    <th scope="row">{a.code}</th>
                    <td>{a.naam}</td>
                    <td>{t.kinds[a.kind] ?? a.kind}</td>
                    <td>{a.gemeenteCode}</td>
                    <td>{t.sources[a.source] ?? a.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </section>
      )}
      <section className="bs-section" aria-labelledby="areas-upload-heading">
        <h2 id="areas-upload-heading" className="utrecht-heading-2">
          {t.uploadHeading}
        </h2>
        <p className="utrecht-paragraph">{t.uploadIntro}</p>
        <form className="bs-form bs-staff-narrow" noValidate onSubmit={onSubmit}>
          {summary}
          <TextField
            id={ids.gemeente}
            label={t.gemeente}
            description={t.gemeenteHint}
            autoComplete="off"
            spellCheck={false}
            value={gemeente}
            error={errors.gemeente}
            onValueChange={setGemeente}
          />
          <FileField
            id={ids.file}
            label={t.file}
            accept=".json,.geojson,application/geo+json,application/json"
            error={errors.file}
            onFile={setFile}
          />
          <SaveButtons pending={pending} label={t.submit} />
        </form>
        {report && (
          <section ref={reportRef} tabIndex={-1} aria-labelledby="areas-report-heading">
            <h3 id="areas-report-heading" className="utrecht-heading-3">
              {t.reportHeading}
            </h3>
            <p className="utrecht-paragraph">
              <strong>{t.report(report.gemeenteCode, report.wijken, report.buurten)}</strong>{' '}
              {t.skipped(report.skippedOtherGemeente)} {t.removed(report.removed)}
            </p>
            {report.problems.length > 0 && (
              <>
                <h4 className="utrecht-heading-4">{t.problemsHeading}</h4>
                <ul>
                  {report.problems.map((p) => (
                    <li key={p.index}>{t.problem(p.index, p.code, p.message)}</li>
                  ))}
                </ul>
              </>
            )}
          </section>
        )}
      </section>
    </div>
  );
}
