import { categories } from '@buurtsignaal/core';
import { consoleMapTexts, consoleTexts } from '../../texts/index.ts';
import { TextField } from '../../ui/fields.tsx';
import { categoryOptions, FilterBar, withAll } from '../shared/filter-bar.tsx';
import type { HotspotFilterState } from './use-hotspot-filters.ts';

const periodOptions = [
  { value: '7', label: consoleMapTexts.period7 },
  { value: '30', label: consoleMapTexts.period30 },
  { value: '90', label: consoleMapTexts.period90 },
  { value: 'custom', label: consoleMapTexts.periodCustom },
];
const weekdayOptions = consoleTexts.weekdays.map((d, i) => ({ value: String(i + 1), label: d }));
const hourOptions = Array.from({ length: 24 }, (_, h) => ({
  value: String(h),
  label: consoleMapTexts.hourLabel(h),
}));
const statusOptions = [
  { value: 'all', label: consoleMapTexts.statusAll },
  { value: 'open', label: consoleMapTexts.statusOpen },
];

/** The filters above the map; every one is a URL parameter. */
export function MapFilters({ f }: { f: HotspotFilterState }) {
  const { category, subcategory, period, fromDate, toDate, weekday, hour, status, showWijken, setParam } = f;
  const customInvalid = f.customInvalid;
  const selectedCategory = categories.find((c) => c.id === category);
  const customDates = period === 'custom' && (
    <>
      <TextField
        id="map-from"
        type="date"
        label={consoleMapTexts.from}
        value={fromDate}
        error={customInvalid ? consoleMapTexts.dateInvalid : undefined}
        onValueChange={(v) => setParam({ van: v })}
      />
      <TextField
        id="map-to"
        type="date"
        label={consoleMapTexts.to}
        value={toDate}
        invalid={customInvalid}
        onValueChange={(v) => setParam({ tot: v })}
      />
    </>
  );
  return (
    <FilterBar
      headingId="map-filters-heading"
      heading={consoleMapTexts.filtersHeading}
      className="bs-map-filters"
      filters={[
        {
          id: 'map-category',
          label: consoleMapTexts.category,
          value: category,
          options: withAll(consoleMapTexts.allCategories, categoryOptions),
          onValueChange: (v) => setParam({ onderwerp: v, soort: null }),
        },
        {
          id: 'map-subcategory',
          label: consoleMapTexts.subcategory,
          value: selectedCategory ? subcategory : '',
          options: withAll(
            consoleMapTexts.allSubcategories,
            (selectedCategory?.subcategories ?? []).map((s) => ({ value: s.id, label: s.label })),
          ),
          onValueChange: (v) => setParam({ soort: v }),
        },
        {
          id: 'map-period',
          label: consoleMapTexts.period,
          value: period,
          options: periodOptions,
          onValueChange: (v) => setParam({ periode: v === '30' ? null : v }),
          after: customDates,
        },
        {
          id: 'map-weekday',
          label: consoleMapTexts.weekday,
          value: weekday,
          options: withAll(consoleMapTexts.allWeekdays, weekdayOptions),
          onValueChange: (v) => setParam({ dag: v }),
        },
        {
          id: 'map-hour',
          label: consoleMapTexts.hour,
          value: hour,
          options: withAll(consoleMapTexts.allHours, hourOptions),
          onValueChange: (v) => setParam({ uur: v }),
        },
        {
          id: 'map-status',
          label: consoleMapTexts.status,
          value: status,
          options: statusOptions,
          onValueChange: (v) => setParam({ status: v === 'open' ? 'open' : null }),
        },
      ]}
    >
      <div className="bs-map-filters__check">
        <input
          id="map-wijken"
          type="checkbox"
          className="bs-checkbox"
          checked={showWijken}
          onChange={(e) => setParam({ wijken: e.target.checked ? '1' : null })}
        />
        <label htmlFor="map-wijken">{consoleMapTexts.wijken}</label>
      </div>
    </FilterBar>
  );
}
