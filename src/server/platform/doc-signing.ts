/**
 * Verification codes for printed documents (receipts, notices, control sheets).
 *
 * Token = base64url(payload) "." base64url(HMAC-SHA256(key, domain ‖ payload))[0..16 bytes]
 * payload = "1|<form>|<dossierCode>|<issuedAt base36 s>|<dueAt base36 s or empty>|<ref>"
 *
 * The key is derived from the application secret for this one purpose, so a token can never be
 * confused with a cookie signature. 128 bits of MAC are kept: short enough for a QR code, far out
 * of reach of guessing. Tokens do not expire: a paper receipt stays verifiable for as long as the
 * archive keeps the dossier. Key rotation: pass the new and the old secrets to `verifyDocumentToken`.
 *
 * QR link: `${publicBaseUrl}/tra-cuu/${dossierCode}?v=${token}` (the public lookup page), which
 * calls `GET /api/v1/public/documents/verify?token=` → `verifyDocumentToken`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const DOCUMENT_KINDS = ['receipt', 'supplement', 'refusal', 'apology', 'control-sheet', 'tracking-book'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Form numbers of Circular 01/2018/TT-VPCP, used as the compact kind code in tokens. */
export const FORM_NUMBER_BY_KIND: Record<DocumentKind, string> = {
  receipt: '01',
  supplement: '02',
  refusal: '03',
  apology: '04',
  'control-sheet': '05',
  'tracking-book': '06',
};

export interface DocumentClaims {
  kind: DocumentKind;
  /** Mã hồ sơ, e.g. "000.00.27.H59-261127-0001". */
  dossierCode: string;
  /** When the document was issued (second precision is kept). */
  issuedAt: Date;
  /** The date the document promises (appointment date of 01, new date of 04), so an altered paper shows. */
  dueAt?: Date;
  /** Document number or serial ("12/PXL-TTPVHCC"), at most 40 characters. */
  ref?: string;
}

const TOKEN_VERSION = '1';
const MAC_BYTES = 16;
const MAX_TOKEN_LENGTH = 400;
const DOSSIER_CODE = /^[A-Za-z0-9][A-Za-z0-9.\-_]{0,63}$/;
const REF = /^[^|\r\n]{1,40}$/;
const BASE36 = /^[0-9a-z]{1,12}$/;
const B64URL = /^[A-Za-z0-9_-]+$/;
const KIND_BY_FORM_NUMBER = new Map(Object.entries(FORM_NUMBER_BY_KIND).map(([kind, no]) => [no, kind as DocumentKind]));

function deriveKey(secret: string): Buffer {
  if (!secret) throw new Error('document signing secret is empty');
  return createHmac('sha256', secret).update('congvu/document-signing/v1').digest();
}

function mac(secret: string, encodedPayload: string): string {
  return createHmac('sha256', deriveKey(secret))
    .update(`congvu.doc.${TOKEN_VERSION}.`)
    .update(encodedPayload)
    .digest()
    .subarray(0, MAC_BYTES)
    .toString('base64url');
}

function toBase36Seconds(date: Date): string {
  const ms = date.getTime();
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError('document dates must be valid and after 1970');
  return Math.floor(ms / 1000).toString(36);
}

/** Signs the claims of a printed document and returns a compact, URL-safe token. */
export function signDocument(secret: string, claims: DocumentClaims): string {
  const form = FORM_NUMBER_BY_KIND[claims.kind];
  if (!form) throw new RangeError(`unknown document kind: ${String(claims.kind)}`);
  if (!DOSSIER_CODE.test(claims.dossierCode)) throw new RangeError(`invalid dossier code: ${claims.dossierCode}`);
  const ref = claims.ref?.normalize('NFC') ?? '';
  if (ref && !REF.test(ref)) throw new RangeError('document ref must be 1–40 characters without "|" or line breaks');
  const fields = [TOKEN_VERSION, form, claims.dossierCode, toBase36Seconds(claims.issuedAt), claims.dueAt ? toBase36Seconds(claims.dueAt) : '', ref];
  const encoded = Buffer.from(fields.join('|'), 'utf8').toString('base64url');
  return `${encoded}.${mac(secret, encoded)}`;
}

function parsePayload(encoded: string): DocumentClaims | null {
  const text = Buffer.from(encoded, 'base64url').toString('utf8');
  const fields = text.split('|');
  if (fields.length !== 6) return null;
  const [version, form, dossierCode, issued, due, ref] = fields;
  if (version !== TOKEN_VERSION) return null;
  const kind = KIND_BY_FORM_NUMBER.get(form);
  if (!kind || !DOSSIER_CODE.test(dossierCode) || !BASE36.test(issued)) return null;
  if (due && !BASE36.test(due)) return null;
  if (ref && !REF.test(ref)) return null;
  const claims: DocumentClaims = { kind, dossierCode, issuedAt: new Date(parseInt(issued, 36) * 1000) };
  if (due) claims.dueAt = new Date(parseInt(due, 36) * 1000);
  if (ref) claims.ref = ref;
  return claims;
}

/**
 * The claims of a genuine token, or null for anything forged, altered, truncated or malformed.
 * `secret` may be a list (current secret first) to keep old papers verifiable after a rotation.
 */
export function verifyDocumentToken(secret: string | readonly string[], token: string): DocumentClaims | null {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return null;
  const dot = token.indexOf('.');
  if (dot <= 0 || dot !== token.lastIndexOf('.')) return null;
  const encoded = token.slice(0, dot);
  const signature = token.slice(dot + 1);
  if (!B64URL.test(encoded) || !B64URL.test(signature)) return null;
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== MAC_BYTES || given.toString('base64url') !== signature) return null;
  const secrets = typeof secret === 'string' ? [secret] : secret;
  const isGenuine = secrets.some((s) => timingSafeEqual(Buffer.from(mac(s, encoded), 'base64url'), given));
  return isGenuine ? parsePayload(encoded) : null;
}

/** The link printed as QR: the public lookup page of the dossier, carrying the verification token. */
export function documentVerifyUrl(publicBaseUrl: string, dossierCode: string, token: string): string {
  const base = publicBaseUrl.replace(/\/+$/, '');
  return `${base}/tra-cuu/${encodeURIComponent(dossierCode)}?v=${encodeURIComponent(token)}`;
}

/** Signs the claims and returns both the token and the QR link in one call. */
export function signedDocumentUrl(secret: string, publicBaseUrl: string, claims: DocumentClaims): { token: string; url: string } {
  const token = signDocument(secret, claims);
  return { token, url: documentVerifyUrl(publicBaseUrl, claims.dossierCode, token) };
}
