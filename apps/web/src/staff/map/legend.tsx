import { staffMapTexts } from '../../texts/index.ts';
import type { HotspotsResponse } from '../insight-api.ts';
import { rangeLabel, type ScaleStep } from '../insight-format.ts';

export function Legend({
  steps,
  data,
  res,
  loading,
}: {
  steps: ScaleStep[];
  data: HotspotsResponse | null;
  res: number | null;
  loading: boolean;
}) {
  return (
    <div className="bs-legend">
      <h2 className="utrecht-heading-3" id="legend-heading">
        {staffMapTexts.legend}
      </h2>
      {data && <p className="utrecht-paragraph">{staffMapTexts.summary(data.total, data.cells.length)}</p>}
      {res !== null && <p className="utrecht-paragraph bs-muted">{staffMapTexts.resolution(res)}</p>}
      {steps.length === 0 ? (
        <p className="utrecht-paragraph bs-muted">
          {loading ? staffMapTexts.loading : staffMapTexts.legendEmpty}
        </p>
      ) : (
        <ul className="bs-legend__steps" aria-labelledby="legend-heading">
          {steps.map((s) => (
            <li key={s.min}>
              <span className="bs-legend__swatch" style={{ background: s.colour }} aria-hidden="true" />
              {rangeLabel(s)}
            </li>
          ))}
          <li>
            <span className="bs-legend__swatch bs-legend__swatch--hotspot" aria-hidden="true" />
            {staffMapTexts.legendHotspot}
          </li>
          {data?.meldingen && (
            <li>
              <span className="bs-legend__swatch bs-legend__swatch--point" aria-hidden="true" />
              {staffMapTexts.legendMelding}
            </li>
          )}
        </ul>
      )}
      {data && res !== null && res < 10 && (
        <p className="utrecht-paragraph bs-muted">{staffMapTexts.meldingenHidden}</p>
      )}
      {data?.meldingenTruncated && data.meldingen && (
        <p className="utrecht-paragraph">{staffMapTexts.meldingenCapped(data.meldingen.length)}</p>
      )}
    </div>
  );
}
