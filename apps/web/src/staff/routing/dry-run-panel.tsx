import { categories, isCategoryId, localDateOf, localTimeOf, wallClockInstant } from '@buurtsignaal/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { staffTexts, staffRoutingTexts as t } from '../../texts/index.ts';
import { RadioGroup, SelectField, TextField } from '../../ui/fields.tsx';
import { CategorySelect, SaveButtons, SubcategorySelect } from '../shared/save-form.tsx';
import { useFormErrors } from '../use-form-errors.tsx';
import { type DryRunInput, type DryRunResult, renameFields, routingApi } from './routing-api.ts';
import { wijkCentres } from './wijk-centre.ts';

type Field = 'category' | 'subcategory' | 'place' | 'lat' | 'lng' | 'date' | 'time';
const ids: Record<Field, string> = {
  category: 'dr-category',
  subcategory: 'dr-subcategory',
  place: 'dr-place',
  lat: 'dr-lat',
  lng: 'dr-lng',
  date: 'dr-date',
  time: 'dr-time',
};
// The API names the body's fields; the form has its own.
const apiField: Record<string, Field> = {
  category: 'category',
  subcategory: 'subcategory',
  'location.lat': 'lat',
  'location.lng': 'lng',
  location: 'place',
  at: 'date',
};
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const coordinate = (s: string): number | null => {
  const n = Number(s.trim().replace(',', '.'));
  return s.trim() && Number.isFinite(n) ? n : null;
};

/** "Proefindeling": how one melding would be routed now, or at another moment, without storing anything. */
export function DryRunPanel() {
  const wijken = wijkCentres();
  const now = new Date();
  const [category, setCategory] = useState<string>(categories[0]?.id ?? '');
  const [subcategory, setSubcategory] = useState('');
  const [nuGaande, setNuGaande] = useState<'' | 'true' | 'false'>('');
  const [place, setPlace] = useState<'wijk' | 'coordinates'>('wijk');
  const [wijk, setWijk] = useState(wijken[0]?.code ?? '');
  const [lat, setLat] = useState('52.1733');
  const [lng, setLng] = useState('5.2917');
  const [date, setDate] = useState(localDateOf(now));
  const [time, setTime] = useState(localTimeOf(now));
  const [result, setResult] = useState<DryRunResult | null>(null);
  const { errors, check, showApiError, summary } = useFormErrors(ids, 'dr-errors');
  const run = useMutation({
    mutationFn: (input: DryRunInput) => routingApi.dryRun(input),
    onSuccess: setResult,
    onError: (err) => {
      setResult(null);
      showApiError(renamed(err));
    },
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    const centre = wijken.find((w) => w.code === wijk);
    const la = place === 'wijk' ? (centre?.lat ?? null) : coordinate(lat);
    const ln = place === 'wijk' ? (centre?.lng ?? null) : coordinate(lng);
    if (place === 'coordinates' && la === null) found.lat = t.coordinateInvalid;
    if (place === 'coordinates' && ln === null) found.lng = t.coordinateInvalid;
    if (!DATE.test(date)) found.date = t.dateInvalid;
    if (!TIME.test(time)) found.time = t.timeInvalid;
    if (!check(found) || la === null || ln === null || !isCategoryId(category)) return;
    run.mutate({
      category,
      ...(subcategory ? { subcategory } : {}),
      ...(nuGaande ? { answers: { nu_gaande: nuGaande === 'true' } } : {}),
      location: { lat: la, lng: ln },
      at: wallClockInstant(date, time).toISOString(),
    });
  };

  return (
    <>
      <form className="bs-form" noValidate onSubmit={onSubmit}>
        {summary}
        <CategorySelect
          id={ids.category}
          label={t.category}
          value={category}
          error={errors.category}
          onValueChange={(v) => {
            setCategory(v);
            setSubcategory('');
          }}
        />
        <SubcategorySelect
          id={ids.subcategory}
          label={t.subcategory}
          anyLabel={t.anySubcategory}
          category={category}
          value={subcategory}
          error={errors.subcategory}
          onValueChange={setSubcategory}
        />
        <RadioGroup
          id="dr-nu-gaande"
          name="dr-nu-gaande"
          legend={t.nuGaande}
          options={[
            { value: '' as const, label: t.nuGaandeAny },
            { value: 'true' as const, label: t.yes },
            { value: 'false' as const, label: t.no },
          ]}
          value={nuGaande}
          onValueChange={setNuGaande}
        />
        <RadioGroup
          id={ids.place}
          name="dr-place"
          legend={t.place}
          error={errors.place}
          options={[
            { value: 'wijk' as const, label: t.placeWijk },
            { value: 'coordinates' as const, label: t.placeCoordinates },
          ]}
          value={place}
          onValueChange={setPlace}
          after={{
            wijk: (
              <SelectField
                id="dr-wijk"
                label={t.chooseWijk}
                value={wijk}
                options={wijken.map((w) => ({ value: w.code, label: w.naam }))}
                onValueChange={setWijk}
              />
            ),
            coordinates: (
              <div className="bs-routing-sub">
                <TextField
                  id={ids.lat}
                  label={t.lat}
                  inputMode="decimal"
                  value={lat}
                  error={errors.lat}
                  onValueChange={setLat}
                />
                <TextField
                  id={ids.lng}
                  label={t.lng}
                  inputMode="decimal"
                  value={lng}
                  error={errors.lng}
                  onValueChange={setLng}
                />
              </div>
            ),
          }}
        />
        <TextField
          id={ids.date}
          label={t.date}
          description={t.momentHint}
          type="date"
          value={date}
          error={errors.date}
          onValueChange={setDate}
        />
        <TextField
          id={ids.time}
          label={t.time}
          inputMode="numeric"
          value={time}
          error={errors.time}
          onValueChange={setTime}
        />
        <SaveButtons pending={run.isPending} label={t.run} secondary />
      </form>
      <div role="status" aria-live="polite" className="bs-routing-result">
        {result && <DryRunResultView result={result} />}
      </div>
    </>
  );
}

const renamed = (err: unknown) => renameFields(err, (f) => apiField[f] ?? null);

function DryRunResultView({ result }: { result: DryRunResult }) {
  return (
    <section aria-labelledby="dr-result-heading">
      <h3 id="dr-result-heading" className="utrecht-heading-3">
        {t.resultHeading}
      </h3>
      <dl className="bs-summary__list">
        <Row label={t.resultTeam} value={result.team.name} />
        <Row label={t.resultPriority} value={staffTexts.priorities[result.priority] ?? result.priority} />
        <Row
          label={t.resultRule}
          value={result.rule ? t.resultRuleName(result.rule.name, result.rule.version) : t.resultDefault}
        />
        <Row label={t.resultReason} value={result.reason} />
        <Row
          label={t.resultOnDuty}
          value={result.onDuty.length > 0 ? result.onDuty.map((p) => p.name).join(', ') : t.resultNobody}
        />
      </dl>
    </section>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div className="bs-summary__row">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
