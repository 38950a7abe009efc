import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { accountRoutes } from './org.accounts.routes.js';
import * as s from './org.schemas.js';
import { pickAgencies } from './org.picker.service.js';
import * as service from './org.service.js';

const tags = ['admin'];

export async function orgRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  app.get<{ Querystring: Static<typeof s.AdminUnitQuery> }>(
    '/api/v1/admin/administrative-units',
    { schema: { tags, summary: 'Đơn vị hành chính / Administrative units', querystring: s.AdminUnitQuery, response: { 200: s.AdminUnitPage } } },
    (req) => service.listAdminUnits(ctx, req.principal, req.query),
  );
  app.post<{ Body: Static<typeof s.CreateAdminUnit> }>(
    '/api/v1/admin/administrative-units',
    { schema: { tags, summary: 'Thêm đơn vị hành chính', body: s.CreateAdminUnit, response: { 201: s.AdminUnit } } },
    async (req, reply) => reply.code(201).send(await service.createAdminUnit(ctx, req.principal, req.body)),
  );

  const AgencyQuery = Type.Object({ q: s.AdminUnitQuery.properties.q, cursor: s.AdminUnitQuery.properties.cursor, limit: s.AdminUnitQuery.properties.limit });
  app.get<{ Querystring: Static<typeof AgencyQuery> }>(
    '/api/v1/admin/agencies',
    { schema: { tags, summary: 'Cơ quan / Agencies', querystring: AgencyQuery, response: { 200: s.AgencyPage } } },
    (req) => service.listAgencies(ctx, req.principal, req.query),
  );
  app.get<{ Querystring: Static<typeof s.PickAgencyQuery> }>(
    '/api/v1/agencies',
    {
      schema: {
        tags: ['org'],
        summary: 'Chọn cơ quan trong phạm vi của mình (agency picker)',
        querystring: s.PickAgencyQuery,
        response: { 200: s.PickedAgencyPage },
      },
    },
    (req) => pickAgencies(ctx, req.principal, req.query),
  );
  app.post<{ Body: Static<typeof s.CreateAgency> }>(
    '/api/v1/admin/agencies',
    { schema: { tags, summary: 'Thêm cơ quan', body: s.CreateAgency, response: { 201: s.Agency } } },
    async (req, reply) => reply.code(201).send(await service.createAgency(ctx, req.principal, req.body)),
  );
  app.get<{ Params: Static<typeof s.AgencyParams> }>(
    '/api/v1/admin/agencies/:code/units',
    {
      schema: { tags, summary: 'Đơn vị trực thuộc / Internal units', params: s.AgencyParams, response: { 200: Type.Object({ items: Type.Array(s.OrgUnit) }) } },
    },
    (req) => service.listOrgUnits(ctx, req.principal, req.params.code),
  );
  app.post<{ Params: Static<typeof s.AgencyParams>; Body: Static<typeof s.CreateOrgUnit> }>(
    '/api/v1/admin/agencies/:code/units',
    { schema: { tags, summary: 'Thêm đơn vị trực thuộc', params: s.AgencyParams, body: s.CreateOrgUnit, response: { 201: s.OrgUnit } } },
    async (req, reply) => reply.code(201).send(await service.createOrgUnit(ctx, req.principal, req.params.code, req.body)),
  );

  await accountRoutes(app, ctx);
  app.post<{ Body: Static<typeof s.CreateUser> }>(
    '/api/v1/admin/users',
    { schema: { tags, summary: 'Thêm người dùng', body: s.CreateUser, response: { 201: s.User } } },
    async (req, reply) => reply.code(201).send(await service.createUser(ctx, req.principal, req.body)),
  );
  app.post<{ Params: Static<typeof s.UserParams>; Body: Static<typeof s.AssignRole> }>(
    '/api/v1/admin/users/:id/roles',
    { schema: { tags, summary: 'Phân quyền / Assign a role', params: s.UserParams, body: s.AssignRole, response: { 201: s.User } } },
    async (req, reply) => reply.code(201).send(await service.assignRole(ctx, req.principal, req.params.id, req.body)),
  );
  app.delete<{ Params: Static<typeof s.UserRoleParams> }>(
    '/api/v1/admin/users/:id/roles/:assignmentId',
    { schema: { tags, summary: 'Thu hồi vai trò / Remove a role', params: s.UserRoleParams } },
    async (req, reply) => {
      await service.removeRole(ctx, req.principal, req.params.id, req.params.assignmentId);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/admin/tokens',
    { schema: { tags, summary: 'Mã truy cập API / API tokens', response: { 200: Type.Object({ items: Type.Array(s.ApiTokenItem) }) } } },
    (req) => service.listTokens(ctx, req.principal),
  );
  app.post<{ Body: Static<typeof s.CreateApiToken> }>(
    '/api/v1/admin/tokens',
    { schema: { tags, summary: 'Tạo mã truy cập API', body: s.CreateApiToken, response: { 201: s.ApiTokenCreated } } },
    async (req, reply) => reply.code(201).send(await service.createToken(ctx, req.principal, req.body)),
  );
  app.post<{ Params: Static<typeof s.TokenParams> }>(
    '/api/v1/admin/tokens/:id/revoke',
    { schema: { tags, summary: 'Thu hồi mã truy cập API', params: s.TokenParams, response: { 200: s.ApiTokenItem } } },
    (req) => service.revokeToken(ctx, req.principal, req.params.id),
  );
}
