import { lazy, Suspense } from 'react';
import { createBrowserRouter, Outlet } from 'react-router';
import { ReportForm } from './form/report-form.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { staffRoute } from './staff-routes.ts';
import { appTexts } from './texts/index.ts';

// The status page is its own chunk: the form (step 1) does not load it.
const StatusPage = lazy(() => import('./status/status-page.tsx'));

const Loading = () => (
  <p className="utrecht-paragraph" role="status">
    {appTexts.loading}
  </p>
);

/** Skip link, header, the one <main> landmark, footer — around every page. */
export function Layout() {
  return (
    <div className="bs-app">
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
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="bs-footer">
        <div className="bs-container">
          <p className="utrecht-paragraph">{appTexts.advice.call112}</p>
        </div>
      </footer>
    </div>
  );
}

/** The app's one router; the console's routes (staff-routes.ts) load their pieces with its chunk. */
export const router = createBrowserRouter([
  { ...staffRoute, hydrateFallbackElement: <Loading /> },
  {
    element: <Layout />,
    children: [
      { index: true, element: <ReportForm /> },
      { path: 'm/:token', element: <StatusPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
