import { lazy, Suspense } from 'react';
import { createBrowserRouter, Outlet } from 'react-router';
import { ReportForm } from './form/report-form.tsx';
import { PublicShell } from './layout.tsx';
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

/** The public pages, in the shell that index.html already shows (see first-screen.tsx). */
export function Layout() {
  return (
    <PublicShell>
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
    </PublicShell>
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
