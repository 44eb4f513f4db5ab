import { staffRoutingTexts as t } from '../../texts/index.ts';
import type { DraftResult } from './routing-api.ts';
import { priorityLabel } from './rule-text.ts';

type Route = DraftResult['examples'][number]['before'];
const routeText = (r: Route) => t.route(r.team.name, priorityLabel(r.priority));

/**
 * What the draft would have changed in the last 30 days: the count in a live region (the coordinator's
 * focus stays on the button), the examples below it.
 */
export function DraftResultView({ result }: { result: DraftResult | null }) {
  return (
    <div className="bs-routing-draft">
      <div role="status" aria-live="polite">
        {result && (
          <p className="utrecht-paragraph">
            <strong>{t.draftResult(result.changed, result.total)}</strong>
          </p>
        )}
      </div>
      {result && result.examples.length > 0 && (
        <table className="bs-table bs-table--compact">
          <caption className="bs-visually-hidden">{t.draftExamples}</caption>
          <thead>
            <tr>
              <th scope="col">{t.reference}</th>
              <th scope="col">{t.draftBefore}</th>
              <th scope="col">{t.draftAfter}</th>
            </tr>
          </thead>
          <tbody>
            {result.examples.map((e) => (
              <tr key={e.id}>
                <td>{e.reference}</td>
                <td>{routeText(e.before)}</td>
                <td>{routeText(e.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
