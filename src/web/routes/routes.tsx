import { lazy, Suspense, type ReactNode } from 'react';
import { CalendarAdminPage } from '../features/calendar/CalendarAdminPage';
import { CalendarPage } from '../features/calendar/CalendarPage';
import { CONDUCT_ROUTES } from '../features/conduct/conduct-routes';
import { ImportPage } from '../features/workforce/ImportPage';
import { OfficialDetailPage } from '../features/workforce/OfficialDetailPage';
import { OfficialsPage } from '../features/workforce/OfficialsPage';
import { AdminProceduresPage } from '../features/procedures/AdminProceduresPage';
import { AdminTemplatesPage } from '../features/procedures/AdminTemplatesPage';
import { CatalogPage } from '../features/procedures/CatalogPage';
import { DossierDetailPage } from '../features/dossiers/DossierDetailPage';
import { CounterIntakePage, OnlineSubmissionPage } from '../features/dossiers/pages';
import { LookupPage, RatingPage } from '../features/dossiers/PublicPages';
import { QueuePage } from '../features/dossiers/QueuePage';
import { ProcedureDetailPage } from '../features/procedures/ProcedureDetailPage';
import type { MessageKey } from '../lib/i18n';
import { matchPath } from '../lib/router';
import type { Role } from '../../shared/roles';
import { AgenciesPage } from './admin/AgenciesPage';
import { TokensPage } from './admin/TokensPage';
import { UnitsPage } from './admin/UnitsPage';
import { UsersPage } from './admin/UsersPage';
import { plannedRoutes } from './home-cards';

// echarts is large: the statistics page loads it on demand.
const StatsPage = lazy(() => import('../features/workforce/StatsPage').then((m) => ({ default: m.StatsPage })));
import { HomePage } from './HomePage';
import { ComingSoonPage } from './StatusPages';

export interface RouteDef {
  path: string;
  /** Roles allowed (any of); absent = every signed-in user. */
  roles?: Role[];
  render: (params: Record<string, string>) => ReactNode;
}

/** Signed-in routes. /login is handled by App; anything unmatched renders the 404 page. */
export const ROUTES: RouteDef[] = [
  { path: '/', render: () => <HomePage /> },
  { path: '/admin/units', roles: ['admin'], render: () => <UnitsPage /> },
  { path: '/admin/agencies', roles: ['admin'], render: () => <AgenciesPage /> },
  { path: '/admin/users', roles: ['admin'], render: () => <UsersPage /> },
  { path: '/admin/tokens', roles: ['admin'], render: () => <TokensPage /> },
  { path: '/admin/procedures', roles: ['admin'], render: () => <AdminProceduresPage /> },
  { path: '/admin/procedures/:code/templates', roles: ['admin'], render: (p) => <AdminTemplatesPage code={p.code} /> },
  { path: '/calendar', render: () => <CalendarPage /> },
  { path: '/workforce', roles: ['home_affairs', 'leader', 'admin'], render: () => <OfficialsPage /> },
  { path: '/workforce/officials', roles: ['home_affairs', 'leader', 'admin'], render: () => <OfficialsPage /> },
  { path: '/workforce/officials/:id', roles: ['home_affairs', 'leader', 'admin'], render: (p) => <OfficialDetailPage id={p.id} /> },
  { path: '/workforce/import', roles: ['home_affairs', 'admin'], render: () => <ImportPage /> },
  {
    path: '/workforce/stats',
    roles: ['home_affairs', 'leader', 'admin'],
    render: () => (
      <Suspense fallback={null}>
        <StatsPage />
      </Suspense>
    ),
  },
  { path: '/admin/calendar', roles: ['admin', 'calendar_admin'], render: () => <CalendarAdminPage /> },
  { path: '/counter/intake', roles: ['counter_officer'], render: () => <CounterIntakePage /> },
  { path: '/counter/results', roles: ['counter_officer'], render: () => <QueuePage kind="results" /> },
  { path: '/work/dossiers', roles: ['processing_officer', 'leader'], render: () => <QueuePage kind="mine" /> },
  { path: '/dashboard/unit', roles: ['leader', 'counter_officer', 'processing_officer', 'inspector'], render: () => <QueuePage kind="unit" /> },
  { path: '/dossiers/late', roles: ['leader', 'counter_officer', 'processing_officer', 'inspector'], render: () => <QueuePage kind="late" /> },
  { path: '/dossiers/returned', roles: ['leader', 'counter_officer', 'processing_officer', 'inspector'], render: () => <QueuePage kind="returned" /> },
  { path: '/dossiers/search', roles: ['leader', 'counter_officer', 'processing_officer', 'inspector'], render: () => <QueuePage kind="search" /> },
  { path: '/dossiers/:code', render: (p) => <DossierDetailPage code={p.code} /> },
  { path: '/nop-ho-so', roles: ['citizen'], render: () => <OnlineSubmissionPage /> },
  { path: '/nop-ho-so/:code', roles: ['citizen'], render: (p) => <OnlineSubmissionPage code={p.code} /> },
  ...CONDUCT_ROUTES,
  // modules of later releases, reachable only from the home cards
  ...plannedRoutes().map((p): RouteDef => ({
    path: p.to,
    roles: p.roles,
    render: () => <ComingSoonPage titleKey={`card.${p.key}.title` as MessageKey} />,
  })),
];

export function resolveRoute(pathname: string): { route: RouteDef; params: Record<string, string> } | null {
  for (const route of ROUTES) {
    const params = matchPath(route.path, pathname);
    if (params) return { route, params };
  }
  return null;
}

/** Pages anyone may open without signing in (the public procedure catalog). */
export const PUBLIC_ROUTES: RouteDef[] = [
  { path: '/thu-tuc', render: () => <CatalogPage /> },
  { path: '/thu-tuc/:code', render: (p) => <ProcedureDetailPage code={p.code} /> },
  { path: '/tra-cuu', render: () => <LookupPage /> },
  { path: '/tra-cuu/:code', render: (p) => <LookupPage code={p.code} /> },
  { path: '/danh-gia', render: () => <RatingPage /> },
  { path: '/danh-gia/:code', render: (p) => <RatingPage code={p.code} /> },
];

export function resolvePublicRoute(pathname: string): { route: RouteDef; params: Record<string, string> } | null {
  for (const route of PUBLIC_ROUTES) {
    const params = matchPath(route.path, pathname);
    if (params) return { route, params };
  }
  return null;
}
