import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { ReportForm } from './form/report-form.tsx';
import { PublicShell } from './layout.tsx';

/**
 * The form's step 1 as HTML, rendered at build time into index.html (vite-plugins/first-screen.ts), so
 * that a phone shows the heading, the introduction and the categories as soon as the HTML and the CSS
 * are there, before the JavaScript has arrived; the app then renders the same markup over it (an empty
 * draft shows step 1 until IndexedDB has answered). Until then it is `inert`: a tap on a category does
 * nothing rather than being lost when the app takes over, and assistive technology sees only the live
 * form. The API serves index.html without it for every other page (status page, console, "not found").
 */
export function renderFirstScreen(): string {
  return renderToStaticMarkup(
    <MemoryRouter initialEntries={['/']}>
      <PublicShell inert>
        <ReportForm />
      </PublicShell>
    </MemoryRouter>,
  );
}
