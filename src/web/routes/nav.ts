import type { MessageKey } from '../lib/i18n';
import type { Role } from '../../shared/roles';

export interface NavItem {
  to: string;
  label: MessageKey;
  /** Shown only to users holding one of these roles; absent = everyone signed in. */
  roles?: Role[];
}

export interface NavGroup {
  label?: MessageKey;
  items: NavItem[];
}

/** The sidebar: only modules that exist. Planned modules are reached from the home cards. */
export const NAV: NavGroup[] = [
  {
    items: [
      { to: '/', label: 'nav.home' },
      { to: '/thu-tuc', label: 'nav.procedures' },
    ],
  },
  {
    label: 'nav.dossiersGroup',
    items: [
      { to: '/counter/intake', label: 'nav.dossierIntake', roles: ['counter_officer'] },
      { to: '/counter/results', label: 'nav.dossierDesk', roles: ['counter_officer'] },
      { to: '/work/dossiers', label: 'nav.dossierQueue', roles: ['processing_officer', 'leader'] },
      { to: '/dashboard/unit', label: 'nav.dossierUnit', roles: ['leader', 'counter_officer', 'processing_officer', 'inspector'] },
      { to: '/dossiers/late', label: 'nav.dossierLate', roles: ['leader', 'counter_officer', 'processing_officer', 'inspector'] },
      { to: '/dossiers/returned', label: 'nav.dossierReturned', roles: ['leader', 'counter_officer', 'processing_officer', 'inspector'] },
      { to: '/dossiers/search', label: 'nav.dossierSearch', roles: ['leader', 'counter_officer', 'processing_officer', 'inspector'] },
      { to: '/nop-ho-so', label: 'nav.dossierMine', roles: ['citizen'] },
      { to: '/tra-cuu', label: 'nav.dossierLookup' },
    ],
  },
  {
    label: 'nav.workforceGroup',
    items: [
      { to: '/workforce/officials', label: 'wf.nav.officials', roles: ['home_affairs', 'leader', 'admin'] },
      { to: '/workforce/import', label: 'wf.nav.import', roles: ['home_affairs', 'admin'] },
      { to: '/workforce/stats', label: 'wf.nav.stats', roles: ['home_affairs', 'leader', 'admin'] },
    ],
  },
  {
    label: 'nav.conductGroup',
    items: [
      { to: '/conduct/me', label: 'nav.conductMe', roles: ['counter_officer', 'processing_officer', 'leader', 'inspector', 'home_affairs'] },
      { to: '/conduct', label: 'nav.conduct', roles: ['leader', 'inspector', 'home_affairs'] },
    ],
  },
  {
    label: 'nav.adminGroup',
    items: [
      { to: '/admin/units', label: 'nav.units', roles: ['admin'] },
      { to: '/admin/agencies', label: 'nav.agencies', roles: ['admin'] },
      { to: '/admin/users', label: 'nav.users', roles: ['admin'] },
      { to: '/admin/tokens', label: 'nav.tokens', roles: ['admin'] },
      { to: '/admin/procedures', label: 'nav.proceduresAdmin', roles: ['admin'] },
      { to: '/calendar', label: 'nav.calendar', roles: ['admin', 'calendar_admin'] },
      { to: '/admin/calendar', label: 'nav.calendarAdmin', roles: ['admin', 'calendar_admin'] },
    ],
  },
];

export function isCurrent(to: string, pathname: string): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}
