/** /admin/procedures/:code/templates — the administrator attaches a form file to each document that must follow a form. */
import { useEffect, useState } from 'react';
import { Alert, ErrorAlert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PageHeader } from '../../components/PageHeader';
import type { ProcedureDetail, ProcedureDocument } from '../../../shared/api-types';
import { api, isApiError, seg } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { describeError, type ErrorView } from '../../lib/errors';
import { Link } from '../../lib/router';
import { useCitizenText } from '../citizen/citizen-text';
import { removeTemplate, uploadTemplate } from './procedures-api';
import { formatSize, mustFollowForm } from './templates-format';
import './procedures.css';

/** The file input is the only field of a row: the server's sentence says what is wrong with the file (kind, size). */
function fileError(e: unknown, t: Parameters<typeof describeError>[1]): ErrorView {
  const view = describeError(e, t);
  return isApiError(e) && e.status < 500 && e.detail ? { ...view, message: e.detail, fields: {} } : view;
}

function TemplateRow({
  code,
  doc,
  onSaved,
  onFailed,
}: {
  code: string;
  doc: ProcedureDocument;
  onSaved: (d: ProcedureDocument, note: string) => void;
  onFailed: () => void;
}) {
  const { tc, lang, t } = useCitizenText();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorView | null>(null);
  const [isConfirming, setConfirming] = useState(false);
  const inputId = `tpl-file-${doc.id}`;

  const upload = async () => {
    if (!file) return setError({ message: tc('tpl.choose'), requestId: null, fields: {} });
    setBusy(true);
    setError(null);
    try {
      const saved = await uploadTemplate(code, doc.id, file, lang);
      setFile(null);
      onSaved(saved, tc('tpl.uploaded', { file: saved.templateFile?.fileName ?? file.name }));
    } catch (e) {
      onFailed();
      setError(fileError(e, t));
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    setBusy(true);
    try {
      onSaved(await removeTemplate(code, doc.id), tc('tpl.removed'));
    } catch (e) {
      onFailed();
      setError(describeError(e, t));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <tr>
      <td data-label={tc('tpl.col.document')} className="cell-primary">
        {doc.name}
        {mustFollowForm(doc) ? <span className="badge tpl-badge">{tc('tpl.mustFollow')}</span> : null}
      </td>
      <td data-label={tc('tpl.col.file')}>
        {doc.templateFile ? (
          <a href={doc.templateFile.url} download>
            {doc.templateFile.fileName}
          </a>
        ) : (
          <span className="cell-meta">{tc('tpl.none')}</span>
        )}
        {doc.templateFile ? <span className="cell-meta proc-note">{formatSize(doc.templateFile.size, lang)}</span> : null}
      </td>
      <td data-label={tc('tpl.col.actions')}>
        <div className="tpl-actions">
          <label className="visually-hidden" htmlFor={inputId}>
            {tc('tpl.choose')}: {doc.name}
          </label>
          <input
            id={inputId}
            className="input tpl-input"
            type="file"
            accept=".pdf,.docx,.xlsx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setError(null);
            }}
          />
          <button type="button" className="btn btn--primary btn--small" disabled={busy} onClick={() => void upload()}>
            {doc.templateFile ? tc('tpl.replace') : tc('tpl.upload')}
          </button>
          {doc.templateFile ? (
            <button type="button" className="btn btn--danger-outline btn--small" disabled={busy} onClick={() => setConfirming(true)}>
              {tc('tpl.remove')}
            </button>
          ) : null}
        </div>
        {error ? <ErrorAlert error={error} /> : null}
        {isConfirming ? (
          <ConfirmDialog
            title={tc('tpl.remove')}
            confirmLabel={tc('tpl.remove')}
            isDanger
            isBusy={busy}
            onConfirm={() => void remove()}
            onCancel={() => setConfirming(false)}
          >
            <p>{tc('tpl.removeConfirm', { name: doc.name })}</p>
          </ConfirmDialog>
        ) : null}
      </td>
    </tr>
  );
}

export function AdminTemplatesPage({ code }: { code: string }) {
  const { tc, t } = useCitizenText();
  const { user } = useAuth();
  // national codes repeat by province: the administrator's own province's procedure
  const province = user?.roles.find((r) => r.role === 'admin' && r.provinceCode && r.provinceCode !== 'VN')?.provinceCode ?? undefined;
  const [proc, setProc] = useState<ProcedureDetail | null>(null);
  const [error, setError] = useState<ErrorView | null>(null);
  const [note, setNote] = useState('');

  useEffect(() => {
    const ctrl = new AbortController();
    api.get<ProcedureDetail>(`/procedures/${seg(code)}`, { province }, ctrl.signal).then(setProc, (e: unknown) => {
      if (!ctrl.signal.aborted) setError(describeError(e, t));
    });
    return () => ctrl.abort();
  }, [code, province, t]);

  const saved = (d: ProcedureDocument, message: string) => {
    setProc((p) => (p ? { ...p, documents: p.documents.map((x) => (x.id === d.id ? { ...x, templateFile: d.templateFile } : x)) } : p));
    setNote(message);
  };

  return (
    <>
      <PageHeader title={tc('tpl.title')} intro={proc ? `${proc.name} (${proc.code})` : undefined}>
        <Link to="/admin/procedures" className="btn btn--secondary">
          {tc('tpl.back')}
        </Link>
      </PageHeader>
      <p className="field-hint">{tc('tpl.intro')}</p>
      {error ? <ErrorAlert error={error} /> : null}
      {note ? <Alert kind="success">{note}</Alert> : null}
      {proc && proc.documents.length === 0 ? <p className="panel">{tc('tpl.noDocuments')}</p> : null}
      {proc && proc.documents.length ? (
        <div className="table-wrap">
          <table className="table tpl-table">
            <caption className="visually-hidden">{tc('tpl.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{tc('tpl.col.document')}</th>
                <th scope="col">{tc('tpl.col.file')}</th>
                <th scope="col">{tc('tpl.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {proc.documents.map((d) => (
                <TemplateRow key={d.id} code={proc.code} doc={d} onSaved={saved} onFailed={() => setNote('')} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
