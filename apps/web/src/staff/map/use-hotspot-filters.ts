import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { HotspotFilters } from '../insight-api.ts';
import { amsterdamStartOfDay, isDate, nextDay } from '../insight-format.ts';

const DAY_MS = 86_400_000;
const PERIODS = ['7', '30', '90', 'custom'] as const;
type Period = (typeof PERIODS)[number];

export type HotspotFilterState = ReturnType<typeof useHotspotFilters>;

/** The map's filters, kept in the URL (so a view can be shared and survives a reload). */
export function useHotspotFilters() {
  const [params, setParams] = useSearchParams();
  const category = params.get('onderwerp') ?? '';
  const subcategory = params.get('soort') ?? '';
  const period: Period = (PERIODS as readonly string[]).includes(params.get('periode') ?? '')
    ? (params.get('periode') as Period)
    : '30';
  const fromDate = params.get('van') ?? '';
  const toDate = params.get('tot') ?? '';
  const weekday = params.get('dag') ?? '';
  const hour = params.get('uur') ?? '';
  const status = params.get('status') === 'open' ? 'open' : 'all';
  const showWijken = params.get('wijken') === '1';
  const selected = params.get('vak');
  const linked = params.get('cel');
  /** The "Nu" view (weekday and hour set to the moment it was switched on, plus the open meldingen). */
  const nowView = params.get('nu') === '1';
  /** How many filters differ from their default (the phone's folded filters say so). */
  const activeCount = [
    category,
    category && subcategory,
    period !== '30',
    weekday,
    hour,
    status === 'open',
    showWijken,
  ].filter(Boolean).length;

  const setParam = useCallback(
    (changes: Record<string, string | null>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(changes)) {
            if (v) next.set(k, v);
            else next.delete(k);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  // "Now" is fixed when the page opens, so that every request of this view asks for the same period.
  const [now] = useState(() => Math.floor(Date.now() / 60_000) * 60_000);
  const customInvalid =
    period === 'custom' &&
    (fromDate !== '' || toDate !== '') &&
    (!isDate(fromDate) || !isDate(toDate) || fromDate > toDate);

  const { filters, previous } = useMemo(() => {
    let fromMs: number;
    let toMs: number;
    let from: string;
    let to: string;
    if (period === 'custom' && isDate(fromDate) && isDate(toDate) && fromDate <= toDate) {
      from = amsterdamStartOfDay(fromDate);
      to = amsterdamStartOfDay(nextDay(toDate));
      fromMs = Date.parse(from);
      toMs = Date.parse(to);
    } else {
      const days = period === 'custom' ? 30 : Number(period);
      toMs = now;
      fromMs = now - days * DAY_MS;
      from = new Date(fromMs).toISOString();
      to = new Date(toMs).toISOString();
    }
    const base: HotspotFilters = {
      category: category || undefined,
      subcategory: category && subcategory ? subcategory : undefined,
      weekday: weekday ? Number(weekday) : undefined,
      hour: hour ? Number(hour) : undefined,
      status,
    };
    return {
      filters: { ...base, from, to },
      previous: { ...base, from: new Date(fromMs - (toMs - fromMs)).toISOString(), to: from },
    };
  }, [period, fromDate, toDate, now, category, subcategory, weekday, hour, status]);

  return {
    category,
    subcategory,
    period,
    fromDate,
    toDate,
    weekday,
    hour,
    status,
    showWijken,
    selected,
    linked,
    nowView,
    activeCount,
    setParam,
    customInvalid,
    filters,
    previous,
  };
}
