import { categories } from '@buurtsignaal/core';
import { staffMapTexts, staffTexts } from '../../texts/index.ts';
import { TextField } from '../../ui/fields.tsx';
import { categoryOptions, FilterBar, withAll } from '../shared/filter-bar.tsx';
import type { HotspotFilterState } from './use-hotspot-filters.ts';

const periodOptions = [
  { value: '7', label: staffMapTexts.period7 },
  { value: '30', label: staffMapTexts.period30 },
  { value: '90', label: staffMapTexts.period90 },
  { value: 'custom', label: staffMapTexts.periodCustom },
];
const weekdayOptions = staffTexts.weekdays.map((d, i) => ({ value: String(i + 1), label: d }));
const hourOptions = Array.from({ length: 24 }, (_, h) => ({
  value: String(h),
  label: staffMapTexts.hourLabel(h),
}));
const statusOptions = [
  { value: 'all', label: staffMapTexts.statusAll },
  { value: 'open', label: staffMapTexts.statusOpen },
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
        label={staffMapTexts.from}
        value={fromDate}
        error={customInvalid ? staffMapTexts.dateInvalid : undefined}
        onValueChange={(v) => setParam({ van: v })}
      />
      <TextField
        id="map-to"
        type="date"
        label={staffMapTexts.to}
        value={toDate}
        invalid={customInvalid}
        onValueChange={(v) => setParam({ tot: v })}
      />
    </>
  );
  return (
    <FilterBar
      headingId="map-filters-heading"
      heading={staffMapTexts.filtersHeading}
      className="bs-map-filters"
      filters={[
        {
          id: 'map-category',
          label: staffMapTexts.category,
          value: category,
          options: withAll(staffMapTexts.allCategories, categoryOptions),
          onValueChange: (v) => setParam({ onderwerp: v, soort: null }),
        },
        {
          id: 'map-subcategory',
          label: staffMapTexts.subcategory,
          value: selectedCategory ? subcategory : '',
          options: withAll(
            staffMapTexts.allSubcategories,
            (selectedCategory?.subcategories ?? []).map((s) => ({ value: s.id, label: s.label })),
          ),
          onValueChange: (v) => setParam({ soort: v }),
        },
        {
          id: 'map-period',
          label: staffMapTexts.period,
          value: period,
          options: periodOptions,
          onValueChange: (v) => setParam({ periode: v === '30' ? null : v }),
          after: customDates,
        },
        {
          id: 'map-weekday',
          label: staffMapTexts.weekday,
          value: weekday,
          options: withAll(staffMapTexts.allWeekdays, weekdayOptions),
          onValueChange: (v) => setParam({ dag: v }),
        },
        {
          id: 'map-hour',
          label: staffMapTexts.hour,
          value: hour,
          options: withAll(staffMapTexts.allHours, hourOptions),
          onValueChange: (v) => setParam({ uur: v }),
        },
        {
          id: 'map-status',
          label: staffMapTexts.status,
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
        <label htmlFor="map-wijken">{staffMapTexts.wijken}</label>
      </div>
    </FilterBar>
  );
}
