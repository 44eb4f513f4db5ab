import { categories } from '@buurtsignaal/core';
import { TextField } from '../../ui/fields.tsx';
import { SelectField } from '../controls.tsx';
import { bt } from '../texts-nl.ts';
import type { HotspotFilterState } from './use-hotspot-filters.ts';

/** The filters above the map; every one is a URL parameter. */
export function MapFilters({ f }: { f: HotspotFilterState }) {
  const { category, subcategory, period, fromDate, toDate, weekday, hour, status, showWijken, setParam } = f;
  const customInvalid = f.customInvalid;
  const selectedCategory = categories.find((c) => c.id === category);
  return (
    <section aria-labelledby="map-filters-heading" className="bs-balie-filters bs-map-filters">
      <h2 id="map-filters-heading" className="bs-visually-hidden">
        {bt.map.filtersHeading}
      </h2>
      <SelectField
        id="map-category"
        label={bt.map.category}
        value={category}
        options={[
          { value: '', label: bt.map.allCategories },
          ...categories.map((c) => ({ value: c.id, label: c.label })),
        ]}
        onValueChange={(v) => setParam({ onderwerp: v, soort: null })}
      />
      <SelectField
        id="map-subcategory"
        label={bt.map.subcategory}
        value={selectedCategory ? subcategory : ''}
        options={[
          { value: '', label: bt.map.allSubcategories },
          ...(selectedCategory?.subcategories ?? []).map((s) => ({ value: s.id, label: s.label })),
        ]}
        onValueChange={(v) => setParam({ soort: v })}
      />
      <SelectField
        id="map-period"
        label={bt.map.period}
        value={period}
        options={[
          { value: '7', label: bt.map.period7 },
          { value: '30', label: bt.map.period30 },
          { value: '90', label: bt.map.period90 },
          { value: 'custom', label: bt.map.periodCustom },
        ]}
        onValueChange={(v) => setParam({ periode: v === '30' ? null : v })}
      />
      {period === 'custom' && (
        <>
          <TextField
            id="map-from"
            type="date"
            label={bt.map.from}
            value={fromDate}
            error={customInvalid ? bt.map.dateInvalid : undefined}
            onValueChange={(v) => setParam({ van: v })}
          />
          <TextField
            id="map-to"
            type="date"
            label={bt.map.to}
            value={toDate}
            invalid={customInvalid}
            onValueChange={(v) => setParam({ tot: v })}
          />
        </>
      )}
      <SelectField
        id="map-weekday"
        label={bt.map.weekday}
        value={weekday}
        options={[
          { value: '', label: bt.map.allWeekdays },
          ...bt.weekdays.map((d, i) => ({ value: String(i + 1), label: d })),
        ]}
        onValueChange={(v) => setParam({ dag: v })}
      />
      <SelectField
        id="map-hour"
        label={bt.map.hour}
        value={hour}
        options={[
          { value: '', label: bt.map.allHours },
          ...Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: bt.map.hourLabel(h) })),
        ]}
        onValueChange={(v) => setParam({ uur: v })}
      />
      <SelectField
        id="map-status"
        label={bt.map.status}
        value={status}
        options={[
          { value: 'all', label: bt.map.statusAll },
          { value: 'open', label: bt.map.statusOpen },
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
        <label htmlFor="map-wijken">{bt.map.wijken}</label>
      </div>
    </section>
  );
}
