/**
 * SMS text and numbers. Vietnamese letters with diacritics are not in the GSM 03.38 alphabet, so a
 * message with them goes out in UCS-2: 70 characters in one SMS, 67 per part of a long one. Without
 * diacritics it fits GSM-7: 160 in one SMS, 153 per part (`[]{}\^~|€` take two places). Many
 * Vietnamese gateways (brand-name SMS) accept only unaccented text, so stripping is the default
 * (SMS_STRIP_DIACRITICS=1). A message is cut to at most MAX_SMS_PARTS parts: 459 places without
 * diacritics, 201 with them.
 */
export const MAX_SMS_PARTS = 3;

const GSM7_BASIC = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENSION = '^{}\\[~]|€\f';
const TYPOGRAPHIC: Record<string, string> = { '–': '-', '—': '-', '‘': "'", '’': "'", '“': '"', '”': '"', '…': '...', '\u00a0': ' ' };

/** A message that can never be delivered as it is (bad number, address refused): no retry. */
export class PermanentDeliveryError extends Error {
  override name = 'PermanentDeliveryError';
}

/** Vietnamese without diacritics, printable ASCII only: NFD, drop combining marks, đ→d, Đ→D. */
export function stripVietnameseDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[–—‘’“”…\u00a0]/g, (c) => TYPOGRAPHIC[c] ?? c)
    .replace(/[^\x20-\x7e\n]/g, '?');
}

const GSM7_ONLY = new RegExp(`^[${(GSM7_BASIC + GSM7_EXTENSION).replace(/[\\\]^-]/g, '\\$&')}]*$`, 'u');
/** Places a piece of text takes: GSM-7 septets (extension characters count two) or UCS-2 units. */
const width = (text: string, gsm: boolean): number => (gsm ? text.length + (text.match(/[\^{}\\[~\]|€\f]/g)?.length ?? 0) : text.length);
const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });

/** The text to send: NFC, one line of whitespace, unaccented unless told otherwise, cut to the SMS limit. */
export function smsText(text: string, opts: { stripDiacritics: boolean }): string {
  let out = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (opts.stripDiacritics) out = stripVietnameseDiacritics(out);
  const gsm = GSM7_ONLY.test(out);
  const total = width(out, gsm);
  if (total <= (gsm ? 160 : 70) || total <= MAX_SMS_PARTS * (gsm ? 153 : 67)) return out;
  const ellipsis = gsm ? '...' : '…';
  const budget = MAX_SMS_PARTS * (gsm ? 153 : 67) - ellipsis.length;
  let used = 0;
  let cut = '';
  // whole graphemes only: never half of a surrogate pair or of a letter with its marks
  for (const { segment } of graphemes.segment(out)) {
    if (used + width(segment, gsm) > budget) break;
    used += width(segment, gsm);
    cut += segment;
  }
  const space = cut.lastIndexOf(' ');
  return (space > cut.length - 20 ? cut.slice(0, space) : cut).trimEnd() + ellipsis;
}

/**
 * A Vietnamese number in +84 form: 0987 654 321, 84987654321, 0084…, +84… → +84987654321.
 * Other international numbers (+<country>…) pass unchanged; anything else is refused for good.
 */
export function toVnE164(phone: string): string {
  const p = phone.normalize('NFC').replace(/[\s.\-()]/g, '');
  const national =
    /^\+84(\d+)$/.exec(p)?.[1] ?? /^0084(\d+)$/.exec(p)?.[1] ?? /^84(\d{9,10})$/.exec(p)?.[1] ?? /^0(\d+)$/.exec(p)?.[1] ?? /^([1-9]\d{8})$/.exec(p)?.[1];
  if (national && /^[1-9]\d{8,9}$/.test(national)) return `+84${national}`;
  if (!national && /^\+[1-9]\d{7,14}$/.test(p)) return p;
  throw new PermanentDeliveryError(`số điện thoại không hợp lệ / invalid phone number: ${phone}`);
}
