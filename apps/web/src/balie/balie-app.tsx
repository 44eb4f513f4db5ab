import '@utrecht/select-css/dist/index.css';
import './balie.css';
import { Button } from '@utrecht/button-react/css';
import { lazy, Suspense } from 'react';
import { Link, NavLink, Outlet, Route, Routes } from 'react-router';
import { Alert } from '../ui/alert.tsx';
import { isAdmin, isCoordinator } from './api.ts';
import { formatDateTime } from './format.ts';
import { LoginPage } from './login-page.tsx';
import { BalieQueryProvider } from './query/query-client.tsx';
import { QueuePage } from './queue-page.tsx';
import {
  Loading,
  RequireAdmin,
  RequireCoordinator,
  RequireSession,
  SessionProvider,
  useSession,
} from './session.tsx';
import { bt } from './texts-nl.ts';
import { TotpEnrolmentPage } from './totp-page.tsx';
import { useTitle } from './use-title.ts';

// Within the console chunk, the rarer pages are chunks of their own.
const DetailPage = lazy(() => import('./detail/detail-page.tsx'));
const StandardTextsPage = lazy(() => import('./standard-texts/standard-texts-page.tsx'));
const UsersPage = lazy(() => import('./users/users-page.tsx'));
// The map page brings Leaflet; only those who open it load it.
const MapPage = lazy(() => import('./map/map-page.tsx'));
const RulesPage = lazy(() => import('./rules/rules-page.tsx'));
const WeekPage = lazy(() => import('./week/week-page.tsx'));
const StuckJobsPage = lazy(() => import('./stuck-jobs-page.tsx'));

/** The staff console: everything under /balie, loaded only when someone opens it. */
export default function BalieApp() {
  return (
    <BalieQueryProvider>
      <SessionProvider>
        <Routes>
          <Route element={<BalieLayout />}>
            <Route path="inloggen" element={<LoginPage />} />
            <Route element={<RequireSession enrolment />}>
              <Route path="tweestapsverificatie" element={<TotpEnrolmentPage />} />
            </Route>
            <Route element={<RequireSession />}>
              <Route index element={<QueuePage />} />
              <Route path="meldingen/:id" element={<DetailPage />} />
              <Route path="kaart" element={<MapPage />} />
              <Route element={<RequireCoordinator />}>
                <Route path="week" element={<WeekPage />} />
                <Route path="hotspotregels" element={<RulesPage />} />
                <Route path="standaardteksten" element={<StandardTextsPage />} />
                <Route path="gebruikers" element={<UsersPage />} />
              </Route>
              <Route element={<RequireAdmin />}>
                <Route path="vastgelopen" element={<StuckJobsPage />} />
              </Route>
              <Route path="*" element={<BalieNotFound />} />
            </Route>
          </Route>
        </Routes>
      </SessionProvider>
    </BalieQueryProvider>
  );
}

function BalieLayout() {
  const { session, logout, failedLogins, dismissFailedLogins } = useSession();
  const user = session && !session.totpEnrolmentRequired ? session.user : null;
  return (
    <div className="bs-app bs-balie">
      <a className="bs-skip-link" href="#main">
        {bt.skipLink}
      </a>
      <header className="bs-header bs-balie-header">
        <div className="bs-balie-container bs-balie-header__inner">
          <div className="bs-balie-header__brand">
            <span className="bs-header__municipality">{bt.municipality}</span>
            <span className="bs-header__app">{bt.appName}</span>
          </div>
          {session && (
            <div className="bs-balie-header__user">
              <p className="bs-balie-header__who">
                <span className="bs-visually-hidden">{bt.header.loggedInAs} </span>
                <strong>{session.user.name}</strong>{' '}
                <span className="bs-balie-role">{bt.roles[session.user.role] ?? session.user.role}</span>
              </p>
              <Button type="button" appearance="secondary-action-button" onClick={() => void logout()}>
                {bt.header.logout}
              </Button>
            </div>
          )}
        </div>
        {user && (
          <nav className="bs-balie-nav" aria-label={bt.header.navLabel}>
            <ul className="bs-balie-container bs-balie-nav__list">
              <li>
                <NavLink end to="/balie" className="bs-balie-nav__link">
                  {bt.header.queue}
                </NavLink>
              </li>
              <li>
                <NavLink to="/balie/kaart" className="bs-balie-nav__link">
                  {bt.header.map}
                </NavLink>
              </li>
              {isCoordinator(user) && (
                <>
                  <li>
                    <NavLink to="/balie/week" className="bs-balie-nav__link">
                      {bt.header.week}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/balie/standaardteksten" className="bs-balie-nav__link">
                      {bt.header.standardTexts}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/balie/gebruikers" className="bs-balie-nav__link">
                      {bt.header.users}
                    </NavLink>
                  </li>
                </>
              )}
              {isAdmin(user) && (
                <li>
                  <NavLink to="/balie/vastgelopen" className="bs-balie-nav__link">
                    {bt.header.stuck}
                  </NavLink>
                </li>
              )}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1} className="bs-balie-container bs-main">
        {session && failedLogins && (
          <Alert type="warning" role="status" className="bs-balie-login-warning">
            <p className="utrecht-paragraph">
              {bt.login.failedLogins(failedLogins.count, formatDateTime(failedLogins.since))}
            </p>
            <Button type="button" appearance="secondary-action-button" onClick={dismissFailedLogins}>
              {bt.login.failedLoginsDismiss}
            </Button>
          </Alert>
        )}
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}

function BalieNotFound() {
  useTitle(bt.notFound.heading);
  return (
    <>
      <h1 className="utrecht-heading-1">{bt.notFound.heading}</h1>
      <p className="utrecht-paragraph">
        <Link to="/balie" className="utrecht-link">
          {bt.notFound.back}
        </Link>
      </p>
    </>
  );
}
