import { categories, isCategoryId, isMeldingStatus, staffStatusLabels } from '@buurtsignaal/core';
import { type FormEvent, useState } from 'react';
import { staffStandardTextsTexts } from '../../texts/index.ts';
import { CheckboxField, SelectField, TextareaField, TextField } from '../../ui/fields.tsx';
import { type StandardText, type StandardTextInput, staffApi } from '../api.ts';
import { keys } from '../query/query-client.tsx';
import { ListMessages, ManagedItem, useEditableList } from '../shared/managed-list.tsx';
import { CategorySelect, SaveButtons, useSaveForm } from '../shared/save-form.tsx';

/** Statuses with a message to the melder: where a standard text makes sense. */
const MESSAGE_STATUSES = [
  'in_behandeling',
  'reactie_gevraagd',
  'doorgestuurd',
  'afgehandeld',
  'geannuleerd',
  'heropend',
];
const statusLabel = (code: string) => (staffStatusLabels as Record<string, string>)[code] ?? code;
const categoryLabel = (id: string | null) =>
  id ? (categories.find((c) => c.id === id)?.label ?? id) : staffStandardTextsTexts.anyCategory;

export default function StandardTextsPage() {
  const { items, loadError, announcement, editing, edit, stopEditing, done, change } = useEditableList(
    keys.standardTexts({ all: true }),
    async () => (await staffApi.standardTexts({ all: true })).items,
    staffStandardTextsTexts.heading,
    { headingId: 'st-form-heading', firstFieldId: 'st-title' },
  );

  const toggle = (item: StandardText) =>
    change({
      send: () =>
        staffApi.updateStandardText(item.id, {
          category: isCategoryId(item.category) ? item.category : null,
          status: item.status,
          title: item.title,
          body: item.body,
          active: !item.active,
        }),
      text: item.active ? staffStandardTextsTexts.deactivated : staffStandardTextsTexts.activated,
    });

  return (
    <>
      <h1 className="utrecht-heading-1">{staffStandardTextsTexts.heading}</h1>
      <p className="utrecht-paragraph">{staffStandardTextsTexts.intro}</p>
      <ListMessages announcement={announcement} loadError={loadError} />

      <section className="bs-section" aria-labelledby="st-form-heading">
        <h2 id="st-form-heading" className="utrecht-heading-2">
          {editing ? staffStandardTextsTexts.editHeading(editing.title) : staffStandardTextsTexts.newHeading}
        </h2>
        <StandardTextForm
          key={editing?.id ?? 'new'}
          item={editing}
          onCancel={stopEditing}
          onDone={(text) => void done(text)}
        />
      </section>

      {items && items.length === 0 && <p className="utrecht-paragraph">{staffStandardTextsTexts.none}</p>}
      {items && items.length > 0 && (
        <ul className="bs-staff-texts">
          {items.map((item) => (
            <ManagedItem
              key={item.id}
              name={item.title}
              level={2}
              active={item.active}
              editLabel={staffStandardTextsTexts.edit}
              onEdit={() => edit(item)}
              toggleLabel={
                item.active ? staffStandardTextsTexts.deactivate : staffStandardTextsTexts.activate
              }
              onToggle={() => toggle(item)}
            >
              <p className="bs-muted">
                {statusLabel(item.status)} · {categoryLabel(item.category)} ·{' '}
                {item.active ? staffStandardTextsTexts.active : staffStandardTextsTexts.inactive}
              </p>
              <p className="utrecht-paragraph bs-pre-wrap">{item.body}</p>
            </ManagedItem>
          ))}
        </ul>
      )}
    </>
  );
}

type Field = 'title' | 'status' | 'category' | 'body';
const ids: Record<Field, string> = {
  title: 'st-title',
  status: 'st-status',
  category: 'st-category',
  body: 'st-body',
};

function StandardTextForm({
  item,
  onCancel,
  onDone,
}: {
  item: StandardText | null;
  onCancel: () => void;
  onDone: (text: string) => void;
}) {
  const [title, setTitle] = useState(item?.title ?? '');
  const [status, setStatus] = useState<string>(item?.status ?? 'afgehandeld');
  const [category, setCategory] = useState(item?.category ?? '');
  const [body, setBody] = useState(item?.body ?? '');
  const [active, setActive] = useState(item?.active ?? true);
  const { errors, summary, pending, submit } = useSaveForm(
    ids,
    'st-errors',
    (input: StandardTextInput) =>
      item ? staffApi.updateStandardText(item.id, { ...input, active }) : staffApi.createStandardText(input),
    () => {
      onDone(item ? staffStandardTextsTexts.updated : staffStandardTextsTexts.created);
      if (!item) {
        setTitle('');
        setBody('');
      }
    },
  );

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!title.trim()) found.title = staffStandardTextsTexts.titleRequired;
    if (!isMeldingStatus(status)) found.status = staffStandardTextsTexts.statusRequired;
    if (!body.trim()) found.body = staffStandardTextsTexts.bodyRequired;
    submit(
      found,
      isMeldingStatus(status)
        ? {
            category: isCategoryId(category) ? category : null,
            status,
            title: title.trim(),
            body: body.trim(),
          }
        : null,
    );
  };

  return (
    <form className="bs-form" noValidate onSubmit={onSubmit}>
      {summary}
      <TextField
        id={ids.title}
        label={staffStandardTextsTexts.title}
        description={staffStandardTextsTexts.titleHint}
        value={title}
        error={errors.title}
        onValueChange={setTitle}
      />
      <SelectField
        id={ids.status}
        label={staffStandardTextsTexts.status}
        value={status}
        error={errors.status}
        options={MESSAGE_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
        onValueChange={setStatus}
      />
      <CategorySelect
        id={ids.category}
        label={staffStandardTextsTexts.category}
        anyLabel={staffStandardTextsTexts.anyCategory}
        value={category}
        error={errors.category}
        onValueChange={setCategory}
      />
      <TextareaField
        id={ids.body}
        label={staffStandardTextsTexts.body}
        rows={6}
        value={body}
        error={errors.body}
        onValueChange={setBody}
      />
      {item && (
        <CheckboxField
          id="st-active"
          label={staffStandardTextsTexts.active}
          checked={active}
          onValueChange={setActive}
        />
      )}
      <SaveButtons
        pending={pending}
        label={item ? staffStandardTextsTexts.save : staffStandardTextsTexts.create}
        cancelLabel={staffStandardTextsTexts.cancel}
        onCancel={item ? onCancel : undefined}
      />
    </form>
  );
}
