import '@utrecht/select-css/dist/index.css';
import './staff.css';
import { Button } from '@utrecht/button-react/css';
import { lazy, Suspense } from 'react';
import { Link, NavLink, Outlet } from 'react-router';
import { staffAdviceTexts, staffLoginTexts, staffRostersTexts, staffTexts } from '../texts/index.ts';
import { Alert } from '../ui/alert.tsx';
import { isAdmin, isCoordinator } from './api.ts';
import { DemoDataMarker } from './demo-data-marker.tsx';
import { formatDateTime } from './format.ts';
import { LiveStatus, SpoedBanners, useLiveConsole } from './live/live-console.tsx';
import { LoginPage } from './login-page.tsx';
import { useConsolePwa } from './push/use-console-pwa.ts';
import { StaffQueryProvider } from './query/query-client.tsx';
import { QueuePage } from './queue-page.tsx';
import {
  Loading,
  RequireAdmin,
  RequireCoordinator,
  RequireSession,
  SessionProvider,
  useSession,
} from './session.tsx';
import { TotpEnrolmentPage } from './totp-page.tsx';
import { useTitle } from './use-title.ts';

// Within the console chunk, the rarer pages are chunks of their own.
const DetailPage = lazy(() => import('./detail/detail-page.tsx'));
const StandardTextsPage = lazy(() => import('./standard-texts/standard-texts-page.tsx'));
const UsersPage = lazy(() => import('./users/users-page.tsx'));
// The map page brings Leaflet; only those who open it load it.
const MapPage = lazy(() => import('./map/map-page.tsx'));
const RulesPage = lazy(() => import('./rules/rules-page.tsx'));
const RoutingPage = lazy(() => import('./routing/routing-page.tsx'));
const WeekPage = lazy(() => import('./week/week-page.tsx'));
const StuckJobsPage = lazy(() => import('./stuck-jobs-page.tsx'));
const RostersPage = lazy(() => import('./rosters/rosters-page.tsx'));
const MyShiftsPage = lazy(() => import('./rosters/my-shifts-page.tsx'));
const AreasPage = lazy(() => import('./areas/areas-page.tsx'));
const AdvicePage = lazy(() => import('./advice/advice-page.tsx'));

/**
 * The staff console: everything under /balie, loaded only when someone opens it. The app's one data
 * router (app.tsx, routes in staff-routes.ts) renders this as the /balie route, its pages below it.
 */
export default function StaffApp() {
  useConsolePwa();
  return (
    <StaffQueryProvider>
      <SessionProvider>
        <StaffLayout />
      </SessionProvider>
    </StaffQueryProvider>
  );
}

// The pieces the router (staff-routes.ts) takes from this chunk, one per route.
export {
  AdvicePage,
  AreasPage,
  DetailPage,
  LoginPage,
  MapPage,
  MyShiftsPage,
  QueuePage,
  RequireAdmin,
  RequireCoordinator,
  RequireSession,
  RostersPage,
  RoutingPage,
  RulesPage,
  StandardTextsPage,
  StuckJobsPage,
  TotpEnrolmentPage,
  UsersPage,
  WeekPage,
};

/** The pages behind the login that are also open to a session that must still set up TOTP. */
export const RequireSessionOrEnrolment = () => <RequireSession enrolment />;

function StaffLayout() {
  const { session, logout, failedLogins, dismissFailedLogins } = useSession();
  const user = session && !session.totpEnrolmentRequired ? session.user : null;
  // One live connection per tab, while someone is logged in.
  const live = useLiveConsole(Boolean(user));
  return (
    <div className="bs-app bs-staff">
      <a className="bs-skip-link" href="#main">
        {staffTexts.skipLink}
      </a>
      <header className="bs-header bs-staff-header">
        <div className="bs-staff-container bs-staff-header__inner">
          <div className="bs-staff-header__brand">
            <span className="bs-header__municipality">{staffTexts.municipality}</span>
            <span className="bs-header__app">{staffTexts.appName}</span>
          </div>
          {session && (
            <div className="bs-staff-header__user">
              <p className="bs-staff-header__who">
                <span className="bs-visually-hidden">{staffTexts.header.loggedInAs} </span>
                <strong>{session.user.name}</strong>{' '}
                <span className="bs-staff-role">
                  {staffTexts.roles[session.user.role] ?? session.user.role}
                </span>
              </p>
              {user && <LiveStatus state={live.state} />}
              <Button type="button" appearance="secondary-action-button" onClick={() => logout.mutate()}>
                {staffTexts.header.logout}
              </Button>
            </div>
          )}
        </div>
        {user && (
          <nav className="bs-staff-nav" aria-label={staffTexts.header.navLabel}>
            <ul className="bs-staff-container bs-staff-nav__list">
              <li>
                <NavLink end to="/balie" className="bs-staff-nav__link">
                  {staffTexts.header.queue}
                </NavLink>
              </li>
              <li>
                <NavLink to="/balie/kaart" className="bs-staff-nav__link">
                  {staffTexts.header.map}
                </NavLink>
              </li>
              <li>
                <NavLink to="/balie/indeelregels" className="bs-staff-nav__link">
                  {staffTexts.header.routing}
                </NavLink>
              </li>
              <li>
                <NavLink to="/balie/roosters" className="bs-staff-nav__link">
                  {staffRostersTexts.nav.rosters}
                </NavLink>
              </li>
              <li>
                <NavLink to="/balie/mijn-diensten" className="bs-staff-nav__link">
                  {staffRostersTexts.nav.myShifts}
                </NavLink>
              </li>
              {isCoordinator(user) && (
                <>
                  <li>
                    <NavLink to="/balie/week" className="bs-staff-nav__link">
                      {staffTexts.header.week}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/balie/roosteradvies" className="bs-staff-nav__link">
                      {staffAdviceTexts.nav}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/balie/hotspotregels" className="bs-staff-nav__link">
                      {staffTexts.header.rules}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/balie/standaardteksten" className="bs-staff-nav__link">
                      {staffTexts.header.standardTexts}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/balie/gebruikers" className="bs-staff-nav__link">
                      {staffTexts.header.users}
                    </NavLink>
                  </li>
                </>
              )}
              {isAdmin(user) && (
                <>
                  <li>
                    <NavLink to="/balie/gebieden" className="bs-staff-nav__link">
                      {staffRostersTexts.nav.areas}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/balie/vastgelopen" className="bs-staff-nav__link">
                      {staffTexts.header.stuck}
                    </NavLink>
                  </li>
                </>
              )}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1} className="bs-staff-container bs-main">
        {session && <DemoDataMarker />}
        {session && failedLogins && (
          <Alert type="warning" role="status" className="bs-staff-login-warning">
            <p className="utrecht-paragraph">
              {staffLoginTexts.failedLogins(failedLogins.count, formatDateTime(failedLogins.since))}
            </p>
            <Button type="button" appearance="secondary-action-button" onClick={dismissFailedLogins}>
              {staffLoginTexts.failedLoginsDismiss}
            </Button>
          </Alert>
        )}
        {user && <SpoedBanners events={live.spoed} onDismiss={live.dismiss} />}
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}

export function StaffNotFound() {
  useTitle(staffTexts.notFound.heading);
  return (
    <>
      <h1 className="utrecht-heading-1">{staffTexts.notFound.heading}</h1>
      <p className="utrecht-paragraph">
        <Link to="/balie" className="utrecht-link">
          {staffTexts.notFound.back}
        </Link>
      </p>
    </>
  );
}
