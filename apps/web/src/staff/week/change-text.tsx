import { staffWeekTexts } from '../../texts/index.ts';
import type { Trend } from '../insight-api.ts';
import { formatNumber } from '../insight-format.ts';

/** "3 meer (+25%)", "2 minder (−10%)", "gelijk": the change in words, never colour alone. */
export function changeText(t: Trend): string {
  const n = formatNumber(Math.abs(t.change));
  const pct = t.changePercent === null ? null : formatNumber(Math.abs(t.changePercent));
  if (t.change === 0) return staffWeekTexts.changeSame;
  if (t.previousAverage === 0) return staffWeekTexts.changeNew(n);
  return t.change > 0 ? staffWeekTexts.changeMore(n, pct) : staffWeekTexts.changeLess(n, pct);
}

export function ChangeText({ trend }: { trend: Trend }) {
  const direction = trend.change > 0 ? 'up' : trend.change < 0 ? 'down' : 'same';
  return (
    <span className={`bs-change bs-change--${direction}`}>
      <span aria-hidden="true" className="bs-change__arrow">
        {direction === 'up' ? '▲' : direction === 'down' ? '▼' : '='}
      </span>{' '}
      {changeText(trend)}
    </span>
  );
}
