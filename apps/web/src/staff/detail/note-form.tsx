import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { staffActionTexts } from '../../texts/index.ts';
import { TextareaField } from '../../ui/fields.tsx';
import { asApiError, staffApi } from '../api.ts';

import { SaveButtons } from '../shared/save-form.tsx';
export function NoteForm({ meldingId, onDone }: { meldingId: string; onDone: (message: string) => void }) {
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>();
  const note = useMutation({
    mutationFn: (text: string) => staffApi.note(meldingId, text),
    onSuccess: () => {
      setBody('');
      onDone(staffActionTexts.noteSaved);
    },
    onError: (err) => {
      const apiErr = asApiError(err);
      setError(apiErr.details.find((d) => d.field === 'body')?.message ?? apiErr.message);
    },
  });
  const pending = note.isPending;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) {
      setError(staffActionTexts.noteRequired);
      document.getElementById('note-body')?.focus();
      return;
    }
    setError(undefined);
    note.mutate(body.trim());
  };
  return (
    <form className="bs-form" noValidate onSubmit={submit} aria-labelledby="note-heading">
      <h3 id="note-heading" className="utrecht-heading-3">
        {staffActionTexts.noteHeading}
      </h3>
      <TextareaField
        id="note-body"
        label={staffActionTexts.noteBody}
        description={staffActionTexts.internalNoteHint}
        rows={3}
        value={body}
        error={error}
        onValueChange={setBody}
      />
      <SaveButtons pending={pending} label={staffActionTexts.noteSave} secondary />
    </form>
  );
}
