import { getCategory } from '@buurtsignaal/core';
import { staffAdviceTexts as t } from '../../texts/index.ts';
import { WeekdayHourTable } from '../weekday-hour-table.tsx';
import type { AdvicePlace } from './advice-api.ts';

export const categoryName = (id: string): string => getCategory(id)?.label ?? id;

/**
 * The evidence of one proposal: its places with their counts, trend and caution as a table, and each
 * place's weekday × hour matrix folded below it (opened in print).
 */
export function PlaceEvidence({ id, title, places }: { id: string; title: string; places: AdvicePlace[] }) {
  return (
    <>
      <div className="bs-table-scroll">
        <table className="bs-table bs-advice__places">
          <caption className="bs-visually-hidden">{t.placesCaption(title)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.colPlace}</th>
              <th scope="col">{t.colWindow}</th>
              <th scope="col">{t.colTotal}</th>
              <th scope="col">{t.colTrend}</th>
              <th scope="col">{t.colCaution}</th>
            </tr>
          </thead>
          <tbody>
            {places.map((p) => (
              <tr key={p.cell}>
                <th scope="row">
                  {p.name} <span className="bs-muted">({categoryName(p.category)})</span>
                </th>
                <td>{t.count(p.windowCount)}</td>
                <td>{t.count(p.count)}</td>
                <td>{t.trend[p.trend] ?? p.trend}</td>
                <td>{p.caution ? <strong className="bs-advice__caution">{p.caution}</strong> : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {places.map((p) => (
        <details key={p.cell} className="bs-advice__matrix">
          <summary>
            {t.matrixSummary}: {p.name}
          </summary>
          <WeekdayHourTable id={`${id}-${p.cell}`} matrix={p.matrix} caption={t.matrixCaption(p.name)} />
        </details>
      ))}
    </>
  );
}
