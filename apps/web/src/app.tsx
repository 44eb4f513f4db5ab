import { useEffect, useState } from 'react';
import { t } from './texts-nl.ts';

interface PublicCategory {
  id: string;
  label: string;
  description: string;
}

type State = { kind: 'loading' } | { kind: 'error' } | { kind: 'ready'; categories: PublicCategory[] };

/** A minimal landing page; the full report form is built on top of the intake API next. */
export function App() {
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    fetch('/api/v1/categories', { signal: controller.signal })
      .then((res) => (res.ok ? res.json() : Promise.reject(new Error(String(res.status)))))
      .then((body: { categories: PublicCategory[] }) =>
        setState({ kind: 'ready', categories: body.categories }),
      )
      .catch(() => {
        if (!controller.signal.aborted) setState({ kind: 'error' });
      });
    return () => controller.abort();
  }, []);

  return (
    <main
      style={{ maxWidth: '40rem', margin: '0 auto', padding: '1rem', fontFamily: 'system-ui, sans-serif' }}
    >
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <p role="note">
        <strong>{t.emergency}</strong>
      </p>
      <h2>{t.categoriesHeading}</h2>
      {state.kind === 'loading' && <p>{t.loading}</p>}
      {state.kind === 'error' && <p role="alert">{t.loadError}</p>}
      {state.kind === 'ready' && (
        <ul>
          {state.categories.map((c) => (
            <li key={c.id}>
              <strong>{c.label}</strong> — {c.description}
            </li>
          ))}
        </ul>
      )}
      <p>{t.formSoon}</p>
    </main>
  );
}
