import { Button } from '@utrecht/button-react/css';
import { FormFieldDescription } from '@utrecht/form-field-description-react/css';
import { type ChangeEvent, useRef, useState } from 'react';
import { formTexts } from '../../texts/index.ts';
import { describedBy, FieldError } from '../../ui/field-error.tsx';
import { useObjectUrls } from '../../ui/use-object-urls.ts';
import { type DraftPhoto, MAX_PHOTOS } from '../draft.ts';
import { PhotoDecodeError, resizePhoto } from '../photos.ts';

interface PhotoFieldProps {
  photos: DraftPhoto[];
  error: string | undefined;
  onChange: (update: (photos: DraftPhoto[]) => DraftPhoto[]) => void;
}

export function PhotoField({ photos, error, onChange }: PhotoFieldProps) {
  const id = 'photos';
  const pickerRef = useRef<HTMLInputElement>(null);
  const cameraRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const urls = useObjectUrls(photos);
  const full = photos.length >= MAX_PHOTOS;

  const addFiles = async (e: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.target.files ?? []);
    e.target.value = '';
    if (files.length === 0) return;
    const room = MAX_PHOTOS - photos.length;
    const messages: string[] = [];
    if (files.length > room) messages.push(formTexts.details.photoLimit(MAX_PHOTOS));
    setBusy(true);
    setStatus(formTexts.details.photoProcessing);
    const added: DraftPhoto[] = [];
    for (const file of files.slice(0, Math.max(0, room))) {
      try {
        added.push(await resizePhoto(file));
      } catch (err) {
        if (!(err instanceof PhotoDecodeError)) throw err;
        messages.push(formTexts.details.photoUndecodable(file.name || 'foto'));
      }
    }
    setBusy(false);
    setProblems(messages);
    setStatus(added.length > 0 ? formTexts.details.photoAdded(added.length) : '');
    if (added.length > 0) onChange((current) => [...current, ...added].slice(0, MAX_PHOTOS));
  };

  const remove = (photoId: string) => {
    onChange((current) => current.filter((p) => p.id !== photoId));
    setProblems([]);
    setStatus(formTexts.details.photoRemoved);
    requestAnimationFrame(() => pickerRef.current?.focus());
  };

  const hint = full
    ? `${formTexts.details.photosHint(MAX_PHOTOS)} ${formTexts.details.photoMaxReached(MAX_PHOTOS)}`
    : formTexts.details.photosHint(MAX_PHOTOS);
  return (
    <section className="bs-section" aria-labelledby="photos-heading">
      <h2 id="photos-heading" className="utrecht-heading-2">
        {formTexts.details.photosHeading}
      </h2>
      <FormFieldDescription id={`${id}-description`}>{hint}</FormFieldDescription>
      <FieldError id={id} error={error} />
      {problems.length > 0 && (
        <div className="utrecht-form-field-error-message bs-photo-problems" role="alert">
          {problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      )}
      {photos.length > 0 && (
        <ul className="bs-photos">
          {photos.map((p, i) => (
            <li key={p.id} className="bs-photos__item">
              {urls[p.id] && (
                <img
                  src={urls[p.id]}
                  alt={formTexts.details.photoAlt(i + 1, photos.length)}
                  width={p.width}
                  height={p.height}
                  className="bs-photos__img"
                />
              )}
              <Button type="button" appearance="subtle-button" onClick={() => remove(p.id)}>
                {formTexts.details.removePhoto(i + 1)}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="bs-photo-actions">
        <span className="bs-file">
          <input
            ref={pickerRef}
            id={id}
            type="file"
            accept="image/*"
            multiple
            disabled={full || busy}
            className="bs-file__input"
            aria-describedby={describedBy(id, true, error)}
            aria-invalid={error ? true : undefined}
            onChange={(e) => void addFiles(e)}
          />
          <label htmlFor={id} className="utrecht-button utrecht-button--secondary-action bs-file__label">
            {formTexts.details.addPhotos}
          </label>
        </span>
        <input
          ref={cameraRef}
          type="file"
          accept="image/*"
          capture="environment"
          hidden
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => void addFiles(e)}
        />
        <Button
          type="button"
          appearance="secondary-action-button"
          disabled={full || busy}
          onClick={() => cameraRef.current?.click()}
        >
          {formTexts.details.takePhoto}
        </Button>
      </div>
      <p className="bs-visually-hidden" role="status">
        {status}
      </p>
    </section>
  );
}
