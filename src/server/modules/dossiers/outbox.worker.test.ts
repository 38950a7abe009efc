/**
 * Delivery of the notification outbox against real network peers started here: an SMTP server
 * (smtp-server) and an HTTP SMS gateway (node:http), both on 127.0.0.1. Nothing else is mocked.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { type Harness, startHarness } from '../../test/harness.js';
import * as repo from './dossiers.repo.js';
import { writeSideEffects } from './dossiers.service.js';
import { type World, makeWorld, receive } from './dossiers.test-support.js';
import { buildChannels, type NotificationChannels } from './notify.channels.js';
import { smsText, stripVietnameseDiacritics, toVnE164 } from './notify.sms-text.js';
import { deliverOutbox } from './outbox.worker.js';

interface Mail {
  user: string | undefined;
  to: string[];
  raw: string;
}
interface SmsRequest {
  authorization: string | undefined;
  body: { to: string; text: string; ref: string };
}

const mails: Mail[] = [];
const smsRequests: SmsRequest[] = [];
let gatewayStatus = 200;
let smtp: SMTPServer;
let gateway: Server;
let h: Harness;
let w: World;
let channels: NotificationChannels;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth: (auth, _session, cb) => cb(null, { user: auth.username }),
    onData: (stream, session, cb) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          user: typeof session.user === 'string' ? session.user : undefined,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        cb();
      });
    },
  });
  smtp.listen(0, '127.0.0.1');
  await once(smtp.server, 'listening');
  gateway = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      smsRequests.push({ authorization: req.headers.authorization, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as SmsRequest['body'] });
      res.writeHead(gatewayStatus, { 'content-type': 'application/json' });
      res.end(gatewayStatus === 200 ? JSON.stringify({ id: `gw-${smsRequests.length}` }) : '{"error":"upstream down"}');
    });
  });
  gateway.listen(0, '127.0.0.1');
  await once(gateway, 'listening');
  const env = {
    NODE_ENV: 'test',
    SMTP_URL: `smtp://congvu:mat-khau@127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    SMS_GATEWAY_URL: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms`,
    SMS_GATEWAY_TOKEN: 'tok-bi-mat',
    NOTIFY_MAX_ATTEMPTS: '3',
  };
  h = await startHarness({ notify: loadConfig(env).notify });
  w = await makeWorld(h);
  channels = buildChannels(h.config.notify);
}, 60_000);

afterAll(async () => {
  channels?.email?.close?.();
  await h?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await new Promise<void>((resolve) => gateway.close(() => resolve()));
});

// ── helpers ─────────────────────────────────────────────────────────────────────────────────
interface OutboxRow {
  id: string;
  channel: string;
  status: string;
  attempts: number;
  last_error: string | null;
  provider_id: string | null;
  next_attempt_at: string | Date;
}
const rowsOf = (dossierId: string) =>
  h.database.rows<OutboxRow>(
    sql`select id, channel, status, attempts, last_error, provider_id, next_attempt_at from notification_outbox where dossier_id = ${dossierId} order by channel`,
  );
async function receiveDossier(): Promise<{ code: string; id: string }> {
  const code = await receive(h, w);
  const [{ id }] = await h.database.rows<{ id: string }>(sql`select id from dossier where code = ${code}`);
  return { code, id };
}
const tick = (dossierIds: string[], now?: Date) => deliverOutbox(h.ctx.db, channels, { dossierIds, now, maxAttempts: h.config.notify.maxAttempts });

/** RFC 2047 encoded words (B and Q), decoded independently of nodemailer. */
function decodeWords(value: string): string {
  return value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
    enc.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          'latin1',
        ).toString('utf8'),
  );
}
function header(raw: string, name: string): string {
  const head = raw.split(/\r\n\r\n/)[0].replace(/\r\n[ \t]+/g, ' ');
  return new RegExp(`^${name}: (.*)$`, 'im').exec(head)?.[1] ?? '';
}
/** The text body, quoted-printable decoded as UTF-8. */
function bodyOf(raw: string): string {
  const body = raw.slice(raw.indexOf('\r\n\r\n') + 4);
  if (!/quoted-printable/i.test(header(raw, 'Content-Transfer-Encoding'))) return body;
  return Buffer.from(
    body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}

// ── the tests ───────────────────────────────────────────────────────────────────────────────
describe('outbox rows are written in the transaction of the step', () => {
  it('a rolled-back step leaves no row; a committed one leaves one per channel', async () => {
    const { code, id } = await receiveDossier();
    const step = (subject: string, fail: boolean) =>
      h.ctx.db.transaction(async (tx) => {
        const d = await repo.findDossierByCode(tx, code);
        if (!d) throw new Error('no dossier');
        await writeSideEffects(tx, d, {
          action: 'test-step',
          fromStatus: d.status,
          principal: null,
          plan: { applicantSubject: subject },
          auditAgency: w.desk.code,
          now: new Date(),
        });
        if (fail) throw new Error('the step fails after writing its side effects');
      });
    await expect(step('Bước bị hoàn tác', true)).rejects.toThrow('the step fails');
    await step('Bước đã ghi', false);
    const rows = await h.database.rows<{ subject: string; channel: string }>(
      sql`select subject, channel from notification_outbox where dossier_id = ${id} and subject like 'Bước%' order by channel`,
    );
    expect(rows).toEqual([
      { subject: 'Bước đã ghi', channel: 'email' },
      { subject: 'Bước đã ghi', channel: 'sms' },
    ]);
  });
});

describe('delivery through SMTP and the SMS gateway', () => {
  it('e-mail keeps its Vietnamese subject and body; SMS goes with the bearer token, +84 number and unaccented text', async () => {
    gatewayStatus = 200;
    const { code, id } = await receiveDossier();
    const before = await rowsOf(id);
    expect(before.map((r) => [r.channel, r.status])).toEqual([
      ['email', 'pending'],
      ['sms', 'pending'],
    ]);
    expect(await tick([id])).toBe(2);

    const mail = mails.find((m) => header(m.raw, 'Message-ID') === `<${before[0].id}@congvu.local>`);
    expect(mail).toBeDefined();
    expect(mail!.user).toBe('congvu');
    expect(mail!.to).toEqual(['nhung@example.vn']);
    expect(header(mail!.raw, 'Subject')).not.toContain('Giấy'); // encoded on the wire (RFC 2047)
    expect(decodeWords(header(mail!.raw, 'Subject'))).toBe('Giấy tiếp nhận hồ sơ');
    expect(decodeWords(header(mail!.raw, 'From'))).toBe('Công Vụ <no-reply@congvu.local>');
    expect(header(mail!.raw, 'Content-Type')).toMatch(/charset=utf-8/i);
    const text = bodyOf(mail!.raw);
    expect(text).toContain(`Hồ sơ ${code} đã được tiếp nhận.`);
    expect(text).toBe(text.normalize('NFC'));

    const sms = smsRequests.filter((r) => r.body.ref === before[1].id);
    expect(sms).toHaveLength(1);
    expect(sms[0].authorization).toBe('Bearer tok-bi-mat');
    expect(sms[0].body.to).toBe('+84987654321');
    expect(sms[0].body.text).toMatch(new RegExp(`^Ho so ${code} da duoc tiep nhan\\. Hen tra ket qua: `));
    expect(sms[0].body.text).toMatch(/^[\x20-\x7e]+$/);

    const after = await rowsOf(id);
    expect(after.map((r) => [r.channel, r.status, r.attempts, r.last_error])).toEqual([
      ['email', 'sent', 1, null],
      ['sms', 'sent', 1, null],
    ]);
    expect(after[0].provider_id).toBe(`<${before[0].id}@congvu.local>`);
    expect(after[1].provider_id).toMatch(/^gw-\d+$/);
    expect(await tick([id])).toBe(0); // nothing is sent twice
  });

  it('a gateway 500 is retried after a backoff and marked failed after NOTIFY_MAX_ATTEMPTS', async () => {
    gatewayStatus = 500;
    const { id } = await receiveDossier();
    const smsId = (await rowsOf(id)).find((r) => r.channel === 'sms')!.id;
    let now = new Date();
    await tick([id], now);
    let sms = (await rowsOf(id)).find((r) => r.channel === 'sms')!;
    expect(sms).toMatchObject({ status: 'pending', attempts: 1, last_error: expect.stringContaining('HTTP 500') });
    expect(new Date(sms.next_attempt_at).getTime()).toBeGreaterThan(now.getTime());
    expect(await tick([id], now)).toBe(0); // not before the backoff is over
    for (const attempt of [2, 3]) {
      now = new Date(new Date(sms.next_attempt_at).getTime() + 1000);
      expect(await tick([id], now)).toBe(1);
      sms = (await rowsOf(id)).find((r) => r.channel === 'sms')!;
      expect(sms).toMatchObject({ status: attempt < 3 ? 'pending' : 'failed', attempts: attempt });
    }
    expect(await tick([id], new Date(now.getTime() + 86_400_000))).toBe(0);
    expect(smsRequests.filter((r) => r.body.ref === smsId)).toHaveLength(3);
    expect((await rowsOf(id)).find((r) => r.channel === 'email')!.status).toBe('sent'); // the e-mail went on the first tick
    gatewayStatus = 200;
  });

  it('two concurrent poller ticks send each message once', async () => {
    gatewayStatus = 200;
    const ids = [(await receiveDossier()).id, (await receiveDossier()).id, (await receiveDossier()).id];
    const refs = (await Promise.all(ids.map(rowsOf))).flat().map((r) => r.id);
    const claimed = await Promise.all([tick(ids), tick(ids), tick(ids)]);
    expect(claimed.reduce((a, b) => a + b, 0)).toBe(refs.length);
    for (const ref of refs) {
      const sent = mails.filter((m) => header(m.raw, 'Message-ID') === `<${ref}@congvu.local>`).length + smsRequests.filter((r) => r.body.ref === ref).length;
      expect(sent, ref).toBe(1);
    }
    const rows = (await Promise.all(ids.map(rowsOf))).flat();
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('a row left sending by a server that died is taken again once its lease has expired', async () => {
    const { id } = await receiveDossier();
    await h.database.rows(
      sql`update notification_outbox set status = 'sending', attempts = 1, next_attempt_at = now() + interval '15 minutes' where dossier_id = ${id}`,
    );
    expect(await tick([id])).toBe(0);
    expect(await tick([id], new Date(Date.now() + 16 * 60_000))).toBe(2);
    expect((await rowsOf(id)).map((r) => [r.status, r.attempts])).toEqual([
      ['sent', 2],
      ['sent', 2],
    ]);
  });
});

describe('SMS text and numbers', () => {
  it('strips Vietnamese diacritics with NFD, combining marks removed and đ → d', () => {
    expect(stripVietnameseDiacritics('Đơn đề nghị cấp Phiếu lý lịch tư pháp – “Nguyễn Thị Hồng Nhung”')).toBe(
      'Don de nghi cap Phieu ly lich tu phap - "Nguyen Thi Hong Nhung"',
    );
    expect(stripVietnameseDiacritics('Hồ sơ'.normalize('NFD'))).toBe('Ho so');
  });

  it('cuts to three parts: 459 GSM-7 places unaccented, 201 UCS-2 places with diacritics', () => {
    const long = 'Hồ sơ đã được tiếp nhận và đang được giải quyết theo quy định. '.repeat(20);
    const plain = smsText(long, { stripDiacritics: true });
    expect(plain.length).toBeLessThanOrEqual(459);
    expect(plain.length).toBeGreaterThan(430);
    expect(plain.endsWith('...')).toBe(true);
    const accented = smsText(long, { stripDiacritics: false });
    expect(accented.length).toBeLessThanOrEqual(201);
    expect(accented.endsWith('…')).toBe(true);
    expect(accented).toBe(accented.normalize('NFC'));
    expect(smsText('  Hồ sơ\n  đã nhận ', { stripDiacritics: true })).toBe('Ho so da nhan');
  });

  it('puts Vietnamese numbers in +84 form and refuses what is not a number', () => {
    for (const p of ['0987654321', '0987 654 321', '84987654321', '+84 987-654-321', '0084987654321', '987654321']) expect(toVnE164(p)).toBe('+84987654321');
    expect(toVnE164('024 3825 1234')).toBe('+842438251234');
    expect(toVnE164('+33 6 12 34 56 78')).toBe('+33612345678');
    expect(() => toVnE164('12345')).toThrow(/invalid phone/);
    expect(() => toVnE164('09876543')).toThrow(/invalid phone/);
  });
});
