import { useState, type FormEvent } from 'react';
import { Alert, ErrorAlert } from '../../components/Alert';
import { AgencyPicker } from '../../components/AgencyPicker';
import { PageHeader } from '../../components/PageHeader';
import { api } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { describeError } from '../../lib/errors';
import type { AttendanceImportResult, AttendanceReport, ImportAttendanceBody } from '../../../shared/api-types';
import { currentMonth, useLoad } from './conduct-api';
import { useConductText } from './conduct-text';
import './conduct.css';

const AGENCY = /^[0-9A-Z.]{1,35}$/;
/** Who reads the report (Home Affairs also imports, in the same agencies). */
const READERS = ['home_affairs', 'leader', 'inspector'] as const;

/** Home Affairs imports timekeeping exports; Home Affairs, leaders and inspectors read the monthly report. */
export function AttendancePage() {
  const { tx, t, formatDate } = useConductText();
  const { user, hasRole } = useAuth();
  const mine = user?.roles.find((r) => r.agencyCode && ['home_affairs', 'leader', 'inspector'].includes(r.role))?.agencyCode ?? '';
  const [agencyCode, setAgencyCode] = useState(mine);
  const [month, setMonth] = useState(currentMonth());
  const [shown, setShown] = useState<{ agencyCode: string; month: string } | null>(mine ? { agencyCode: mine, month: currentMonth() } : null);
  const report = useLoad<AttendanceReport>(shown ? '/conduct/attendance/report' : null, shown ?? undefined);
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<AttendanceImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const importCsv = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setError(null);
    setBusy(true);
    try {
      setResult(await api.post<AttendanceImportResult>('/conduct/attendance/import', { agencyCode, csv: await file.text() } satisfies ImportAttendanceBody));
      report.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const showReport = (e: FormEvent) => {
    e.preventDefault();
    if (AGENCY.test(agencyCode)) setShown({ agencyCode, month });
  };
  const dates = (list: string[]) => list.map((d) => formatDate(d)).join(', ');
  const r = report.data;

  return (
    <>
      <PageHeader title={tx('attendancePage')} intro={tx('attendance.intro')} />
      {error ? <ErrorAlert error={describeError(error, t)} /> : null}
      <div className="cd-grid">
        <form className="panel cd-form" onSubmit={showReport}>
          <h2 className="section-title">{tx('attendance.report')}</h2>
          <AgencyPicker id="cd-att-agency" label={tx('agency')} value={agencyCode} onChange={setAgencyCode} roles={READERS} />
          <label className="field-label" htmlFor="cd-att-month">
            {tx('month')}
          </label>
          <input id="cd-att-month" className="input" type="month" value={month} max={currentMonth()} required onChange={(e) => setMonth(e.target.value)} />
          <div className="form-actions">
            <button type="submit" className="btn btn--primary">
              {tx('show')}
            </button>
          </div>
        </form>
        {hasRole('home_affairs') ? (
          <form className="panel cd-form" onSubmit={(e) => void importCsv(e)}>
            <h2 className="section-title">{tx('attendance.import')}</h2>
            <p className="field-hint">{tx('attendance.importHint')}</p>
            <label className="field-label" htmlFor="cd-att-file">
              {tx('attendance.file')}
            </label>
            <input id="cd-att-file" className="input" type="file" accept=".csv,text/csv" required onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
            <div className="form-actions">
              <button type="submit" className="btn btn--primary" disabled={busy || !file || !AGENCY.test(agencyCode)}>
                {tx('attendance.doImport')}
              </button>
            </div>
            {result ? (
              <>
                <Alert kind={result.rejected.length ? 'warning' : 'success'}>
                  {tx('attendance.imported', { imported: result.imported, skipped: result.skippedNonWorkingDays, rejected: result.rejected.length })}
                </Alert>
                {result.rejected.length ? (
                  <div className="table-wrap">
                    <table className="table">
                      <caption>{tx('attendance.rejected')}</caption>
                      <thead>
                        <tr>
                          <th className="cd-num">{tx('line')}</th>
                          <th>{tx('reason')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {result.rejected.map((x) => (
                          <tr key={`${x.line}:${x.reason}`}>
                            <td className="cd-num">{x.line}</td>
                            <td>{x.reason}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                ) : null}
              </>
            ) : null}
          </form>
        ) : null}
      </div>
      {report.error ? <ErrorAlert error={describeError(report.error, t)} /> : null}
      {r ? (
        <section className="panel">
          <h2 className="section-title">{tx('attendance.report')}</h2>
          <p>
            {tx('attendance.summary', { agency: r.agencyName, month: r.month, days: r.workingDays, opens: r.officeHours.opens, closes: r.officeHours.closes })}
          </p>
          {r.items.length === 0 ? (
            <p>{tx('noOfficials')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th>{tx('official')}</th>
                    <th>{tx('agency')}</th>
                    <th className="cd-num">{tx('present')}</th>
                    <th className="cd-num">{tx('late')}</th>
                    <th className="cd-num">{tx('early')}</th>
                    <th className="cd-num">{tx('absent')}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.items.map((o) => (
                    <tr key={o.officialId}>
                      <td>
                        {o.fullName}
                        <br />
                        <span className="cell-meta">{o.code}</span>
                      </td>
                      <td className="input--mono">{o.agencyCode}</td>
                      <td className="cd-num">{o.present}</td>
                      <td className="cd-num" title={dates(o.lateDates)}>
                        {o.late}
                        {o.late ? (
                          <>
                            <br />
                            <span className="cell-meta">{tx('minutes', { n: o.lateMinutes })}</span>
                          </>
                        ) : null}
                      </td>
                      <td className="cd-num" title={dates(o.earlyDates)}>
                        {o.early}
                        {o.early ? (
                          <>
                            <br />
                            <span className="cell-meta">{tx('minutes', { n: o.earlyMinutes })}</span>
                          </>
                        ) : null}
                      </td>
                      <td className="cd-num" title={dates(o.absentDates)}>
                        {o.absent ? <span className="cd-badge cd-badge--bad">{o.absent}</span> : 0}
                        {o.unrecorded ? (
                          <>
                            <br />
                            <span className="cell-meta">{tx('unrecorded', { n: o.unrecorded })}</span>
                          </>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
    </>
  );
}
