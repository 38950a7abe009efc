import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import type { AppContext } from '../../context.js';
import * as s from './calendar.schemas.js';
import * as service from './calendar.service.js';

const tags = ['calendar'];
/** Public, unauthenticated reads: rate-limited per client. */
const publicRead = { rateLimit: { max: 300, timeWindow: '1 minute' } };

export async function calendarRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  app.get<{ Querystring: Static<typeof s.LunarQuery> }>(
    '/api/v1/calendar/lunar',
    {
      config: publicRead,
      schema: { tags, summary: 'Dương lịch → Âm lịch / Solar to lunar date', querystring: s.LunarQuery, response: { 200: s.LunarResponse } },
    },
    async (req) => service.lunarOf(req.query.date),
  );
  app.get<{ Querystring: Static<typeof s.SolarQuery> }>(
    '/api/v1/calendar/solar',
    {
      config: publicRead,
      schema: { tags, summary: 'Âm lịch → Dương lịch / Lunar to solar date', querystring: s.SolarQuery, response: { 200: s.SolarResponse } },
    },
    async (req) => service.solarOf(req.query),
  );
  app.get<{ Querystring: Static<typeof s.YearQuery> }>(
    '/api/v1/calendar/holidays',
    {
      config: publicRead,
      schema: {
        tags,
        summary: 'Ngày nghỉ và ngày làm bù trong năm / Days off and weekend working days',
        querystring: s.YearQuery,
        response: { 200: s.HolidaysResponse },
      },
    },
    (req) => service.holidays(ctx, req.query.year, req.query),
  );
  app.get<{ Querystring: Static<typeof s.YearQuery> }>(
    '/api/v1/calendar/holidays.ics',
    {
      config: publicRead,
      schema: { tags, summary: 'Ngày nghỉ (iCalendar, RFC 5545) / Days off as an iCalendar feed', querystring: s.YearQuery, produces: ['text/calendar'] },
    },
    async (req, reply) =>
      reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `inline; filename="ngay-nghi-${req.query.year}.ics"`)
        .send(await service.holidaysFeed(ctx, req.query.year, req.query)),
  );
  app.get<{ Querystring: Static<typeof s.MonthQuery> }>(
    '/api/v1/calendar/month',
    {
      config: publicRead,
      schema: { tags, summary: 'Lịch tháng (dương và âm) / Month view with lunar dates', querystring: s.MonthQuery, response: { 200: s.MonthResponse } },
    },
    (req) => service.month(ctx, req.query.year, req.query.month, req.query),
  );
  app.get<{ Querystring: Static<typeof s.DeadlineQuery> }>(
    '/api/v1/calendar/deadline',
    { config: publicRead, schema: { tags, summary: 'Tính hạn / Compute a due time', querystring: s.DeadlineQuery, response: { 200: s.DeadlineResponse } } },
    (req) => service.deadline(ctx, req.query),
  );
  app.get<{ Params: Static<typeof s.YearParams>; Querystring: Static<typeof s.ProvinceQuery> }>(
    '/api/v1/calendar/years/:year',
    {
      config: publicRead,
      schema: {
        tags,
        summary: 'Lịch năm: trạng thái, điều chỉnh / A year with its overrides',
        params: s.YearParams,
        querystring: s.ProvinceQuery,
        response: { 200: s.YearDetail },
      },
    },
    (req) => service.yearDetail(ctx, req.params.year, req.query),
  );

  app.post<{ Body: Static<typeof s.CreateOverride> }>(
    '/api/v1/calendar/overrides',
    { schema: { tags, summary: 'Thêm ngày nghỉ hoặc ngày làm bù / Add an override', body: s.CreateOverride, response: { 201: s.Override } } },
    async (req, reply) => reply.code(201).send(await service.addOverride(ctx, req.principal, req.body)),
  );
  app.delete<{ Params: Static<typeof s.OverrideParams> }>(
    '/api/v1/calendar/overrides/:id',
    { schema: { tags, summary: 'Gỡ điều chỉnh / Remove an override', params: s.OverrideParams } },
    async (req, reply) => {
      await service.removeOverride(ctx, req.principal, Number(req.params.id));
      return reply.code(204).send();
    },
  );
  app.post<{ Params: Static<typeof s.YearParams>; Body: Static<typeof s.ConfirmYear> }>(
    '/api/v1/calendar/years/:year/confirm',
    {
      schema: {
        tags,
        summary: 'Xác nhận lịch năm là chính thức / Confirm a year as official',
        params: s.YearParams,
        body: s.ConfirmYear,
        response: { 200: s.YearDetail },
      },
    },
    (req) => service.confirmYear(ctx, req.principal, req.params.year, req.body),
  );

  // A province's local days off: its administrator only; they apply to its deadlines only.
  app.post<{ Params: Static<typeof s.ProvinceParams>; Body: Static<typeof s.CreateLocalDayOff> }>(
    '/api/v1/calendar/provinces/:province/days-off',
    {
      schema: {
        tags,
        summary: 'Thêm ngày nghỉ riêng của tỉnh / Add a local day off',
        params: s.ProvinceParams,
        body: s.CreateLocalDayOff,
        response: { 201: s.Override },
      },
    },
    async (req, reply) => reply.code(201).send(await service.addLocalDayOff(ctx, req.principal, req.params.province, req.body)),
  );
  app.delete<{ Params: Static<typeof s.LocalDayParams> }>(
    '/api/v1/calendar/provinces/:province/days-off/:id',
    { schema: { tags, summary: 'Gỡ ngày nghỉ riêng của tỉnh / Remove a local day off', params: s.LocalDayParams } },
    async (req, reply) => {
      await service.removeLocalDayOff(ctx, req.principal, req.params.province, Number(req.params.id));
      return reply.code(204).send();
    },
  );
}
