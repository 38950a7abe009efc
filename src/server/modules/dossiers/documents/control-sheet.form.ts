/** Mẫu 05 — Phiếu kiểm soát quá trình giải quyết hồ sơ (A5). */
import { formatVnDate, formatVnDateTime, labelled, THIN_TABLE_LAYOUT, vnDateParts, type PdfNode } from '../../../platform/pdf.js';
import { renderForm, textsFor, type FormBaseInput } from './common.js';

export type StepTiming = 'early' | 'on_time' | 'late';

export interface HandOff {
  fromUnit: string;
  fromPerson?: string;
  toUnit: string;
  toPerson?: string;
  handedAt: Date;
  /**
   * Deadline of the step this hand-off ends (the giver's budget: step start + allotted working
   * time, from the calendar module). The step is classified against it; omit for the first step.
   */
  stepDueAt?: Date;
  /** An explicit classification wins over `stepDueAt`. */
  timing?: StepTiming;
  note?: string;
}

export interface ControlSheetFormInput extends FormBaseInput {
  leadAgency: string;
  coordinatingAgencies?: string[];
  receivedAt?: Date;
  dueAt: Date;
  handOffs: HandOff[];
}

/**
 * Early / on time / late of a step done at `doneAt` with deadline `dueAt`: late after the deadline,
 * on time on the deadline's own day (Vietnam time), early on any day before it.
 */
export function classifyStepTiming(doneAt: Date, dueAt: Date): StepTiming {
  if (doneAt.getTime() > dueAt.getTime()) return 'late';
  return formatVnDate(doneAt) === formatVnDate(dueAt) ? 'on_time' : 'early';
}

export function handOffTiming(handOff: HandOff): StepTiming | undefined {
  if (handOff.timing) return handOff.timing;
  return handOff.stepDueAt ? classifyStepTiming(handOff.handedAt, handOff.stepDueAt) : undefined;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function party(role: string, unit: string, person: string | undefined): PdfNode {
  return { text: [{ text: `${role}: `, bold: true }, unit, person ? { text: ` (${person})`, italics: true } : ''] };
}

export async function renderControlSheet(input: ControlSheetFormInput): Promise<Buffer> {
  const texts = textsFor(input);
  const form = texts.controlSheet;
  const l = form.labels;
  const timingText: Record<StepTiming, string> = { early: l.early, on_time: l.onTime, late: l.late };
  const rows: PdfNode[][] = input.handOffs.map((handOff, i) => {
    const at = vnDateParts(handOff.handedAt);
    const timing = handOffTiming(handOff);
    return [
      { text: String(i + 1), alignment: 'center' },
      { stack: [party(l.giver, handOff.fromUnit, handOff.fromPerson), party(l.receiver, handOff.toUnit, handOff.toPerson)] },
      { text: [`${pad2(at.hour)} giờ ${pad2(at.minute)} phút,\n`, `ngày ${formatVnDate(handOff.handedAt)}`], alignment: 'center' },
      timing
        ? { text: timingText[timing], alignment: 'center', bold: timing === 'late', color: timing === 'late' ? '#b00020' : '#000000' }
        : { text: '', alignment: 'center' },
      { text: handOff.note ?? '' },
    ];
  });
  return renderForm(input, texts, form, {
    subtitle: l.attached,
    beside: [
      {
        text: [
          { text: `${l.dossierCode}: `, bold: true },
          { text: input.dossierCode, bold: true, fontSize: 10.5 },
        ],
      },
      labelled(l.applicant, input.applicant.name),
      labelled(l.procedure, input.procedureName),
      labelled(l.leadAgency, input.leadAgency),
      labelled(l.coAgencies, input.coordinatingAgencies?.length ? input.coordinatingAgencies.join('; ') : 'Không'),
      labelled(l.dueAt, formatVnDateTime(input.dueAt)),
    ],
    body: [
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: [20, '*', 66, 44, 46],
          body: [
            [
              { text: l.colNo, style: 'tableHeader' },
              { text: l.colHandOff, style: 'tableHeader' },
              { text: l.colTime, style: 'tableHeader' },
              { text: l.colResult, style: 'tableHeader' },
              { text: l.colNote, style: 'tableHeader' },
            ],
            ...rows,
          ],
        },
        layout: THIN_TABLE_LAYOUT,
        fontSize: 7.5,
        margin: [0, 4, 0, 0],
      },
    ],
  });
}
