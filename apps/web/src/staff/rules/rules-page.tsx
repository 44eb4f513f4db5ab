import { categories, isCategoryId } from '@buurtsignaal/core';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { resolutionLabel, staffRulesTexts } from '../../texts/index.ts';
import { CheckboxField, SelectField, TextField } from '../../ui/fields.tsx';
import { type HotspotRule, type HotspotRuleInput, insightApi } from '../insight-api.ts';
import { keys } from '../query/query-client.tsx';
import { ListMessages, ManagedItem, useEditableList } from '../shared/managed-list.tsx';
import { CategorySelect, SaveButtons, SubcategorySelect, useSaveForm } from '../shared/save-form.tsx';

const categoryLabel = (id: string | null): string =>
  (id ? (categories.find((c) => c.id === id)?.label ?? id) : staffRulesTexts.anyCategory).toLowerCase();
const subcategoryLabel = (cat: string | null, sub: string | null): string | null =>
  sub ? (categories.find((c) => c.id === cat)?.subcategories.find((s) => s.id === sub)?.label ?? sub) : null;

const ruleText = (r: HotspotRule): string => {
  const sub = subcategoryLabel(r.category, r.subcategory);
  const what = `${categoryLabel(r.category)}${sub ? ` (${sub})` : ''}`;
  return staffRulesTexts.summary(r.minCount, r.windowDays, what, resolutionLabel(r.resolution));
};

/** The coordinator's hotspot rules: list, create, edit and switch on or off. */
export default function RulesPage() {
  const { items, loadError, announcement, editing, edit, stopEditing, done, change } = useEditableList(
    keys.rules,
    async () => (await insightApi.rules()).items,
    staffRulesTexts.heading,
    { headingId: 'rule-form-heading', firstFieldId: 'rule-name' },
  );

  const toggle = (rule: HotspotRule) => {
    const { id: _id, createdAt: _c, updatedAt: _u, ...input } = rule;
    change({
      send: () =>
        insightApi.updateRule(rule.id, {
          ...input,
          category: isCategoryId(input.category) ? input.category : null,
          active: !rule.active,
        }),
      text: rule.active ? staffRulesTexts.deactivated : staffRulesTexts.activated,
    });
  };

  return (
    <>
      <p className="utrecht-paragraph bs-staff-back">
        <Link to="/balie/kaart" className="utrecht-link">
          {staffRulesTexts.back}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{staffRulesTexts.heading}</h1>
      <p className="utrecht-paragraph">{staffRulesTexts.intro}</p>
      <ListMessages announcement={announcement} loadError={loadError} />

      <section className="bs-section" aria-labelledby="rules-list-heading">
        <h2 id="rules-list-heading" className="utrecht-heading-2">
          {staffRulesTexts.listHeading}
        </h2>
        {items && items.length === 0 && <p className="utrecht-paragraph">{staffRulesTexts.none}</p>}
        {items && items.length > 0 && (
          <ul className="bs-staff-texts">
            {items.map((rule) => (
              <ManagedItem
                key={rule.id}
                name={rule.name}
                level={3}
                active={rule.active}
                editLabel={staffRulesTexts.edit}
                onEdit={() => edit(rule)}
                toggleLabel={rule.active ? staffRulesTexts.deactivate : staffRulesTexts.activate}
                onToggle={() => toggle(rule)}
              >
                <p className="utrecht-paragraph">{ruleText(rule)}</p>
                <p className="bs-muted">
                  {rule.active ? staffRulesTexts.activeState : staffRulesTexts.inactiveState}
                </p>
              </ManagedItem>
            ))}
          </ul>
        )}
      </section>

      <section className="bs-section" aria-labelledby="rule-form-heading">
        <h2 id="rule-form-heading" className="utrecht-heading-2">
          {editing ? staffRulesTexts.editHeading(editing.name) : staffRulesTexts.newHeading}
        </h2>
        <RuleForm
          key={editing?.id ?? 'new'}
          rule={editing}
          onCancel={stopEditing}
          onDone={(text) => void done(text)}
        />
      </section>
    </>
  );
}

