import type { Role } from '../../shared/roles';

export type CardKey =
  | 'findProcedure'
  | 'submitDossier'
  | 'lookup'
  | 'rate'
  | 'feedback'
  | 'intake'
  | 'returnResult'
  | 'callQueue'
  | 'workQueue'
  | 'unitOverview'
  | 'lateDossiers'
  | 'inspections'
  | 'cases'
  | 'officials'
  | 'officeCulture'
  | 'annualRating'
  | 'emulation'
  | 'units'
  | 'agencies'
  | 'users'
  | 'tokens'
  | 'procedures'
  | 'calendar'
  | 'audit'
  | 'myConduct'
  | 'conductReview';

export interface HomeCard {
  key: CardKey;
  to: string;
  /** false: the module is planned; its route shows the "coming in a later release" panel. */
  isReady: boolean;
}

const soon = (key: CardKey, to: string): HomeCard => ({ key, to, isReady: false });
const ready = (key: CardKey, to: string): HomeCard => ({ key, to, isReady: true });

/** What each role does, in the order the home page shows it. */
export const HOME_CARDS: Record<Role, HomeCard[]> = {
  citizen: [
    ready('findProcedure', '/thu-tuc'),
    ready('submitDossier', '/nop-ho-so'),
    ready('lookup', '/tra-cuu'),
    ready('rate', '/danh-gia'),
    soon('feedback', '/feedback/new'),
  ],
  counter_officer: [
    ready('intake', '/counter/intake'),
    ready('returnResult', '/counter/results'),
    soon('callQueue', '/counter/queue'),
    ready('myConduct', '/conduct/me'),
  ],
  processing_officer: [ready('workQueue', '/work/dossiers'), ready('myConduct', '/conduct/me')],
  leader: [
    ready('unitOverview', '/dashboard/unit'),
    ready('lateDossiers', '/dossiers/late'),
    ready('conductReview', '/conduct/violations'),
    ready('annualRating', '/conduct/annual-rating'),
  ],
  inspector: [ready('inspections', '/conduct/inspections'), soon('cases', '/cases')],
  home_affairs: [
    ready('officials', '/workforce/officials'),
    ready('officeCulture', '/conduct/office-culture'),
    ready('annualRating', '/conduct/annual-rating'),
    ready('emulation', '/conduct/emulation'),
  ],
  admin: [
    ready('units', '/admin/units'),
    ready('agencies', '/admin/agencies'),
    ready('users', '/admin/users'),
    ready('tokens', '/admin/tokens'),
    ready('procedures', '/admin/procedures'),
    ready('calendar', '/calendar'),
  ],
  auditor: [soon('audit', '/audit')],
  calendar_admin: [ready('calendar', '/admin/calendar')],
};

/** Planned routes and the roles whose home card points at them. */
export function plannedRoutes(): { to: string; key: CardKey; roles: Role[] }[] {
  const byPath = new Map<string, { to: string; key: CardKey; roles: Role[] }>();
  for (const [role, cards] of Object.entries(HOME_CARDS) as [Role, HomeCard[]][]) {
    for (const card of cards) {
      if (card.isReady) continue;
      const entry = byPath.get(card.to) ?? { to: card.to, key: card.key, roles: [] };
      entry.roles.push(role);
      byPath.set(card.to, entry);
    }
  }
  return [...byPath.values()];
}
