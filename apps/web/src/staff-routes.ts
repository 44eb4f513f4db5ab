import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';

// The console's routes, in the app's one router (app.tsx). Only the paths are here: each route takes
// its component from the console chunk when it is first needed, so the public pages never load it.

type StaffChunk = typeof import('./staff/staff-app.tsx');
const staffChunk = (): Promise<StaffChunk> => import('./staff/staff-app.tsx');
type Piece = {
  [K in keyof StaffChunk]: StaffChunk[K] extends ComponentType ? K : never;
}[keyof StaffChunk];
const from =
  (piece: Piece): NonNullable<RouteObject['lazy']> =>
  async () => ({ Component: (await staffChunk())[piece] as ComponentType });

export const staffRoute: RouteObject = {
  path: 'balie',
  lazy: from('default'),
  children: [
    { path: 'inloggen', lazy: from('LoginPage') },
    {
      lazy: from('RequireSessionOrEnrolment'),
      children: [{ path: 'tweestapsverificatie', lazy: from('TotpEnrolmentPage') }],
    },
    {
      lazy: from('RequireSession'),
      children: [
        { index: true, lazy: from('QueuePage') },
        { path: 'meldingen/:id', lazy: from('DetailPage') },
        { path: 'kaart', lazy: from('MapPage') },
        { path: 'indeelregels', lazy: from('RoutingPage') },
        { path: 'roosters', lazy: from('RostersPage') },
        { path: 'mijn-diensten', lazy: from('MyShiftsPage') },
        {
          lazy: from('RequireCoordinator'),
          children: [
            { path: 'week', lazy: from('WeekPage') },
            { path: 'roosteradvies', lazy: from('AdvicePage') },
            { path: 'hotspotregels', lazy: from('RulesPage') },
            { path: 'standaardteksten', lazy: from('StandardTextsPage') },
            { path: 'gebruikers', lazy: from('UsersPage') },
          ],
        },
        {
          lazy: from('RequireAdmin'),
          children: [
            { path: 'vastgelopen', lazy: from('StuckJobsPage') },
            { path: 'gebieden', lazy: from('AreasPage') },
          ],
        },
        { path: '*', lazy: from('StaffNotFound') },
      ],
    },
  ],
};
