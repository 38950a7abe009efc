/**
 * PDF helpers for tests, in JavaScript only (pdf.js reads the file, jsQR decodes the QR image), so
 * `npm test` needs nothing but Node: text of a document, its pages and size, the QR codes on page 1.
 */
import { getDocument, ImageKind, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import jsQR from 'jsqr';

async function openPdf(pdf: Uint8Array): Promise<PDFDocumentProxy> {
  // pdf.js takes ownership of (and detaches) the buffer it is given: hand it a copy.
  return getDocument({ data: new Uint8Array(pdf), isOffscreenCanvasSupported: false, isImageDecoderSupported: false, useSystemFonts: false, verbosity: 0 })
    .promise;
}

async function pageText(page: PDFPageProxy): Promise<string> {
  const content = await page.getTextContent();
  let text = '';
  for (const item of content.items) {
    if (!('str' in item)) continue;
    text += item.str;
    if (item.hasEOL) text += '\n';
  }
  return text;
}

/** Text of every page with whitespace collapsed, as `pdftotext | tr -s` would give it. */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  const doc = await openPdf(pdf);
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) pages.push(await pageText(await doc.getPage(n)));
    return pages.join('\n').replace(/\s+/g, ' ');
  } finally {
    await doc.destroy();
  }
}

/** Page count and the first page's size in PostScript points (A5 is 419.53 × 595.28). */
export async function pdfInfo(pdf: Uint8Array): Promise<{ pages: number; width: number; height: number }> {
  const doc = await openPdf(pdf);
  try {
    const [x0, y0, x1, y1] = (await doc.getPage(1)).view;
    return { pages: doc.numPages, width: x1 - x0, height: y1 - y0 };
  } finally {
    await doc.destroy();
  }
}

interface DecodedImage {
  width: number;
  height: number;
  kind: number;
  data: Uint8Array | Uint8ClampedArray;
}

/** pdf.js's decoded image → RGBA, the layout jsQR reads. */
function toRgba(image: DecodedImage): Uint8ClampedArray {
  const { width, height, kind, data } = image;
  const rgba = new Uint8ClampedArray(width * height * 4);
  if (kind === ImageKind.RGBA_32BPP) {
    rgba.set(data);
    return rgba;
  }
  for (let i = 0; i < width * height; i++) {
    let r: number, g: number, b: number;
    if (kind === ImageKind.RGB_24BPP) {
      r = data[i * 3];
      g = data[i * 3 + 1];
      b = data[i * 3 + 2];
    } else {
      // GRAYSCALE_1BPP: rows padded to whole bytes, 1 = white.
      const rowBytes = (width + 7) >> 3;
      const x = i % width;
      const y = (i - x) / width;
      r = g = b = (data[y * rowBytes + (x >> 3)] >> (7 - (x & 7))) & 1 ? 255 : 0;
    }
    rgba.set([r, g, b, 255], i * 4);
  }
  return rgba;
}

/** Upscale with a white margin: jsQR wants a quiet zone and a few pixels per module. */
function withMargin(
  rgba: Uint8ClampedArray,
  width: number,
  height: number,
  scale = 4,
  margin = 32,
): { data: Uint8ClampedArray; width: number; height: number } {
  const w = width * scale + 2 * margin;
  const h = height * scale + 2 * margin;
  const out = new Uint8ClampedArray(w * h * 4).fill(255);
  for (let y = 0; y < h - 2 * margin; y++) {
    for (let x = 0; x < w - 2 * margin; x++) {
      const src = (Math.floor(y / scale) * width + Math.floor(x / scale)) * 4;
      out.set(rgba.subarray(src, src + 4), ((y + margin) * w + x + margin) * 4);
    }
  }
  return { data: out, width: w, height: h };
}

/** The payloads of the QR code images drawn on page 1 (pdfmake embeds them as images). */
export async function decodeQrCodes(pdf: Uint8Array): Promise<string[]> {
  const doc = await openPdf(pdf);
  try {
    const page = await doc.getPage(1);
    const ops = await page.getOperatorList();
    const found: string[] = [];
    for (let i = 0; i < ops.fnArray.length; i++) {
      if (ops.fnArray[i] !== OPS.paintImageXObject) continue;
      const name = ops.argsArray[i][0] as string;
      const image = (await new Promise((resolve) => page.objs.get(name, resolve))) as DecodedImage | null;
      if (!image?.data) continue;
      const big = withMargin(toRgba(image), image.width, image.height);
      const qr = jsQR(big.data, big.width, big.height);
      if (qr) found.push(qr.data);
    }
    return found;
  } finally {
    await doc.destroy();
  }
}
