/**
 * The return step's collector (người nhận kết quả): the form in the return action (the applicant,
 * or an authorised person with CCCD and authorisation), the record shown on the dossier once
 * returned, and the counter's rating offer right after the return (the citizen rates on the
 * counter's screen, through the public rating page).
 */
import { useState } from 'react';
import { TextField } from '../../components/Field';
import { useAuth } from '../../lib/auth';
import type { ErrorView } from '../../lib/errors';
import { Link } from '../../lib/router';
import { seg } from '../../lib/api';
import type { DossierActionBody, DossierDetail } from '../../../shared/api-types';
import { useCollectorText } from './collector-text';

type CollectorBody = NonNullable<DossierActionBody['collector']>;
type Recorded = NonNullable<DossierDetail['collector']>;
interface Draft {
  kind: '' | CollectorBody['kind'];
  fullName: string;
  idNumber: string;
  authorisation: string;
}
const EMPTY: Draft = { kind: '', fullName: '', idNumber: '', authorisation: '' };

/** The draft of the return form; `toBody` gives the body's collector, or the error when nobody is chosen yet (no default on who collects). */
export function useCollectorDraft() {
  const { tc } = useCollectorText();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const toBody = (): { collector: CollectorBody } | { error: ErrorView } => {
    if (!draft.kind) return { error: { message: tc('collector.fix'), requestId: null, fields: { 'collector.kind': tc('collector.chooseKind') } } };
    if (draft.kind === 'authorised') {
      // The app checks what it can before sending, as the server would (one answer for every field).
      const fields: Record<string, string> = {};
      if (!draft.fullName.trim()) fields['collector.fullName'] = tc('collector.required');
      if (!/^\d{12}$/.test(draft.idNumber.replace(/\s+/g, ''))) fields['collector.idNumber'] = tc('collector.idNumberFormat');
      if (!draft.authorisation.trim()) fields['collector.authorisation'] = tc('collector.required');
      if (Object.keys(fields).length) return { error: { message: tc('collector.fix'), requestId: null, fields } };
    }
    return {
      collector:
        draft.kind === 'applicant'
          ? { kind: 'applicant' }
          : { kind: 'authorised', fullName: draft.fullName.trim(), idNumber: draft.idNumber.replace(/\s+/g, ''), authorisation: draft.authorisation.trim() },
    };
  };
  return { draft, setDraft, toBody, reset: () => setDraft(EMPTY) };
}

/** Who collects the result: the applicant (checked against his ID) or an authorised person, with the server's field errors beside each input. */
export function CollectorFields({
  d,
  draft,
  onChange,
  errors,
}: {
  d: DossierDetail;
  draft: Draft;
  onChange: (next: Draft) => void;
  errors: Record<string, string>;
}) {
  const { tc } = useCollectorText();
  const set = (k: keyof Draft, v: string) => onChange({ ...draft, [k]: v });
  return (
    <fieldset
      className={`dossier-collector${(errors['collector.kind'] ?? errors.kind) ? ' field--invalid' : ''}`}
      aria-describedby={(errors['collector.kind'] ?? errors.kind) ? 'collector-kind-error' : undefined}
    >
      <legend className="field-label">{tc('collector.legend')}</legend>
      {(['applicant', 'authorised'] as const).map((k) => (
        <label key={k} className="dossier-check">
          <input type="radio" name="collector.kind" value={k} checked={draft.kind === k} onChange={() => set('kind', k)} /> {tc(`collector.${k}`)}
        </label>
      ))}
      {(errors['collector.kind'] ?? errors.kind) ? (
        <p className="field-error" id="collector-kind-error">
          {errors['collector.kind'] ?? errors.kind}
        </p>
      ) : null}
      {draft.kind === 'applicant' ? (
        <p className="field-hint">{tc('collector.applicantHint', { name: d.applicant.fullName, id: d.applicant.idNumber })}</p>
      ) : null}
      {draft.kind === 'authorised' ? (
        <div className="dossier-grid">
          <TextField
            id="collector-fullName"
            name="collector.fullName"
            label={tc('collector.fullName')}
            value={draft.fullName}
            onValueChange={(v) => set('fullName', v)}
            error={errors['collector.fullName'] ?? errors.fullName}
            autoComplete="off"
            maxLength={200}
          />
          <TextField
            id="collector-idNumber"
            name="collector.idNumber"
            label={tc('collector.idNumber')}
            hint={tc('collector.idNumberHint')}
            value={draft.idNumber}
            onValueChange={(v) => set('idNumber', v)}
            error={errors['collector.idNumber'] ?? errors.idNumber}
            inputMode="numeric"
            autoComplete="off"
            maxLength={20}
          />
          <TextField
            id="collector-authorisation"
            name="collector.authorisation"
            className="field--wide"
            label={tc('collector.authorisation')}
            hint={tc('collector.authorisationHint')}
            value={draft.authorisation}
            onValueChange={(v) => set('authorisation', v)}
            error={errors['collector.authorisation'] ?? errors.authorisation}
            maxLength={500}
          />
        </div>
      ) : null}
    </fieldset>
  );
}

/** The collector on the dossier's facts, once the result is returned. */
export function CollectorRecord({ c }: { c: Recorded }) {
  const { tc, formatDateTime } = useCollectorText();
  return (
    <div className="dossier-collector-record">
      <dt>{tc('collector.record')}</dt>
      <dd>
        <strong>{c.fullName}</strong> ({tc(`collector.kind.${c.kind}`)}) · {tc('collector.idLabel')} <span className="input--mono">{c.idNumber}</span>
        {c.authorisation ? <> · {c.authorisation}</> : null}
        <span className="cell-meta"> · {formatDateTime(c.at)}</span>
      </dd>
    </div>
  );
}

/** The collector's name on the timeline's return entry. */
export function CollectorByLine({ c }: { c: Recorded }) {
  const { tc } = useCollectorText();
  return <span className="cell-meta"> · {tc('collector.byLine', { name: c.fullName })}</span>;
}

/** Right after the return, the counter officer hands the screen to the citizen to rate (until the dossier is rated). */
export function CounterRatingOffer({ d }: { d: DossierDetail }) {
  const { tc } = useCollectorText();
  const { hasRole } = useAuth();
  if (d.status !== 'returned' || !hasRole('counter_officer') || d.timeline.some((e) => e.action === 'rate')) return null;
  return (
    <section className="panel dossier-rating-offer" aria-labelledby="rating-offer">
      <h2 id="rating-offer" className="section-title">
        {tc('rating.offer.title')}
      </h2>
      <p>{tc('rating.offer.text')}</p>
      <p className="toolbar">
        <Link className="btn btn--primary" to={`/danh-gia/${seg(d.code)}`}>
          {tc('rating.offer.open')}
        </Link>
      </p>
    </section>
  );
}
