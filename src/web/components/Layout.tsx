import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { useAuth } from '../lib/auth';
import { codeLabel, useI18n } from '../lib/i18n';
import { Link, navigate, useLocation } from '../lib/router';
import type { SessionRole } from '../../shared/api-types';
import { NAV, isCurrent } from '../routes/nav';
import { NotificationBell } from '../features/citizen/NotificationBell';
import { Emblem } from './Emblem';
import { LanguageSwitch } from './LanguageSwitch';

function distinctRoles(roles: SessionRole[]): { role: string; agencies: string[] }[] {
  const map = new Map<string, string[]>();
  for (const r of roles) {
    const list = map.get(r.role) ?? [];
    if (r.agencyCode) list.push(r.agencyCode);
    map.set(r.role, list);
  }
  return [...map.entries()].map(([role, agencies]) => ({ role, agencies }));
}

function RoleChips({ roles }: { roles: SessionRole[] }) {
  const { t } = useI18n();
  return (
    <ul className="role-chips" aria-label={t('header.roles')}>
      {distinctRoles(roles).map(({ role, agencies }) => (
        <li key={role} className="chip" title={agencies.join(', ') || undefined}>
          {codeLabel(t, 'role', role)}
        </li>
      ))}
    </ul>
  );
}

/** The signed-in shell: skip link, header, sidebar (a drawer on small screens), main. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const auth = useAuth();
  const { pathname } = useLocation();
  // the drawer is open for the page it was opened on: navigating closes it without an effect
  const [menuOpenOn, setMenuOpenOn] = useState<string | null>(null);
  const isMenuOpen = menuOpenOn === pathname;
  const setMenuOpen = (open: boolean) => setMenuOpenOn(open ? pathname : null);
  const menuButton = useRef<HTMLButtonElement>(null);
  const mainRef = useRef<HTMLElement>(null);
  const isFirstRender = useRef(true);
  const user = auth.user;

  // On navigation: move focus to the new page's heading and scroll to the top.
  useEffect(() => {
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    (heading ?? mainRef.current)?.focus();
    window.scrollTo(0, 0);
  }, [pathname]);

  const skipToMain = (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    mainRef.current?.focus();
  };

  const onNavKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape' && isMenuOpen) {
      setMenuOpen(false);
      menuButton.current?.focus();
    }
  };

  const signOut = async () => {
    await auth.logout();
    navigate('/login', { replace: true });
  };

  if (!user) return null;
  const groups = NAV.map((g) => ({ ...g, items: g.items.filter((i) => !i.roles || auth.hasRole(...i.roles)) })).filter((g) => g.items.length > 0);

  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {t('app.skip')}
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <button
            ref={menuButton}
            type="button"
            className="menu-btn"
            aria-expanded={isMenuOpen}
            aria-controls="sidebar"
            onClick={() => setMenuOpen(!isMenuOpen)}
          >
            <span className="menu-icon" aria-hidden="true" />
            <span>{isMenuOpen ? t('header.closeMenu') : t('header.menu')}</span>
          </button>
          <Link to="/" className="brand">
            <Emblem />
            <span className="brand-name">{t('app.name')}</span>
          </Link>
          <div className="topbar-user">
            <span className="user-name">{user.displayName}</span>
            <RoleChips roles={user.roles} />
          </div>
          <NotificationBell />
          <LanguageSwitch />
          <button type="button" className="btn btn--ghost topbar-logout" onClick={() => void signOut()}>
            {t('header.logout')}
          </button>
        </div>
      </header>
      <div className="shell">
        <nav id="sidebar" className={`sidebar${isMenuOpen ? ' is-open' : ''}`} aria-label={t('nav.label')} onKeyDown={onNavKeyDown}>
          <div className="sidebar-user">
            <p className="sidebar-user-label">{t('header.account')}</p>
            <p className="user-name">{user.displayName}</p>
            <RoleChips roles={user.roles} />
          </div>
          {groups.map((group, gi) => (
            <div className="nav-group" key={group.label ?? gi}>
              {group.label ? <p className="nav-group-label">{t(group.label)}</p> : null}
              <ul className="nav-list">
                {group.items.map((item) => (
                  <li key={item.to}>
                    <Link to={item.to} className="nav-link" aria-current={isCurrent(item.to, pathname) ? 'page' : undefined}>
                      {t(item.label)}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ))}
          <div className="sidebar-logout">
            <button type="button" className="btn btn--secondary btn--block" onClick={() => void signOut()}>
              {t('header.logout')}
            </button>
          </div>
        </nav>
        <main id="main" ref={mainRef} className="main" tabIndex={-1}>
          {children}
        </main>
      </div>
      <footer className="footer">
        <p>{t('app.footer')}</p>
      </footer>
    </div>
  );
}
