import type { MessageKey } from '../lib/i18n';
import type { Role } from '../lib/types';

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
  { items: [{ to: '/', label: 'nav.home' }] },
  {
    label: 'nav.adminGroup',
    items: [
      { to: '/admin/units', label: 'nav.units', roles: ['admin'] },
      { to: '/admin/agencies', label: 'nav.agencies', roles: ['admin'] },
      { to: '/admin/users', label: 'nav.users', roles: ['admin'] },
      { to: '/admin/tokens', label: 'nav.tokens', roles: ['admin'] },
      { to: '/calendar', label: 'nav.calendar', roles: ['admin'] },
    ],
  },
];

export function isCurrent(to: string, pathname: string): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}
