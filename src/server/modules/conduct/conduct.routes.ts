import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Static, TSchema } from 'typebox';
import type { AppContext } from '../../context.js';
import type { Principal } from '../../platform/principal.js';
import { multipartOptions, multipartPlugin, readUpload } from '../../platform/uploads.js';
import * as report from './attendance-report.service.js';
import * as attendance from './attendance.service.js';
import * as code from './code.service.js';
import * as s from './conduct.schemas.js';
import * as discipline from './discipline.service.js';
import * as emulation from './emulation.service.js';
import * as photos from './finding-photos.service.js';
import * as inspections from './inspections.service.js';
import * as officials from './officials.service.js';
import * as rating from './rating.service.js';
import * as violations from './violations.service.js';

const tags = ['conduct'];
const P = '/api/v1/conduct';
type Req = FastifyRequest<{ Params: { id: string } }>;
type Handler<B extends TSchema, Q extends TSchema> = (
  p: Principal | null,
  req: { params: { id: string }; body: Static<B>; query: Static<Q> },
) => Promise<unknown>;

export async function conductRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  // multipart only in this plugin's scope, for finding photos
  await app.register(multipartPlugin, multipartOptions);
  const route = <B extends TSchema = TSchema, Q extends TSchema = TSchema>(
    method: 'GET' | 'POST',
    url: string,
    summary: string,
    schema: { params?: TSchema; body?: B; querystring?: Q; response: TSchema; status?: number },
    handler: Handler<B, Q>,
  ) =>
    app.route({
      method,
      url: `${P}${url}`,
      schema: {
        tags,
        summary,
        ...(schema.params ? { params: schema.params } : {}),
        ...(schema.body ? { body: schema.body } : {}),
        ...(schema.querystring ? { querystring: schema.querystring } : {}),
        response: { [schema.status ?? 200]: schema.response },
      },
      handler: async (req: Req, reply: FastifyReply) => reply.code(schema.status ?? 200).send(await handler(req.principal, req as never)),
    });
  const id = s.IdParams;

  // code of conduct and commitments
  route('GET', '/rule-sets', 'Bộ quy tắc ứng xử / Codes of conduct', { response: s.Items(s.RuleSet) }, (p) => code.listRuleSets(ctx, p));
  route('GET', '/rule-sets/:id', 'Nội dung bộ quy tắc', { params: id, response: s.RuleSetDetail }, (p, r) => code.getRuleSet(ctx, p, r.params.id));
  route('POST', '/rule-sets', 'Ban hành bộ quy tắc (phiên bản mới)', { body: s.CreateRuleSet, response: s.RuleSet, status: 201 }, (p, r) =>
    code.createRuleSet(ctx, p, r.body),
  );
  route('GET', '/commitment-campaigns', 'Đợt cam kết', { response: s.Items(s.Campaign) }, (p) => code.listCampaigns(ctx, p));
  route('POST', '/commitment-campaigns', 'Mở đợt cam kết', { body: s.CreateCampaign, response: s.Campaign, status: 201 }, (p, r) =>
    code.createCampaign(ctx, p, r.body),
  );
  route('GET', '/commitment-campaigns/:id/completion', 'Tỷ lệ hoàn thành cam kết theo đơn vị', { params: id, response: s.Completion }, (p, r) =>
    code.campaignCompletion(ctx, p, r.params.id),
  );
  route('GET', '/my/commitments', 'Cam kết của tôi', { response: s.MyCommitments }, (p) => code.myCommitments(ctx, p));
  route('POST', '/my/commitments', 'Ký cam kết', { body: s.Acknowledge, response: s.Acknowledged, status: 201 }, (p, r) => code.acknowledge(ctx, p, r.body));

  // officials in scope (for forms)
  route('GET', '/officials', 'Cán bộ trong phạm vi', { querystring: s.OfficialQuery, response: s.Items(s.OfficialRef) }, (p, r) =>
    officials.listOfficials(ctx, p, r.query),
  );

  // attendance
  route('POST', '/attendance/import', 'Nhập dữ liệu chấm công (CSV)', { body: s.ImportAttendance, response: s.ImportResult }, (p, r) =>
    attendance.importAttendance(ctx, p, r.body),
  );
  route('POST', '/my/attendance', 'Chấm công vào/ra', { response: s.Attendance, status: 201 }, (p) => attendance.checkIn(ctx, p));
  route('GET', '/attendance', 'Chấm công', { querystring: s.AttendanceQuery, response: s.Items(s.Attendance) }, (p, r) =>
    attendance.listAttendance(ctx, p, r.query),
  );
  route(
    'GET',
    '/attendance/report',
    'Báo cáo chấm công theo tháng: đi muộn, về sớm, vắng',
    { querystring: s.ReportQuery, response: s.AttendanceReport },
    (p, r) => report.attendanceReport(ctx, p, r.query),
  );
  route('GET', '/my/attendance', 'Chấm công của tôi trong tháng', { querystring: s.MyAttendanceQuery, response: s.MyAttendance }, (p, r) =>
    report.myAttendance(ctx, p, r.query),
  );

  // inspections
  route('GET', '/checklist', 'Danh mục kiểm tra', { querystring: s.ChecklistQuery, response: s.Checklist }, (p, r) =>
    inspections.checklist(ctx, p, r.query.agencyCode),
  );
  route('GET', '/inspections', 'Cuộc kiểm tra', { response: s.Items(s.Inspection) }, (p) => inspections.listInspections(ctx, p));
  route('POST', '/inspections', 'Ghi nhận cuộc kiểm tra', { body: s.CreateInspection, response: s.Inspection, status: 201 }, (p, r) =>
    inspections.createInspection(ctx, p, r.body),
  );
  route('GET', '/inspections/:id', 'Chi tiết cuộc kiểm tra', { params: id, response: s.Inspection }, (p, r) => inspections.getInspection(ctx, p, r.params.id));
  route('POST', '/inspections/:id/findings', 'Ghi nhận kết quả kiểm tra', { params: id, body: s.CreateFinding, response: s.Finding, status: 201 }, (p, r) =>
    inspections.addFinding(ctx, p, r.params.id, r.body),
  );

  app.post<{ Params: { id: string } }>(
    `${P}/findings/:id/photos`,
    {
      schema: {
        tags,
        summary: 'Thêm ảnh minh chứng cho kết quả kiểm tra (multipart "file"; JPEG/PNG theo nội dung)',
        consumes: ['multipart/form-data'],
        params: id,
        response: { 201: s.Finding },
      },
    },
    async (req, reply) => reply.code(201).send(await photos.addFindingPhoto(ctx, req.principal, req.params.id, () => readUpload(req, photos.PHOTO_FILE))),
  );
  app.get<{ Params: { id: string; n: number } }>(
    `${P}/findings/:id/photos/:n`,
    { schema: { tags, summary: 'Ảnh minh chứng thứ n (từ 1)', params: s.PhotoParams, produces: ['image/jpeg', 'image/png'] } },
    async (req, reply) => {
      const photo = await photos.getFindingPhoto(ctx, req.principal, req.params.id, req.params.n);
      return reply
        .type(photo.contentType)
        .header('cache-control', 'private, max-age=3600')
        .header('etag', `"${photo.sha256}"`)
        .header('content-disposition', 'inline')
        .send(photo.bytes);
    },
  );

  // violations
  route('GET', '/violations', 'Vi phạm', { querystring: s.ViolationQuery, response: s.ViolationPage }, (p, r) => violations.listViolations(ctx, p, r.query));
  route('POST', '/violations', 'Ghi nhận vi phạm (khiếu nại, đánh giá)', { body: s.CreateViolation, response: s.Violation, status: 201 }, (p, r) =>
    violations.createViolation(ctx, p, r.body),
  );
  route('GET', '/violations/:id', 'Chi tiết vi phạm', { params: id, response: s.ViolationDetail }, (p, r) => violations.getViolation(ctx, p, r.params.id));
  route('POST', '/violations/:id/answer', 'Giải trình bằng văn bản', { params: id, body: s.Answer, response: s.Violation }, (p, r) =>
    violations.answerViolation(ctx, p, r.params.id, r.body),
  );
  route('POST', '/violations/:id/confirm', 'Xác nhận vi phạm', { params: id, body: s.Review, response: s.Violation }, (p, r) =>
    violations.reviewViolation(ctx, p, r.params.id, 'confirm', r.body),
  );
  route('POST', '/violations/:id/dismiss', 'Bác bỏ vi phạm', { params: id, body: s.Review, response: s.Violation }, (p, r) =>
    violations.reviewViolation(ctx, p, r.params.id, 'dismiss', r.body),
  );

  // discipline
  route('GET', '/discipline-cases', 'Vụ việc kỷ luật', { querystring: s.MineQuery, response: s.Items(s.DisciplineCase) }, (p, r) =>
    discipline.listCases(ctx, p, r.query),
  );
  route('POST', '/discipline-cases', 'Mở vụ việc kỷ luật', { body: s.OpenCase, response: s.DisciplineCase, status: 201 }, (p, r) =>
    discipline.openCase(ctx, p, r.body),
  );
  route('GET', '/discipline-cases/:id', 'Chi tiết vụ việc kỷ luật', { params: id, response: s.DisciplineCaseDetail }, (p, r) =>
    discipline.getCase(ctx, p, r.params.id),
  );
  route('POST', '/discipline-cases/:id/documents', 'Thêm tài liệu', { params: id, body: s.AddDocument, response: s.DisciplineCase }, (p, r) =>
    discipline.addDocument(ctx, p, r.params.id, r.body),
  );
  route('POST', '/discipline-cases/:id/wait', 'Tạm chưa xem xét kỷ luật', { params: id, body: s.Wait, response: s.DisciplineCase }, (p, r) =>
    discipline.startWaiting(ctx, p, r.params.id, r.body),
  );
  route('POST', '/discipline-cases/:id/resume', 'Tiếp tục xem xét', { params: id, body: s.VersionOnly, response: s.DisciplineCase }, (p, r) =>
    discipline.resume(ctx, p, r.params.id, r.body),
  );
  route('POST', '/discipline-cases/:id/decide', 'Quyết định kỷ luật', { params: id, body: s.Decide, response: s.DisciplineCase }, (p, r) =>
    discipline.decide(ctx, p, r.params.id, r.body),
  );
  route('POST', '/discipline-cases/:id/complaint', 'Khiếu nại quyết định kỷ luật', { params: id, body: s.Complaint, response: s.DisciplineCase }, (p, r) =>
    discipline.fileComplaint(ctx, p, r.params.id, r.body),
  );
  route(
    'POST',
    '/discipline-cases/:id/complaint/resolve',
    'Giải quyết khiếu nại',
    { params: id, body: s.ResolveComplaint, response: s.DisciplineCase },
    (p, r) => discipline.resolveComplaint(ctx, p, r.params.id, r.body),
  );

  // annual rating
  route('GET', '/ratings', 'Đánh giá, xếp loại', { querystring: s.RatingQuery, response: s.Items(s.Rating) }, (p, r) => rating.listRatings(ctx, p, r.query));
  route('POST', '/ratings', 'Mở phiếu đánh giá', { body: s.OpenRating, response: s.Rating, status: 201 }, (p, r) => rating.openRating(ctx, p, r.body));
  route('GET', '/ratings/:id', 'Phiếu đánh giá và minh chứng', { params: id, response: s.RatingDetail }, (p, r) => rating.getRating(ctx, p, r.params.id));
  route('POST', '/ratings/:id/self', 'Tự đánh giá', { params: id, body: s.Assess, response: s.Rating }, (p, r) =>
    rating.selfAssess(ctx, p, r.params.id, r.body),
  );
  route('POST', '/ratings/:id/assess', 'Lãnh đạo đánh giá', { params: id, body: s.Assess, response: s.Rating }, (p, r) =>
    rating.managerAssess(ctx, p, r.params.id, r.body),
  );
  route('POST', '/ratings/:id/decide', 'Quyết định xếp loại', { params: id, body: s.VersionOnly, response: s.Rating }, (p, r) =>
    rating.decideRating(ctx, p, r.params.id, r.body),
  );

  // emulation
  route('GET', '/emulation-campaigns', 'Phong trào thi đua', { response: s.EmulationList }, (p) => emulation.listCampaigns(ctx, p));
  route('GET', '/emulation-campaigns/:id/scores', 'Điểm thi đua', { params: id, querystring: s.YearQuery, response: s.EmulationScores }, (p, r) =>
    emulation.campaignScores(ctx, p, r.params.id, r.query.year),
  );
  route('POST', '/emulation-campaigns/:id/scores', 'Chấm điểm thi đua', { params: id, body: s.RecordScore, response: s.ScoreRecorded, status: 201 }, (p, r) =>
    emulation.recordScore(ctx, p, r.params.id, r.body),
  );
}
