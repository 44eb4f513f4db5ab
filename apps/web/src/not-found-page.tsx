import { useEffect } from 'react';
import { Link } from 'react-router';
import { appTexts } from './texts/index.ts';

export function NotFoundPage() {
  useEffect(() => {
    document.title = appTexts.documentTitle(appTexts.notFound.heading);
  }, []);
  return (
    <>
      <h1 className="utrecht-heading-1">{appTexts.notFound.heading}</h1>
      <p className="utrecht-paragraph">{appTexts.notFound.text}</p>
      <p className="utrecht-paragraph">{appTexts.notFound.statusHint}</p>
      <p className="utrecht-paragraph">
        <Link to="/" className="utrecht-link">
          {appTexts.notFound.home}
        </Link>
      </p>
    </>
  );
}
