import { useI18n } from '../../lib/i18n';
import { seg } from '../../lib/api';
import { Link } from '../../lib/router';
import type { DossierSummary } from '../../../shared/api-types';
import { useDossierText } from './dossiers-text';

/** A list of dossiers: code, procedure, applicant, status, handler, and the due (or return) time. */
export function DossierTable({ items, dateColumn }: { items: DossierSummary[]; dateColumn: 'due' | 'closed' }) {
  const { tx, formatDateTime } = useDossierText();
  const { t } = useI18n();
  const dateLabel = dateColumn === 'closed' ? t('list.returnedAt') : tx('col.due');
  return (
    <div className="table-wrap">
      <table className="table dossier-queue">
        <thead>
          <tr>
            <th scope="col">{tx('col.code')}</th>
            <th scope="col">{tx('col.procedure')}</th>
            <th scope="col">{tx('col.applicant')}</th>
            <th scope="col">{tx('col.status')}</th>
            <th scope="col">{tx('col.assignee')}</th>
            <th scope="col">{dateLabel}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={d.code} className={d.isOverdue ? 'dossier-row--overdue' : d.isDueSoon ? 'dossier-row--soon' : undefined}>
              <td data-label={tx('col.code')} className="cell-primary">
                <Link to={`/dossiers/${seg(d.code)}`}>
                  <code>{d.code}</code>
                </Link>
              </td>
              <td data-label={tx('col.procedure')}>{d.procedureName}</td>
              <td data-label={tx('col.applicant')}>{d.applicantName}</td>
              <td data-label={tx('col.status')}>
                <span className={`dossier-status dossier-status--${d.status}`}>{tx(`status.${d.status}`)}</span>
              </td>
              <td data-label={tx('col.assignee')}>{d.assigneeName ?? '—'}</td>
              <td data-label={dateLabel}>
                {dateColumn === 'closed' ? (
                  d.closedAt ? (
                    formatDateTime(d.closedAt)
                  ) : (
                    '—'
                  )
                ) : (
                  <>
                    {d.dueAt ? formatDateTime(d.dueAt) : '—'}
                    {d.isOverdue ? (
                      <span className="badge badge--danger">{tx('overdue')}</span>
                    ) : d.isDueSoon ? (
                      <span className="badge badge--warning">{tx('dueSoon')}</span>
                    ) : null}
                  </>
                )}
                {d.hasApology ? <span className="badge">{tx('apologized')}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
