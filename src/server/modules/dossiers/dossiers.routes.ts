import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import type { AppContext } from '../../context.js';
import { sendInlineFile } from '../../platform/security-headers.js';
import { performAction } from './actions.service.js';
import type { DossierAction } from './dossier.state.js';
import { openAttachment } from './attachments.service.js';
import { renderDossierForm, trackingBook } from './forms.service.js';
import { intakeDossier, onlineDesks } from './intake.service.js';
import * as bell from './notifications.service.js';
import { assigneesOf, intakeProcedures } from './pickers.service.js';
import * as pk from './pickers.schemas.js';
import * as pub from './public.service.js';
import * as s from './dossiers.schemas.js';
import { accessLogOf, getDossier, listDossiers } from './dossiers.service.js';

const tags = ['dossiers'];

export async function dossierRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  // Citizens' browsers do not read quota headers: they go out with the 429 only (retry-after, limit, reset).
  const quiet = { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false };
  const publicLimit = { rateLimit: { max: ctx.config.publicRateLimitPerMinute, timeWindow: '1 minute', addHeadersOnExceeding: quiet } };
  app.post<{ Body: Static<typeof s.IntakeBody> }>(
    '/api/v1/dossiers',
    { bodyLimit: 16 * 1024 * 1024, schema: { tags, summary: 'Tiếp nhận / nộp hồ sơ (intake)', body: s.IntakeBody, response: { 201: s.Created } } },
    async (req, reply) => reply.code(201).send(await intakeDossier(ctx, req.principal, req.body)),
  );
  app.get<{ Querystring: Static<typeof s.QueueQuery> }>(
    '/api/v1/dossiers',
    { schema: { tags, summary: 'Hàng đợi hồ sơ theo hạn (work queues)', querystring: s.QueueQuery, response: { 200: s.SummaryPage } } },
    (req) => listDossiers(ctx, req.principal, req.query),
  );
  app.get<{ Querystring: Static<typeof s.BookQuery> }>(
    '/api/v1/dossiers/tracking-book.xlsx',
    { schema: { tags, summary: 'Sổ theo dõi hồ sơ (Mẫu 06)', querystring: s.BookQuery } },
    async (req, reply) => {
      const xlsx = await trackingBook(ctx, req.principal, req.query);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="so-theo-doi-ho-so-${req.query.from}-${req.query.to}.xlsx"`)
        .send(xlsx);
    },
  );
  app.get<{ Querystring: Static<typeof s.StatsQuery> }>(
    '/api/v1/dossiers/ratings/stats',
    { schema: { tags, summary: 'Tỷ lệ hài lòng (satisfaction rate)', querystring: s.StatsQuery, response: { 200: s.Stats } } },
    (req) => pub.satisfactionStats(ctx, req.principal, req.query.by),
  );
  app.get<{ Params: Static<typeof s.CodeParams>; Querystring: Static<typeof s.DetailQuery> }>(
    '/api/v1/dossiers/:code',
    {
      schema: {
        tags,
        summary: 'Chi tiết hồ sơ (each staff read is logged, once per visit)',
        params: s.CodeParams,
        querystring: s.DetailQuery,
        response: { 200: s.Detail },
      },
    },
    (req) => getDossier(ctx, req.principal, req.params.code, req.query.visit),
  );
  app.get<{ Querystring: Static<typeof pk.IntakeProceduresQuery> }>(
    '/api/v1/dossiers/intake-procedures',
    {
      schema: {
        tags,
        summary: 'Thủ tục để tiếp nhận, dùng nhiều nhất trước (procedure picker)',
        querystring: pk.IntakeProceduresQuery,
        response: { 200: pk.IntakeProcedures },
      },
    },
    (req) => intakeProcedures(ctx, req.principal, req.query),
  );
  app.get<{ Params: Static<typeof s.CodeParams> }>(
    '/api/v1/dossiers/:code/assignees',
    { schema: { tags, summary: 'Cán bộ nhận phân công / chuyển hồ sơ (assignee picker)', params: s.CodeParams, response: { 200: pk.Assignees } } },
    (req) => assigneesOf(ctx, req.principal, req.params.code),
  );
  app.get<{ Params: Static<typeof s.CodeParams> }>(
    '/api/v1/dossiers/:code/access-log',
    { schema: { tags, summary: 'Ai đã mở hồ sơ (who opened the dossier)', params: s.CodeParams, response: { 200: s.AccessLog } } },
    (req) => accessLogOf(ctx, req.principal, req.params.code),
  );
  app.get<{ Params: Static<typeof s.DocumentFileParams> }>(
    '/api/v1/dossiers/:code/documents/:documentId/file',
    {
      schema: {
        tags,
        summary: 'Tệp đính kèm của giấy tờ (PDF/ảnh, xem trực tiếp; each staff opening is logged)',
        params: s.DocumentFileParams,
        produces: ['application/pdf', 'image/jpeg', 'image/png'],
      },
    },
    async (req, reply) => {
      const file = await openAttachment(ctx, req.principal, req.params.code, req.params.documentId);
      return sendInlineFile(reply.header('cache-control', 'private, no-store').header('etag', `"${file.sha256}"`), file.contentType, file.fileName, file.bytes);
    },
  );
  app.get<{ Params: Static<typeof s.FormParams> }>(
    '/api/v1/dossiers/:code/:form.pdf',
    { schema: { tags, summary: 'Biểu mẫu A5 (Mẫu 01–05) PDF', params: s.FormParams } },
    async (req, reply) => {
      const pdf = await renderDossierForm(ctx, req.principal, req.params.code, req.params.form);
      return sendInlineFile(reply, 'application/pdf', `${req.params.form}-${req.params.code}.pdf`, pdf);
    },
  );
  app.post<{ Params: Static<typeof s.ActionParams>; Body: Static<typeof s.ActionBody> }>(
    '/api/v1/dossiers/:code/actions/:action',
    {
      bodyLimit: 16 * 1024 * 1024,
      schema: { tags, summary: 'Thao tác trên hồ sơ (transition)', params: s.ActionParams, body: s.ActionBody, response: { 200: s.ActionResult } },
    },
    (req) => performAction(ctx, req.principal, req.params.code, req.params.action as DossierAction, req.body ?? {}),
  );

  // ── Public ──────────────────────────────────────────────────────────────────────────────────
  app.get<{ Params: Static<typeof s.CodeParams>; Querystring: Static<typeof s.PublicQuery> }>(
    '/api/v1/public/dossiers/:code',
    {
      config: publicLimit,
      schema: {
        tags: ['public'],
        summary: 'Tra cứu hồ sơ (public lookup)',
        params: s.CodeParams,
        querystring: s.PublicQuery,
        response: { 200: s.PublicDossier },
      },
    },
    async (req, reply) => reply.type('application/json; charset=utf-8').send(await pub.lookup(ctx, req.params.code, req.query)),
  );
  app.post<{ Params: Static<typeof s.CodeParams>; Body: Static<typeof s.RatingBody> }>(
    '/api/v1/public/dossiers/:code/rating',
    {
      config: publicLimit,
      schema: { tags: ['public'], summary: 'Đánh giá mức độ hài lòng', params: s.CodeParams, body: s.RatingBody, response: { 201: s.RatingResult } },
    },
    async (req, reply) => reply.code(201).send(await pub.rateDossier(ctx, req.params.code, req.body)),
  );
  app.get<{ Querystring: Static<typeof s.LookupCheckQuery> }>(
    '/api/v1/public/lookup-check',
    {
      config: publicLimit,
      schema: {
        tags: ['public'],
        summary: "Tra cứu cần kiểm tra gì (the check a code's province asks for)",
        querystring: s.LookupCheckQuery,
        response: { 200: s.LookupCheckResult },
      },
    },
    (req) => pub.lookupCheckForCode(ctx, req.query.code),
  );
  app.get<{ Params: Static<typeof s.ProvinceParams> }>(
    '/api/v1/admin/provinces/:provinceCode/lookup-check',
    {
      schema: {
        tags,
        summary: 'Cách kiểm tra đang dùng khi tra cứu hồ sơ của tỉnh (province lookup check)',
        params: s.ProvinceParams,
        response: { 200: s.LookupCheckSetting },
      },
    },
    (req) => pub.getLookupCheck(ctx, req.principal, req.params.provinceCode),
  );
  app.put<{ Params: Static<typeof s.ProvinceParams>; Body: Static<typeof s.LookupCheckBody> }>(
    '/api/v1/admin/provinces/:provinceCode/lookup-check',
    {
      schema: {
        tags,
        summary: 'Cách kiểm tra khi tra cứu hồ sơ của tỉnh (province lookup check)',
        params: s.ProvinceParams,
        body: s.LookupCheckBody,
        response: { 200: s.LookupCheckSetting },
      },
    },
    (req) => pub.setLookupCheck(ctx, req.principal, req.params.provinceCode, req.body.check),
  );
  app.get<{ Querystring: Static<typeof s.DesksQuery> }>(
    '/api/v1/public/desks',
    {
      config: publicLimit,
      schema: { tags: ['public'], summary: 'Bộ phận một cửa nhận thủ tục (online desks)', querystring: s.DesksQuery, response: { 200: s.Desks } },
    },
    (req) => onlineDesks(ctx, req.query.procedureCode),
  );
  app.get<{ Querystring: Static<typeof s.VerifyQuery> }>(
    '/api/v1/public/documents/verify',
    { config: publicLimit, schema: { tags: ['public'], summary: 'Xác thực giấy tờ in (QR)', querystring: s.VerifyQuery, response: { 200: s.VerifyResult } } },
    (req) => pub.verifyDocument(ctx, req.query.token),
  );

  // ── Notifications ───────────────────────────────────────────────────────────────────────────
  app.get<{ Querystring: Static<typeof s.MyNotificationsQuery> }>(
    '/api/v1/me/notifications',
    { schema: { tags, summary: 'Thông báo trong ứng dụng / My notifications', querystring: s.MyNotificationsQuery, response: { 200: s.MyNotifications } } },
    (req) => bell.myNotifications(ctx, req.principal, req.query),
  );
  app.get(
    '/api/v1/me/notifications/unread-count',
    { schema: { tags, summary: 'Số thông báo chưa đọc / Unread count', response: { 200: s.UnreadCount } } },
    (req) => bell.myUnreadCount(ctx, req.principal),
  );
  app.post<{ Params: Static<typeof s.NotificationParams> }>(
    '/api/v1/me/notifications/:id/read',
    { schema: { tags, summary: 'Đánh dấu đã đọc / Mark read', params: s.NotificationParams, response: { 200: s.MarkedRead } } },
    (req) => bell.markNotificationRead(ctx, req.principal, req.params.id),
  );
  app.post(
    '/api/v1/me/notifications/read-all',
    { schema: { tags, summary: 'Đánh dấu tất cả đã đọc / Mark all read', response: { 200: s.MarkedRead } } },
    (req) => bell.markAllNotificationsRead(ctx, req.principal),
  );
  app.get('/api/v1/dev/outbox', { schema: { tags, summary: 'Hộp thư đi (development only)', response: { 200: s.Notifications } } }, (req) =>
    bell.devOutbox(ctx, req.principal),
  );
}
