import type { ReactNode } from 'react';
import { appTexts } from './texts/index.ts';

/**
 * Skip link, header, the one <main> landmark, footer — around every public page. Also rendered at build
 * time around step 1 of the form into index.html (first-screen.tsx), so it must not depend on the router;
 * `inert` there, as nothing in it works before the app has replaced it.
 */
export function PublicShell({ children, inert }: { children: ReactNode; inert?: boolean }) {
  return (
    <div className="bs-app" inert={inert}>
      <a className="bs-skip-link" href="#main">
        {appTexts.skipLink}
      </a>
      <header className="bs-header">
        <div className="bs-container bs-header__inner">
          <span className="bs-header__municipality">{appTexts.municipality}</span>
          <span className="bs-header__app">{appTexts.appName}</span>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="bs-container bs-main">
        {children}
      </main>
      <footer className="bs-footer">
        <div className="bs-container">
          <p className="utrecht-paragraph">{appTexts.advice.call112}</p>
        </div>
      </footer>
    </div>
  );
}
