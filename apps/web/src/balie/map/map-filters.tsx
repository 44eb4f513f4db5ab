import { categories } from '@buurtsignaal/core';
import { consoleMapTexts, consoleTexts } from '../../texts/index.ts';
import { TextField } from '../../ui/fields.tsx';
import { SelectField } from '../controls.tsx';
import type { HotspotFilterState } from './use-hotspot-filters.ts';

/** The filters above the map; every one is a URL parameter. */
export function MapFilters({ f }: { f: HotspotFilterState }) {
  const { category, subcategory, period, fromDate, toDate, weekday, hour, status, showWijken, setParam } = f;
  const customInvalid = f.customInvalid;
  const selectedCategory = categories.find((c) => c.id === category);
  return (
    <section aria-labelledby="map-filters-heading" className="bs-balie-filters bs-map-filters">
      <h2 id="map-filters-heading" className="bs-visually-hidden">
        {consoleMapTexts.filtersHeading}
      </h2>
      <SelectField
        id="map-category"
        label={consoleMapTexts.category}
        value={category}
        options={[
          { value: '', label: consoleMapTexts.allCategories },
          ...categories.map((c) => ({ value: c.id, label: c.label })),
        ]}
        onValueChange={(v) => setParam({ onderwerp: v, soort: null })}
      />
      <SelectField
        id="map-subcategory"
        label={consoleMapTexts.subcategory}
        value={selectedCategory ? subcategory : ''}
        options={[
          { value: '', label: consoleMapTexts.allSubcategories },
          ...(selectedCategory?.subcategories ?? []).map((s) => ({ value: s.id, label: s.label })),
        ]}
        onValueChange={(v) => setParam({ soort: v })}
      />
      <SelectField
        id="map-period"
        label={consoleMapTexts.period}
        value={period}
        options={[
          { value: '7', label: consoleMapTexts.period7 },
          { value: '30', label: consoleMapTexts.period30 },
          { value: '90', label: consoleMapTexts.period90 },
          { value: 'custom', label: consoleMapTexts.periodCustom },
        ]}
        onValueChange={(v) => setParam({ periode: v === '30' ? null : v })}
      />
      {period === 'custom' && (
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
      )}
      <SelectField
        id="map-weekday"
        label={consoleMapTexts.weekday}
        value={weekday}
        options={[
          { value: '', label: consoleMapTexts.allWeekdays },
          ...consoleTexts.weekdays.map((d, i) => ({ value: String(i + 1), label: d })),
        ]}
        onValueChange={(v) => setParam({ dag: v })}
      />
      <SelectField
        id="map-hour"
        label={consoleMapTexts.hour}
        value={hour}
        options={[
          { value: '', label: consoleMapTexts.allHours },
          ...Array.from({ length: 24 }, (_, h) => ({
            value: String(h),
            label: consoleMapTexts.hourLabel(h),
          })),
        ]}
        onValueChange={(v) => setParam({ uur: v })}
      />
      <SelectField
        id="map-status"
        label={consoleMapTexts.status}
        value={status}
        options={[
          { value: 'all', label: consoleMapTexts.statusAll },
          { value: 'open', label: consoleMapTexts.statusOpen },
        ]}
        onValueChange={(v) => setParam({ status: v === 'open' ? 'open' : null })}
      />
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
    </section>
  );
}
