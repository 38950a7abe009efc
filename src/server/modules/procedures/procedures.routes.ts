import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { multipartOptions, multipartPlugin, readUpload } from '../../platform/uploads.js';
import { exportProcedures, importProcedures, MAX_IMPORT_BYTES } from './procedures.import.js';
import * as s from './procedures.schemas.js';
import * as service from './procedures.service.js';
import * as tpl from './templates.service.js';

const tags = ['procedures'];
/** National codes repeat across provinces: `province` picks one (default: the first active). */
const ProvinceQuery = Type.Object({ province: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })) });
const publicLimit = { rateLimit: { max: 300, timeWindow: '1 minute' } };

/** `attachment` with an ASCII name for old clients and the UTF-8 name (RFC 6266 / 5987) for the rest. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export async function procedureRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  // multipart only in this plugin's scope, for the import
  await app.register(multipartPlugin, multipartOptions);

  app.get<{ Querystring: Static<typeof s.ProcedureQuery> }>(
    '/api/v1/procedures',
    {
      config: publicLimit,
      schema: {
        tags,
        summary: 'Tra cứu thủ tục hành chính (công khai) / Procedure catalog (public)',
        querystring: s.ProcedureQuery,
        response: { 200: s.ProcedurePage },
      },
    },
    (req) => service.listProcedures(ctx, req.query),
  );
  app.get(
    '/api/v1/procedure-fields',
    { config: publicLimit, schema: { tags, summary: 'Lĩnh vực thủ tục (công khai) / Procedure fields', response: { 200: s.FieldList } } },
    () => service.listFields(ctx),
  );
  app.get(
    '/api/v1/procedure-agencies',
    { config: publicLimit, schema: { tags, summary: 'Cơ quan có thủ tục (công khai) / Agencies with procedures', response: { 200: s.CatalogAgencyList } } },
    () => service.listCatalogAgencies(ctx),
  );

  for (const format of ['xlsx', 'csv'] as const) {
    app.get(
      `/api/v1/procedures/export.${format}`,
      {
        schema: {
          tags,
          summary: `Xuất danh mục thủ tục (${format.toUpperCase()}) / Export the catalog`,
          produces: [format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        },
      },
      async (req, reply) => {
        const file = await exportProcedures(ctx, req.principal, format);
        return reply
          .type(file.contentType)
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .header('cache-control', 'no-store')
          .send(file.body);
      },
    );
  }
  app.post<{ Querystring: Static<typeof s.ImportQuery> }>(
    '/api/v1/procedures/import',
    {
      schema: {
        tags,
        summary: 'Nhập danh mục thủ tục từ tệp .xlsx/.csv (dryRun mặc định true) / Import',
        consumes: ['multipart/form-data'],
        querystring: s.ImportQuery,
        response: { 200: s.ImportResult },
      },
    },
    (req) =>
      importProcedures(
        ctx,
        req.principal,
        async () => {
          const file = await readUpload(req, { maxBytes: MAX_IMPORT_BYTES, accept: ['xlsx', 'csv'] });
          return { filename: file.fileName, data: file.data };
        },
        req.query.dryRun ?? true,
      ),
  );

  app.get<{ Params: Static<typeof s.ProcedureParams>; Querystring: Static<typeof ProvinceQuery> }>(
    '/api/v1/procedures/:code',
    {
      config: publicLimit,
      schema: {
        tags,
        summary: 'Chi tiết thủ tục (công khai) / Procedure detail',
        params: s.ProcedureParams,
        querystring: ProvinceQuery,
        response: { 200: s.ProcedureDetail },
      },
    },
    (req) => service.getProcedure(ctx, req.params.code, req.query.province),
  );

  app.get<{ Querystring: Static<typeof s.ProcedureQuery> }>(
    '/api/v1/admin/procedures',
    {
      schema: {
        tags,
        summary: 'Thủ tục do cơ quan mình quản lý (cả đã ngừng) / Managed procedures',
        querystring: s.ProcedureQuery,
        response: { 200: s.AdminProcedurePage },
      },
    },
    (req) => service.listAdminProcedures(ctx, req.principal, req.query),
  );
  app.post<{ Body: Static<typeof s.CreateProcedure> }>(
    '/api/v1/procedures',
    { schema: { tags, summary: 'Thêm thủ tục / Create a procedure', body: s.CreateProcedure, response: { 201: s.ProcedureDetail } } },
    async (req, reply) => reply.code(201).send(await service.createProcedure(ctx, req.principal, req.body)),
  );
  app.put<{ Params: Static<typeof s.ProcedureParams>; Body: Static<typeof s.UpdateProcedure> }>(
    '/api/v1/procedures/:code',
    {
      schema: {
        tags,
        summary: 'Sửa thủ tục (phiên bản mới) / Update a procedure',
        params: s.ProcedureParams,
        body: s.UpdateProcedure,
        response: { 200: s.ProcedureDetail },
      },
    },
    (req) => service.updateProcedure(ctx, req.principal, req.params.code, req.body),
  );
  app.post<{ Params: Static<typeof s.ProcedureParams> }>(
    '/api/v1/procedures/:code/deactivate',
    { schema: { tags, summary: 'Ngừng áp dụng thủ tục / Deactivate', params: s.ProcedureParams, response: { 200: s.ProcedureDetail } } },
    (req) => service.deactivateProcedure(ctx, req.principal, req.params.code),
  );
  app.get<{ Params: Static<typeof s.ProcedureParams> }>(
    '/api/v1/procedures/:code/versions',
    {
      schema: {
        tags,
        summary: 'Lịch sử phiên bản / Version history',
        params: s.ProcedureParams,
        response: {
          200: Type.Object({
            items: Type.Array(Type.Object({ version: Type.Integer(), ruleVersion: Type.String(), effectiveFrom: Type.String(), createdAt: Type.String() })),
          }),
        },
      },
    },
    (req) => service.listVersions(ctx, req.principal, req.params.code),
  );

  // ── Form templates (tờ khai theo mẫu) ───────────────────────────────────────────────────────
  app.get<{ Params: Static<typeof s.TemplateDownloadParams> }>(
    '/api/v1/procedure-templates/:documentId',
    {
      config: publicLimit,
      schema: {
        tags,
        summary: 'Tải mẫu đơn, tờ khai (công khai) / Download a form template',
        params: s.TemplateDownloadParams,
        produces: ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      },
    },
    async (req, reply) => {
      const file = await tpl.downloadTemplate(ctx, req.params.documentId);
      return reply
        .type(file.contentType)
        .header('content-disposition', attachmentDisposition(file.fileName))
        .header('etag', `"${file.sha256}"`)
        .send(file.bytes);
    },
  );
  app.post<{ Params: Static<typeof s.TemplateParams> }>(
    '/api/v1/procedures/:code/documents/:documentId/template',
    {
      schema: {
        tags,
        summary: 'Tải lên tệp mẫu của thành phần hồ sơ (PDF, .docx, .xlsx) / Upload a form template',
        consumes: ['multipart/form-data'],
        params: s.TemplateParams,
        response: { 200: s.ProcedureDocument },
      },
    },
    (req) => tpl.uploadTemplate(ctx, req.principal, req.params.code, req.params.documentId, () => readUpload(req, tpl.TEMPLATE_FILE)),
  );
  app.delete<{ Params: Static<typeof s.TemplateParams> }>(
    '/api/v1/procedures/:code/documents/:documentId/template',
    { schema: { tags, summary: 'Gỡ tệp mẫu / Remove a form template', params: s.TemplateParams, response: { 200: s.ProcedureDocument } } },
    (req) => tpl.removeTemplate(ctx, req.principal, req.params.code, req.params.documentId),
  );
}