type Field = 'name' | 'category' | 'subcategory' | 'resolution' | 'minCount' | 'windowDays';
const ids: Record<Field, string> = {
  name: 'rule-name',
  category: 'rule-category',
  subcategory: 'rule-subcategory',
  resolution: 'rule-resolution',
  minCount: 'rule-min',
  windowDays: 'rule-days',
};

const wholeNumber = (s: string, min: number, max: number): number | null => {
  if (!/^\d+$/.test(s.trim())) return null;
  const n = Number(s.trim());
  return n >= min && n <= max ? n : null;
};

function RuleForm({
  rule,
  onCancel,
  onDone,
}: {
  rule: HotspotRule | null;
  onCancel: () => void;
  onDone: (text: string) => void;
}) {
  const [name, setName] = useState(rule?.name ?? '');
  const [category, setCategory] = useState(rule?.category ?? '');
  const [subcategory, setSubcategory] = useState(rule?.subcategory ?? '');
  const [resolution, setResolution] = useState(String(rule?.resolution ?? 9));
  const [minCount, setMinCount] = useState(String(rule?.minCount ?? 5));
  const [windowDays, setWindowDays] = useState(String(rule?.windowDays ?? 14));
  const [active, setActive] = useState(rule?.active ?? true);
  const { errors, summary, pending, submit } = useSaveForm(
    ids,
    'rule-errors',
    (input: HotspotRuleInput) =>
      rule ? insightApi.updateRule(rule.id, input) : insightApi.createRule(input),
    () => {
      onDone(rule ? staffRulesTexts.updated : staffRulesTexts.created);
      if (!rule) setName('');
    },
  );

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    const min = wholeNumber(minCount, 2, 10_000);
    const days = wholeNumber(windowDays, 1, 365);
    if (!name.trim()) found.name = staffRulesTexts.nameRequired;
    if (min === null) found.minCount = staffRulesTexts.minCountInvalid;
    if (days === null) found.windowDays = staffRulesTexts.windowDaysInvalid;
    submit(
      found,
      min === null || days === null
        ? null
        : {
            name: name.trim(),
            category: isCategoryId(category) ? category : null,
            subcategory: category && subcategory ? subcategory : null,
            resolution: Number(resolution),
            minCount: min,
            windowDays: days,
            active,
          },
    );
  };

  return (
    <form className="bs-form" noValidate onSubmit={onSubmit}>
      {summary}
      <TextField
        id={ids.name}
        label={staffRulesTexts.name}
        description={staffRulesTexts.nameHint}
        value={name}
        error={errors.name}
        onValueChange={setName}
      />
      <CategorySelect
        id={ids.category}
        label={staffRulesTexts.category}
        anyLabel={staffRulesTexts.anyCategory}
        value={category}
        error={errors.category}
        onValueChange={(v) => {
          setCategory(v);
          setSubcategory('');
        }}
      />
      <SubcategorySelect
        id={ids.subcategory}
        label={staffRulesTexts.subcategory}
        anyLabel={staffRulesTexts.anySubcategory}
        category={category}
        value={subcategory}
        error={errors.subcategory}
        onValueChange={setSubcategory}
      />
      <SelectField
        id={ids.resolution}
        label={staffRulesTexts.resolution}
        value={resolution}
        error={errors.resolution}
        options={[7, 8, 9, 10].map((r) => ({ value: String(r), label: `${r}: ${resolutionLabel(r)}` }))}
        onValueChange={setResolution}
      />
      <TextField
        id={ids.minCount}
        label={staffRulesTexts.minCount}
        description={staffRulesTexts.minCountHint}
        inputMode="numeric"
        value={minCount}
        error={errors.minCount}
        onValueChange={setMinCount}
      />
      <TextField
        id={ids.windowDays}
        label={staffRulesTexts.windowDays}
        description={staffRulesTexts.windowDaysHint}
        inputMode="numeric"
        value={windowDays}
        error={errors.windowDays}
        onValueChange={setWindowDays}
      />
      <CheckboxField
        id="rule-active"
        label={staffRulesTexts.active}
        checked={active}
        onValueChange={setActive}
      />
      <SaveButtons
        pending={pending}
        label={rule ? staffRulesTexts.save : staffRulesTexts.create}
        cancelLabel={staffRulesTexts.cancel}
        onCancel={rule ? onCancel : undefined}
      />
    </form>
  );
}
