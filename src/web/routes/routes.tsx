import type { ReactNode } from 'react';
import { CalendarPage } from '../features/calendar/CalendarPage';
import type { MessageKey } from '../lib/i18n';
import { matchPath } from '../lib/router';
import type { Role } from '../lib/types';
import { AgenciesPage } from './admin/AgenciesPage';
import { TokensPage } from './admin/TokensPage';
import { UnitsPage } from './admin/UnitsPage';
import { UsersPage } from './admin/UsersPage';
import { plannedRoutes } from './home-cards';
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
  { path: '/calendar', render: () => <CalendarPage /> },
  // modules of later releases, reachable only from the home cards
  ...plannedRoutes().map(
    (p): RouteDef => ({
      path: p.to,
      roles: p.roles,
      render: () => <ComingSoonPage titleKey={`card.${p.key}.title` as MessageKey} />,
    }),
  ),
];

export function resolveRoute(pathname: string): { route: RouteDef; params: Record<string, string> } | null {
  for (const route of ROUTES) {
    const params = matchPath(route.path, pathname);
    if (params) return { route, params };
  }
  return null;
}
