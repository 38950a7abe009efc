/**
 * The demo catalog's form template: "Tờ khai đăng ký khai sinh", drawn with pdfmake like the
 * dossier forms (A4, to print and fill by hand). The layout follows the civil-status form of the
 * Ministry of Justice; this copy is an illustration for the demo, not the official file.
 */
import type { Db } from '../../db/client.js';
import { appendAudit, SYSTEM_STREAM } from '../../platform/audit.js';
import { centeredRule, type PdfNode, renderPdf, signatureBlock } from '../../platform/pdf.js';
import { keepFilesIfCommitted, sha256Hex } from '../../platform/storage.js';
import { templateStorage } from './templates.service.js';
import * as templates from './templates.repo.js';

/** A line of the form's width (≈150 dots at 11 pt on A4): labels and dotted blanks to fill by hand, shared out evenly. */
const LINE_DOTS = 150;
const DOTS_PER_CHAR = 1.9;
function line(...labels: string[]): PdfNode {
  const free = LINE_DOTS - labels.reduce((n, l) => n + (l.length + 2) * DOTS_PER_CHAR, 0) - (labels.length - 1) * 2;
  const each = Math.max(8, Math.floor(free / labels.length));
  return {
    text: labels.flatMap((label, i) => [{ text: `${i ? '  ' : ''}${label}: ` }, { text: '.'.repeat(each), color: '#666666' }]),
  };
}

function parentBlock(who: 'mẹ' | 'cha'): PdfNode[] {
  return [line(`Họ, chữ đệm, tên người ${who}`), line('Năm sinh', 'Dân tộc', 'Quốc tịch'), line('Nơi cư trú')];
}

/** The blank form, A4 portrait. */
export function renderBirthRegistrationForm(): Promise<Buffer> {
  const content: PdfNode[] = [
    {
      stack: [
        { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, fontSize: 11, alignment: 'center' },
        { text: 'Độc lập - Tự do - Hạnh phúc', bold: true, fontSize: 11.5, alignment: 'center' },
        centeredRule(150, [0, 2, 0, 10]),
      ],
    },
    { text: 'TỜ KHAI ĐĂNG KÝ KHAI SINH', bold: true, fontSize: 14, alignment: 'center', margin: [0, 6, 0, 12] },
    line('Kính gửi'),
    line('Họ, chữ đệm, tên người yêu cầu'),
    line('Nơi cư trú'),
    line('Giấy tờ tùy thân (loại, số, cơ quan cấp, ngày cấp)'),
    line('Quan hệ với người được khai sinh'),
    { text: 'Đề nghị cơ quan đăng ký khai sinh cho người dưới đây:', bold: true, margin: [0, 6, 0, 2] },
    line('Họ, chữ đệm, tên'),
    line('Ngày, tháng, năm sinh'),
    line('Ghi bằng chữ'),
    line('Giới tính', 'Dân tộc', 'Quốc tịch'),
    line('Nơi sinh'),
    line('Quê quán'),
    { text: 'Thông tin về cha, mẹ:', bold: true, margin: [0, 6, 0, 2] },
    ...parentBlock('mẹ'),
    ...parentBlock('cha'),
    {
      text: 'Tôi cam đoan nội dung đề nghị đăng ký khai sinh trên đây là đúng sự thật, được sự thỏa thuận nhất trí của các bên liên quan theo quy định pháp luật. Tôi chịu hoàn toàn trách nhiệm trước pháp luật về nội dung cam đoan của mình.',
      italics: true,
      margin: [0, 10, 0, 6],
    },
    { text: 'Đề nghị cấp bản sao trích lục khai sinh:   Có [   ]   Không [   ]      Số lượng: ........ bản', margin: [0, 0, 0, 4] },
    signatureBlock([{ above: 'Làm tại: ............., ngày ..... tháng ..... năm .......', title: 'NGƯỜI YÊU CẦU', note: '(Ký, ghi rõ họ, chữ đệm, tên)' }], {
      signSpace: 40,
    }),
    {
      text: 'Bản mẫu minh họa của hệ thống Công Vụ (dữ liệu thử nghiệm), theo mẫu tờ khai hộ tịch của Bộ Tư pháp.',
      fontSize: 8,
      color: '#555555',
      margin: [0, 12, 0, 0],
    },
  ];
  return renderPdf({
    pageSize: 'A4',
    pageMargins: [56, 42, 42, 42],
    info: { title: 'Tờ khai đăng ký khai sinh', creator: 'Công Vụ', producer: 'Công Vụ' },
    defaultStyle: { fontSize: 11, lineHeight: 1.4 },
    styles: { signTitle: { bold: true, alignment: 'center', fontSize: 11 }, signNote: { italics: true, alignment: 'center', fontSize: 10 } },
    content,
  });
}

/** The demo's templates: [province, procedure code, document name, file name, render]. */
const DEMO_TEMPLATES = [['08', '1.001193', 'Tờ khai đăng ký khai sinh (theo mẫu)', 'To-khai-dang-ky-khai-sinh.pdf', renderBirthRegistrationForm]] as const;

/** Attaches the demo templates to the demo catalog; idempotent (a document that has one keeps it). */
export async function seedDemoTemplates(db: Db, dataDir: string): Promise<void> {
  for (const [province, code, documentName, fileName, render] of DEMO_TEMPLATES) {
    const doc = await templates.findDocumentByName(db, province, code, documentName);
    if (!doc || (await templates.templatesOf(db, [doc.id])).size) continue;
    const bytes = await render();
    const sha256 = sha256Hex(bytes);
    const key = `${sha256}.pdf`;
    await keepFilesIfCommitted(templateStorage(dataDir), async (stage) => {
      await stage(key, bytes, { contentType: 'application/pdf' });
      await db.transaction(async (tx) => {
        await templates.upsertTemplate(tx, { documentId: doc.id, storageKey: key, sha256, fileName, contentType: 'application/pdf', size: bytes.length });
        await appendAudit(tx, {
          stream: SYSTEM_STREAM,
          actor: { userId: null, label: 'system' },
          action: 'procedure.template.seed',
          entityType: 'procedure_document',
          entityId: doc.id,
          provinceCode: province,
          data: { code, document: documentName, fileName, sha256 },
        });
      });
    });
  }
}
