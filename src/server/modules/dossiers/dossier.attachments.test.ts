/**
 * Staff open what citizens upload (issue 12 §3): the file of a dossier's document, for whoever may
 * read the dossier (404 for anyone else), inline with its real type and its Vietnamese name, each
 * staff opening in the access log.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentDisposition } from '../../platform/security-headers.js';
import { type Harness, startHarness, uid } from '../../test/harness.js';
import { intakeBody, makeWorld, receive, type World } from './dossiers.test-support.js';

let h: Harness;
let w: World;
beforeAll(async () => {
  h = await startHarness({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'congvu-attach-')) });
  w = await makeWorld(h);
}, 120_000);
afterAll(() => h.close());

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

interface Doc {
  id: string;
  name: string;
  hasFile: boolean;
}

/** A citizen's online dossier: the form as a PDF, the ID card as a PNG. */
async function submitted(): Promise<{ code: string; docs: Doc[]; pdf: Buffer }> {
  const pdf = Buffer.from(`%PDF-1.7\n% tờ khai ${uid(8)}\n`);
  const documents = [
    { procedureDocumentId: w.docs[0].id, attachment: { fileName: 'to-khai.pdf', contentBase64: pdf.toString('base64') } },
    { procedureDocumentId: w.docs[1].id, attachment: { fileName: 'cccd.png', contentBase64: PNG.toString('base64') } },
  ];
  const res = await w.citizen.request({ method: 'POST', url: '/api/v1/dossiers', payload: intakeBody(w, { channel: 'online', extra: { documents } }) });
  expect(res.statusCode, res.body).toBe(201);
  const code = res.json().code as string;
  const detail = (await w.citizen.request({ method: 'GET', url: `/api/v1/dossiers/${code}` })).json();
  return { code, docs: detail.documents as Doc[], pdf };
}
const fileUrl = (code: string, id: string) => `/api/v1/dossiers/${code}/documents/${id}/file`;

describe('opening an attachment', () => {
  it('serves the file inline with its type and Vietnamese name to the staff who may read the dossier, and logs each opening', async () => {
    const { code, docs, pdf } = await submitted();
    const form = docs.find((d) => d.name === w.docs[0].name)!;
    const card = docs.find((d) => d.name === w.docs[1].name)!;
    const res = await w.leader.request({ method: 'GET', url: fileUrl(code, form.id) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload).toEqual(pdf);
    expect(res.headers['content-disposition']).toBe(contentDisposition('inline', `${w.docs[0].name}.pdf`));
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`${w.docs[0].name}.pdf`)}`);
    expect(res.headers['cache-control']).toBe('private, no-store');
    // the file headers, not the API's: Chrome's PDF viewer is blocked by default-src 'none'
    expect(res.headers['content-security-policy']).toBe("frame-ancestors 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');

    const image = await w.officer.request({ method: 'GET', url: fileUrl(code, card.id) });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['content-disposition']).toMatch(/^inline; filename="Ban chup Can cuoc cong dan\.png"; filename\*=UTF-8''/);

    const log = (await w.leader.request({ method: 'GET', url: `/api/v1/dossiers/${code}/access-log` })).json().items as { purpose: string }[];
    expect(log.map((l) => l.purpose).filter((p) => p.startsWith('Mở tệp'))).toEqual([`Mở tệp đính kèm: ${card.name}`, `Mở tệp đính kèm: ${form.name}`]);
  });

  it('the applicant opens their own files (not logged as a staff read); anyone else gets 404', async () => {
    const { code, docs } = await submitted();
    expect((await w.citizen.request({ method: 'GET', url: fileUrl(code, docs[0].id) })).statusCode).toBe(200);
    expect((await w.outsider.request({ method: 'GET', url: fileUrl(code, docs[0].id) })).statusCode).toBe(404);
    expect((await h.app.inject({ method: 'GET', url: fileUrl(code, docs[0].id) })).statusCode).toBe(401);
    const log = (await w.leader.request({ method: 'GET', url: `/api/v1/dossiers/${code}/access-log` })).json().items as { purpose: string }[];
    expect(log.filter((l) => l.purpose.startsWith('Mở tệp'))).toEqual([]);
  });

  it('a document of another dossier, one without a file, or a malformed id answers 404 / 400', async () => {
    const a = await submitted();
    const b = await submitted();
    expect((await w.leader.request({ method: 'GET', url: fileUrl(a.code, b.docs[0].id) })).statusCode).toBe(404);
    const paper = await receive(h, w);
    const paperDocs = (await w.counter.request({ method: 'GET', url: `/api/v1/dossiers/${paper}` })).json().documents as Doc[];
    expect(paperDocs[0].hasFile).toBe(false);
    const none = await w.counter.request({ method: 'GET', url: fileUrl(paper, paperDocs[0].id) });
    expect(none.statusCode).toBe(404);
    expect(none.headers['content-type']).toContain('application/problem+json');
    expect((await w.counter.request({ method: 'GET', url: fileUrl(paper, 'not-a-uuid') })).statusCode).toBe(400);
  });
});

describe('contentDisposition', () => {
  it('keeps an ASCII name as is and gives any other an ASCII fallback and its UTF-8 name', () => {
    expect(contentDisposition('inline', 'receipt-1.pdf')).toBe('inline; filename="receipt-1.pdf"');
    expect(contentDisposition('inline', 'Tờ khai (bản chính)\'s "đẹp".pdf')).toBe(
      `inline; filename="To khai (ban chinh)'s _dep_.pdf"; filename*=UTF-8''T%E1%BB%9D%20khai%20%28b%E1%BA%A3n%20ch%C3%ADnh%29%27s%20_%C4%91%E1%BA%B9p_.pdf`,
    );
  });
});
