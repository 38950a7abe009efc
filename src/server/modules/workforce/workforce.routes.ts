import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { multipartOptions, multipartPlugin, readUpload, type UploadRule } from '../../platform/uploads.js';
import * as s from './workforce.schemas.js';
import * as account from './workforce.account.service.js';
import * as service from './workforce.service.js';

const tags = ['workforce'];
export const MAX_IMPORT_BYTES = 30 * 1024 * 1024;

/** The register as .xlsx or UTF-8 .csv (by content), up to 30 MB. */
const IMPORT_FILE: UploadRule = { maxBytes: MAX_IMPORT_BYTES, accept: ['xlsx', 'csv'] };

export async function workforceRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  await app.register(multipartPlugin, multipartOptions);
  const base = '/api/v1/workforce';

  app.get<{ Querystring: Static<typeof s.OfficialQuery> }>(
    `${base}/officials`,
    { schema: { tags, summary: 'Danh sách cán bộ / Officials (Vietnamese name order)', querystring: s.OfficialQuery, response: { 200: s.OfficialPage } } },
    (req) => service.listOfficials(ctx, req.principal, req.query),
  );
  app.post<{ Body: Static<typeof s.CreateOfficial> }>(
    `${base}/officials`,
    { schema: { tags, summary: 'Thêm cán bộ / Add an official', body: s.CreateOfficial, response: { 201: s.Official } } },
    async (req, reply) => reply.code(201).send(await service.createOfficial(ctx, req.principal, req.body)),
  );
  app.get<{ Params: Static<typeof s.IdParams> }>(
    `${base}/officials/:id`,
    { schema: { tags, summary: 'Hồ sơ cán bộ / An official (identifiers masked unless HR)', params: s.IdParams, response: { 200: s.Official } } },
    (req) => service.getOfficial(ctx, req.principal, req.params.id),
  );
  app.patch<{ Params: Static<typeof s.IdParams>; Body: Static<typeof s.UpdateOfficial> }>(
    `${base}/officials/:id`,
    {
      schema: {
        tags,
        summary: 'Cập nhật, điều động, nghỉ hưu / Update, move or retire',
        params: s.IdParams,
        body: s.UpdateOfficial,
        response: { 200: s.Official },
      },
    },
    (req) => service.updateOfficial(ctx, req.principal, req.params.id, req.body),
  );
  app.post<{ Params: Static<typeof s.IdParams>; Body: Static<typeof s.LinkAccount> }>(
    `${base}/officials/:id/account`,
    {
      schema: {
        tags,
        summary: 'Gắn tài khoản đăng nhập với hồ sơ / Link the user account of an official (null unlinks)',
        params: s.IdParams,
        body: s.LinkAccount,
        response: { 200: s.Official },
      },
    },
    (req) => account.linkAccount(ctx, req.principal, req.params.id, req.body),
  );
  app.post<{ Params: Static<typeof s.IdParams>; Body: Static<typeof s.CreateTraining> }>(
    `${base}/officials/:id/training`,
    { schema: { tags, summary: 'Thêm quá trình đào tạo, bồi dưỡng', params: s.IdParams, body: s.CreateTraining, response: { 201: s.Official } } },
    async (req, reply) => reply.code(201).send(await service.addTraining(ctx, req.principal, req.params.id, req.body)),
  );

  app.post<{ Querystring: Static<typeof s.ImportQuery> }>(
    `${base}/officials/import`,
    {
      schema: {
        tags,
        summary: 'Nhập từ Excel/CSV / Import officials (multipart "file"); returns when done — poll /imports/{jobId} meanwhile',
        querystring: s.ImportQuery,
        response: { 200: s.ImportResult },
      },
    },
    (req) => service.importFile(ctx, req.principal, { read: () => readUpload(req, IMPORT_FILE), dryRun: req.query.dryRun !== false, jobId: req.query.jobId }),
  );
  app.get<{ Params: Static<typeof s.IdParams> }>(
    `${base}/imports/:id`,
    { schema: { tags, summary: 'Tiến độ nhập / Import progress', params: s.IdParams, response: { 200: s.ImportJob } } },
    (req) => service.getImportJob(ctx, req.principal, req.params.id),
  );

  app.get<{ Querystring: Static<typeof s.StatsQuery> }>(
    `${base}/stats`,
    {
      schema: {
        tags,
        summary: 'Thống kê đội ngũ tại một ngày / Statistics of an agency subtree on a date',
        querystring: s.StatsQuery,
        response: { 200: s.Stats },
      },
    },
    (req) => service.stats(ctx, req.principal, req.query),
  );
  app.get<{ Querystring: Static<typeof s.StatsQuery> }>(
    `${base}/stats.xlsx`,
    { schema: { tags, summary: 'Xuất thống kê ra Excel / Statistics as .xlsx', querystring: s.StatsQuery } },
    async (req, reply) => {
      const file = await service.statsXlsx(ctx, req.principal, req.query);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.data);
    },
  );

  app.get<{ Querystring: Static<typeof s.PositionQuery> }>(
    `${base}/positions`,
    {
      schema: {
        tags,
        summary: 'Vị trí việc làm và biên chế / Positions, quota, filled, vacant',
        querystring: s.PositionQuery,
        response: { 200: Type.Object({ items: Type.Array(s.Position) }) },
      },
    },
    (req) => service.listPositions(ctx, req.principal, req.query),
  );
  app.post<{ Body: Static<typeof s.CreatePosition> }>(
    `${base}/positions`,
    { schema: { tags, summary: 'Thêm vị trí việc làm', body: s.CreatePosition, response: { 201: s.Position } } },
    async (req, reply) => reply.code(201).send(await service.createPosition(ctx, req.principal, req.body)),
  );
  app.patch<{ Params: Static<typeof s.IdParams>; Body: Static<typeof s.UpdateQuota> }>(
    `${base}/positions/:id`,
    { schema: { tags, summary: 'Giao biên chế / Set the quota', params: s.IdParams, body: s.UpdateQuota, response: { 200: s.Position } } },
    (req) => service.setQuota(ctx, req.principal, req.params.id, req.body),
  );

  app.get<{ Querystring: Static<typeof s.CandidateQuery> }>(
    `${base}/streamlining`,
    { schema: { tags, summary: 'Danh sách xem xét tinh giản biên chế (NĐ 154/2025)', querystring: s.CandidateQuery, response: { 200: s.CandidateList } } },
    (req) => service.listCandidates(ctx, req.principal, req.query),
  );
  app.post<{ Body: Static<typeof s.FlagCandidate> }>(
    `${base}/streamlining`,
    { schema: { tags, summary: 'Đưa vào danh sách xem xét tinh giản', body: s.FlagCandidate, response: { 201: s.Candidate } } },
    async (req, reply) => reply.code(201).send(await service.flagCandidate(ctx, req.principal, req.body)),
  );
  app.post<{ Params: Static<typeof s.IdParams>; Body: Static<typeof s.ReviewCandidate> }>(
    `${base}/streamlining/:id/review`,
    {
      schema: { tags, summary: 'Quyết định của Sở Nội vụ / Home Affairs review', params: s.IdParams, body: s.ReviewCandidate, response: { 200: s.Candidate } },
    },
    (req) => service.reviewCandidate(ctx, req.principal, req.params.id, req.body),
  );
}
