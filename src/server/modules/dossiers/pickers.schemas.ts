import { Type } from 'typebox';
import { PageQuery } from '../../platform/pagination.js';

export const IntakeProceduresQuery = Type.Object({
  q: PageQuery.q,
  /** The desk (agency code) to rank for, one of the counter officer's; default his first. */
  desk: Type.Optional(Type.String({ pattern: '^[0-9A-Z.]{1,35}$' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
});
export const IntakeProcedures = Type.Object({
  items: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), agencyName: Type.String(), uses: Type.Integer() })),
  /** The days of dossiers `uses` counts. */
  windowDays: Type.Integer(),
});
export const Assignees = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      username: Type.String(),
      name: Type.String(),
      role: Type.Union([Type.Literal('processing_officer'), Type.Literal('leader')]),
      agencyCode: Type.String(),
      agencyName: Type.String(),
    }),
  ),
});
