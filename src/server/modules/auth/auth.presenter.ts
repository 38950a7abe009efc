import type { Static } from 'typebox';
import { isNationWide, isProvinceWide, type Principal } from '../../platform/principal.js';
import type { UserRow } from './auth.repo.js';
import type { MyProfile, SessionResponse } from './auth.schemas.js';

export const presentSession = (p: Principal): Static<typeof SessionResponse> => ({
  user: {
    id: p.userId ?? p.tokenId ?? '',
    username: p.username,
    displayName: p.displayName,
    roles: p.grants.map((g) => ({
      role: g.role,
      agencyCode: g.agencyCode || null,
      provinceCode: g.provinceCode || null,
      scope: isNationWide(g) ? ('national' as const) : isProvinceWide(g) ? ('province' as const) : ('agency' as const),
    })),
  },
  csrfToken: p.csrfToken,
});

export const presentProfile = (u: Pick<UserRow, 'displayName' | 'idNumber' | 'phone' | 'email'>): Static<typeof MyProfile> => ({
  fullName: u.displayName,
  idNumber: u.idNumber,
  phone: u.phone,
  email: u.email,
});
