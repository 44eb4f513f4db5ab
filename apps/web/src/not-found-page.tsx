import { useEffect } from 'react';
import { Link } from 'react-router';
import { t } from './texts-nl.ts';

export function NotFoundPage() {
  useEffect(() => {
    document.title = t.documentTitle(t.notFound.heading);
  }, []);
  return (
    <>
      <h1 className="utrecht-heading-1">{t.notFound.heading}</h1>
      <p className="utrecht-paragraph">{t.notFound.text}</p>
      <p className="utrecht-paragraph">{t.notFound.statusHint}</p>
      <p className="utrecht-paragraph">
        <Link to="/" className="utrecht-link">
          {t.notFound.home}
        </Link>
      </p>
    </>
  );
}
