import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import type { AppContext } from '../../context.js';
import * as service from './audit.service.js';

const VerifyResult = Type.Object({
  ok: Type.Boolean(),
  streams: Type.Integer(),
  events: Type.Integer(),
  problems: Type.Array(Type.Object({ stream: Type.String(), seq: Type.Integer(), reason: Type.String() })),
});
const VerifyQuery = Type.Object({ stream: Type.Optional(Type.String({ maxLength: 100 })) });
const EventsQuery = Type.Object({ stream: Type.Optional(Type.String({ maxLength: 100 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) });
const EventList = Type.Object({
  items: Type.Array(
    Type.Object({
      stream: Type.String(),
      seq: Type.Integer(),
      occurredAt: Type.String(),
      actor: Type.String(),
      action: Type.String(),
      entityType: Type.String(),
      entityId: Type.String(),
      hash: Type.String(),
    }),
  ),
});

export async function auditRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  app.get<{ Querystring: Static<typeof VerifyQuery> }>(
    '/api/v1/audit/verify',
    { schema: { tags: ['audit'], summary: 'Kiểm tra chuỗi nhật ký / Verify the audit chains', querystring: VerifyQuery, response: { 200: VerifyResult } } },
    (req) => service.verify(ctx, req.principal, req.query),
  );
  app.get<{ Querystring: Static<typeof EventsQuery> }>(
    '/api/v1/audit/events',
    { schema: { tags: ['audit'], summary: 'Nhật ký kiểm toán / Audit events', querystring: EventsQuery, response: { 200: EventList } } },
    (req) => service.listEvents(ctx, req.principal, req.query),
  );
}
