import { Layout } from './components/Layout';
import { PublicHomePage } from './features/citizen/PublicHomePage';
import { PublicCalendarPage } from './features/calendar/CalendarPage';
import { useAuth } from './lib/auth';
import { useI18n } from './lib/i18n';
import { Redirect, safeNextPath, useLocation } from './lib/router';
import { LoginPage } from './routes/public/LoginPage';
import { resolvePublicRoute, resolveRoute } from './routes/routes';
import { PublicShell } from './features/procedures/PublicShell';
import { ForbiddenPage, NotFoundPage } from './routes/StatusPages';

export function App() {
  const { t } = useI18n();
  const auth = useAuth();
  const { pathname, search, query } = useLocation();

  if (auth.status === 'loading') {
    return (
      <div className="boot" role="status">
        {t('app.loading')}
      </div>
    );
  }

  // public pages: readable without signing in
  if (pathname === '/lich') return <PublicCalendarPage />;

  const publicMatch = resolvePublicRoute(pathname);
  if (publicMatch) {
    const publicPage = publicMatch.route.render(publicMatch.params);
    return auth.status === 'authenticated' ? <Layout>{publicPage}</Layout> : <PublicShell>{publicPage}</PublicShell>;
  }

  // signed out, the home is the public portal; signed in, the role home (below)
  if (pathname === '/' && auth.status !== 'authenticated') {
    return (
      <PublicShell>
        <PublicHomePage />
      </PublicShell>
    );
  }

  if (pathname === '/login') {
    if (auth.status === 'authenticated') return <Redirect to={safeNextPath(query.get('next'))} />;
    return <LoginPage />;
  }

  if (auth.status !== 'authenticated') {
    return <Redirect to={`/login?next=${encodeURIComponent(pathname + search)}`} />;
  }

  const match = resolveRoute(pathname);
  let page;
  if (!match) page = <NotFoundPage />;
  else if (match.route.roles && !auth.hasRole(...match.route.roles)) page = <ForbiddenPage />;
  else page = match.route.render(match.params);

  return <Layout>{page}</Layout>;
}
