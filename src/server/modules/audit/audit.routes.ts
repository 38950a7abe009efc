import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import type { AppContext } from '../../context.js';
import * as s from './audit.schemas.js';
import * as service from './audit.service.js';

const tags = ['audit'];

export async function auditRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  app.get<{ Querystring: Static<typeof s.VerifyQuery> }>(
    '/api/v1/audit/verify',
    { schema: { tags, summary: 'Kiểm tra chuỗi nhật ký / Verify the audit chains', querystring: s.VerifyQuery, response: { 200: s.VerifyResult } } },
    (req) => service.verify(ctx, req.principal, req.query),
  );
  app.get<{ Querystring: Static<typeof s.StreamQuery> }>(
    '/api/v1/audit/streams',
    { schema: { tags, summary: 'Chuỗi nhật ký / Audit streams', querystring: s.StreamQuery, response: { 200: s.StreamPage } } },
    (req) => service.listStreams(ctx, req.principal, req.query),
  );
  app.get<{ Querystring: Static<typeof s.EventsQuery> }>(
    '/api/v1/audit/events',
    { schema: { tags, summary: 'Nhật ký kiểm toán / Audit events', querystring: s.EventsQuery, response: { 200: s.EventPage } } },
    (req) => service.listEvents(ctx, req.principal, req.query),
  );
  app.get<{ Params: Static<typeof s.EventParams> }>(
    '/api/v1/audit/events/:stream/:seq',
    { schema: { tags, summary: 'Chi tiết mục nhật ký / Audit event', params: s.EventParams, response: { 200: s.EventDetail } } },
    (req) => service.getEvent(ctx, req.principal, req.params.stream, req.params.seq),
  );
}
