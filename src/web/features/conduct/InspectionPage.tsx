import { useState, type FormEvent } from 'react';
import { Alert, ErrorAlert } from '../../components/Alert';
import { AgencyPicker } from '../../components/AgencyPicker';
import { PageHeader } from '../../components/PageHeader';
import { api } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { describeError } from '../../lib/errors';
import { Link } from '../../lib/router';
import type { Checklist, CreateInspectionBody, Finding, Inspection, Items, OfficialRef } from '../../../shared/api-types';
import { CHECKLIST, findingPhotoUrl, uploadFindingPhoto, useLoad } from './conduct-api';
import { useConductText } from './conduct-text';
import './conduct.css';

const INSPECTOR = ['inspector'] as const;

/** An inspection with a checklist drawn from the codes in force; one finding per official and item. */
export function InspectionPage() {
  const { tx, t } = useConductText();
  const { user } = useAuth();
  const [agencyCode, setAgencyCode] = useState(() => user?.roles.find((r) => r.role === 'inspector')?.agencyCode ?? '');
  const validCode = agencyCode || null;
  const checklist = useLoad<Checklist>(validCode ? '/conduct/checklist' : null, { agencyCode: validCode ?? undefined });
  const people = useLoad<Items<OfficialRef>>(validCode ? '/conduct/officials' : null, { agencyCode: validCode ?? undefined });
  const [kind, setKind] = useState<'planned' | 'unannounced'>('unannounced');
  const [inspectionId, setInspectionId] = useState<string | null>(null);
  const [officialId, setOfficialId] = useState('');
  const [item, setItem] = useState<string>('name_card');
  const [isCompliant, setIsCompliant] = useState(false);
  const [ruleId, setRuleId] = useState('');
  const [note, setNote] = useState('');
  const [findings, setFindings] = useState<Finding[]>([]);
  const [error, setError] = useState<unknown>(null);
  const rules = checklist.data?.items.find((i) => i.item === item)?.rules ?? [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      let id = inspectionId;
      if (!id) {
        id = (await api.post<Inspection>('/conduct/inspections', { agencyCode, kind, inspectedAt: new Date().toISOString() } satisfies CreateInspectionBody))
          .id;
        setInspectionId(id);
      }
      const finding = await api.post<Finding>(`/conduct/inspections/${id}/findings`, {
        officialId,
        checklistItem: item,
        isCompliant,
        ...(ruleId ? { ruleId } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setFindings([finding, ...findings]);
      setNote('');
    } catch (err) {
      setError(err);
    }
  };

  return (
    <>
      <PageHeader title={tx('inspections')} intro={tx('inspections.intro')} />
      {error ? <ErrorAlert error={describeError(error, t)} /> : null}
      <form className="panel cd-form" onSubmit={(e) => void submit(e)}>
        <AgencyPicker id="cd-agency" label={tx('agencyCode')} value={agencyCode} onChange={setAgencyCode} roles={INSPECTOR} disabled={!!inspectionId} />
        <label className="field-label" htmlFor="cd-kind">
          {tx('kind')}
        </label>
        <select
          id="cd-kind"
          className="input select"
          value={kind}
          disabled={!!inspectionId}
          onChange={(e) => setKind(e.target.value as 'planned' | 'unannounced')}
        >
          <option value="planned">{tx('kind.planned')}</option>
          <option value="unannounced">{tx('kind.unannounced')}</option>
        </select>
        <label className="field-label" htmlFor="cd-official">
          {tx('official')}
        </label>
        <select id="cd-official" className="input select" value={officialId} required onChange={(e) => setOfficialId(e.target.value)}>
          <option value="">—</option>
          {people.data?.items.map((o) => (
            <option key={o.id} value={o.id}>
              {o.fullName} ({o.code})
            </option>
          ))}
        </select>
        <label className="field-label" htmlFor="cd-item">
          {tx('item')}
        </label>
        <select
          id="cd-item"
          className="input select"
          value={item}
          onChange={(e) => {
            setItem(e.target.value);
            setRuleId('');
          }}
        >
          {CHECKLIST.map((c) => (
            <option key={c} value={c}>
              {checklist.data?.items.find((i) => i.item === c)?.label ?? c}
            </option>
          ))}
        </select>
        <label className="field-label" htmlFor="cd-rule">
          {tx('rule')}
        </label>
        <select id="cd-rule" className="input select" value={ruleId} onChange={(e) => setRuleId(e.target.value)}>
          <option value="">—</option>
          {rules.map((r) => (
            <option key={r.id} value={r.id}>
              {r.ruleSetTitle}
              {r.isSample ? ` (${tx('sample')})` : ''}: {r.text.slice(0, 90)}
            </option>
          ))}
        </select>
        <fieldset>
          <legend className="field-label">{tx('result')}</legend>
          <label className="checkbox">
            <input type="radio" name="cd-result" checked={isCompliant} onChange={() => setIsCompliant(true)} /> {tx('compliant')}
          </label>
          <label className="checkbox">
            <input type="radio" name="cd-result" checked={!isCompliant} onChange={() => setIsCompliant(false)} /> {tx('notCompliant')}
          </label>
        </fieldset>
        <label className="field-label" htmlFor="cd-note">
          {tx('note')}
        </label>
        <textarea id="cd-note" className="input" value={note} onChange={(e) => setNote(e.target.value)} />
        <div className="form-actions">
          <button type="submit" className="btn btn--primary">
            {tx('record')}
          </button>
        </div>
      </form>
      {findings.length ? (
        <section className="panel">
          <Alert kind="success">{tx('recorded')}</Alert>
          <h2 className="section-title">{tx('findingsList')}</h2>
          <ul className="assignment-list">
            {findings.map((f) => (
              <li key={f.id}>
                {f.officialName} — {checklist.data?.items.find((i) => i.item === f.checklistItem)?.label}:{' '}
                {f.isCompliant ? tx('compliant') : tx('notCompliant')}{' '}
                {f.violationId ? <Link to={`/conduct/violations/${f.violationId}`}>{tx('openViolation')}</Link> : null}
                <FindingPhotos finding={f} onChange={(next) => setFindings((all) => all.map((x) => (x.id === next.id ? next : x)))} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** Thumbnails of a finding's photos and a picker that uploads each chosen JPEG/PNG. */
function FindingPhotos({ finding, onChange }: { finding: Finding; onChange: (f: Finding) => void }) {
  const { tx, t } = useConductText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const pick = async (files: FileList | null) => {
    if (!files?.length) return;
    setBusy(true);
    setError(null);
    try {
      let latest = finding;
      for (const file of Array.from(files)) latest = await uploadFindingPhoto(finding.id, file);
      onChange(latest);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const inputId = `cd-photo-${finding.id}`;
  return (
    <div className="cd-photos">
      {finding.photos.length ? (
        <ul className="cd-thumbs" aria-label={tx('photos')}>
          {finding.photos.map((p) => (
            <li key={p.n}>
              <a href={findingPhotoUrl(finding.id, p.n)} target="_blank" rel="noreferrer">
                <img src={findingPhotoUrl(finding.id, p.n)} alt={tx('photoAlt', { n: p.n, name: finding.officialName })} loading="lazy" />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <label className="btn btn--small btn--secondary cd-photo-pick" htmlFor={inputId}>
        {busy ? tx('uploading') : tx('addPhoto')}
      </label>
      <input
        id={inputId}
        className="visually-hidden"
        type="file"
        accept="image/jpeg,image/png"
        multiple
        disabled={busy}
        onChange={(e) => {
          void pick(e.target.files);
          e.target.value = '';
        }}
      />
      {error ? <ErrorAlert error={describeError(error, t)} /> : null}
    </div>
  );
}
