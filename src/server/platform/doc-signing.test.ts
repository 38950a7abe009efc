import { describe, expect, it } from 'vitest';
import { documentVerifyUrl, signDocument, signedDocumentUrl, verifyDocumentToken, type DocumentClaims } from './doc-signing.js';

const SECRET = 'test-secret-for-documents';
const CLAIMS: DocumentClaims = {
  kind: 'receipt',
  dossierCode: '000.00.27.H59-261127-0001',
  issuedAt: new Date('2026-11-27T01:37:00Z'),
  dueAt: new Date('2026-12-02T09:30:00Z'),
  ref: '1234/2026',
};

function flipChar(text: string, index: number): string {
  const c = text[index];
  return text.slice(0, index) + (c === 'A' ? 'B' : 'A') + text.slice(index + 1);
}

describe('document signing', () => {
  it('round-trips the claims in a compact URL-safe token', () => {
    const token = signDocument(SECRET, CLAIMS);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(token.length).toBeLessThan(110);
    expect(verifyDocumentToken(SECRET, token)).toEqual(CLAIMS);
    const minimal = signDocument(SECRET, { kind: 'control-sheet', dossierCode: 'ABC-1', issuedAt: new Date(0) });
    expect(verifyDocumentToken(SECRET, minimal)).toEqual({ kind: 'control-sheet', dossierCode: 'ABC-1', issuedAt: new Date(0) });
  });

  it('truncates issue times to the second', () => {
    const token = signDocument(SECRET, { ...CLAIMS, issuedAt: new Date('2026-11-27T01:37:00.987Z') });
    expect(verifyDocumentToken(SECRET, token)?.issuedAt.toISOString()).toBe('2026-11-27T01:37:00.000Z');
  });

  it('refuses forged, altered and malformed tokens', () => {
    const token = signDocument(SECRET, CLAIMS);
    const [payload, mac] = token.split('.');
    expect(verifyDocumentToken('another-secret', token)).toBeNull();
    // alter the payload: another dossier code / later appointment date, keeping the old MAC
    const altered = Buffer.from(Buffer.from(payload, 'base64url').toString('utf8').replace('0001', '0002'), 'utf8').toString('base64url');
    expect(verifyDocumentToken(SECRET, `${altered}.${mac}`)).toBeNull();
    expect(verifyDocumentToken(SECRET, `${flipChar(payload, 3)}.${mac}`)).toBeNull();
    expect(verifyDocumentToken(SECRET, `${payload}.${flipChar(mac, 5)}`)).toBeNull();
    expect(verifyDocumentToken(SECRET, `${payload}.${mac.slice(0, -1)}`)).toBeNull();
    // a token made with the same format but without the secret
    const forgedMac = Buffer.alloc(16, 7).toString('base64url');
    expect(verifyDocumentToken(SECRET, `${payload}.${forgedMac}`)).toBeNull();
    for (const junk of ['', '.', payload, `${token}.x`, `${payload}.${mac}=`, 'a'.repeat(5000), `é.${mac}`]) {
      expect(verifyDocumentToken(SECRET, junk)).toBeNull();
    }
  });

  it('still verifies old papers after a secret rotation', () => {
    const token = signDocument('old-secret', CLAIMS);
    expect(verifyDocumentToken(['new-secret', 'old-secret'], token)).toEqual(CLAIMS);
    expect(verifyDocumentToken(['new-secret'], token)).toBeNull();
  });

  it('validates what it signs', () => {
    expect(() => signDocument(SECRET, { ...CLAIMS, dossierCode: '../etc' })).toThrow(RangeError);
    expect(() => signDocument(SECRET, { ...CLAIMS, ref: 'a|b' })).toThrow(RangeError);
    expect(() => signDocument('', CLAIMS)).toThrow();
  });

  it('builds the QR link of the public lookup page', () => {
    const { token, url } = signedDocumentUrl(SECRET, 'https://dichvucong.tuyenquang.gov.vn/', CLAIMS);
    expect(url).toBe(`https://dichvucong.tuyenquang.gov.vn/tra-cuu/000.00.27.H59-261127-0001?v=${token}`);
    expect(documentVerifyUrl('http://localhost:8080', 'X-1', 'ab.cd')).toBe('http://localhost:8080/tra-cuu/X-1?v=ab.cd');
    const v = new URL(url).searchParams.get('v');
    expect(v && verifyDocumentToken(SECRET, v)).toEqual(CLAIMS);
  });
});
