import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { consoleActionTexts } from '../../texts/index.ts';
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
      onDone(consoleActionTexts.noteSaved);
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
      setError(consoleActionTexts.noteRequired);
      document.getElementById('note-body')?.focus();
      return;
    }
    setError(undefined);
    note.mutate(body.trim());
  };
  return (
    <form className="bs-form" noValidate onSubmit={submit} aria-labelledby="note-heading">
      <h3 id="note-heading" className="utrecht-heading-3">
        {consoleActionTexts.noteHeading}
      </h3>
      <TextareaField
        id="note-body"
        label={consoleActionTexts.noteBody}
        description={consoleActionTexts.internalNoteHint}
        rows={3}
        value={body}
        error={error}
        onValueChange={setBody}
      />
      <SaveButtons pending={pending} label={consoleActionTexts.noteSave} secondary />
    </form>
  );
}
