import { useState } from 'react';
import { ErrorAlert } from '../../components/Alert';
import { api } from '../../lib/api';
import { describeError } from '../../lib/errors';
import type { Attendance, MyAttendance } from '../../../shared/api-types';
import { currentMonth, useLoad } from './conduct-api';
import { useConductText } from './conduct-text';

/** "Chấm công": check in (first press of a working day) and out (later presses); the month below. */
export function CheckInPanel() {
  const { tx, t, formatDate } = useConductText();
  const mine = useLoad<MyAttendance>('/conduct/my/attendance', { month: currentMonth() });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const d = mine.data;
  if (!d?.official) return null;
  const today = d.items.find((i) => i.workDate === d.today);
  const time = (iso: string | null) =>
    iso ? new Date(iso).toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' }) : '';
  const press = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.post<Attendance>('/conduct/my/attendance');
      mine.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const marked = d.items.filter((i) => i.status !== 'on_time');
  return (
    <section className="panel" aria-labelledby="cd-checkin-title">
      <h2 className="section-title" id="cd-checkin-title">
        {tx('checkInTitle')}
      </h2>
      <div className="cd-checkin">
        {d.isWorkingDay ? (
          <button type="button" className="btn btn--primary" disabled={busy} onClick={() => void press()}>
            {today ? tx('checkOut') : tx('checkIn')}
          </button>
        ) : null}
        <span role="status">
          {!d.isWorkingDay
            ? tx('notWorkingDay')
            : today
              ? tx('checkedIn', { in: time(today.checkIn), out: today.checkOut ? tx('checkedOut', { out: time(today.checkOut) }) : '' })
              : tx('notCheckedIn')}
          {today && today.status !== 'on_time' ? <span className="cd-badge cd-badge--bad">{tx(`att.status.${today.status}`)}</span> : null}
        </span>
      </div>
      {error ? <ErrorAlert error={describeError(error, t)} /> : null}
      <p className="cell-meta">
        {tx('myMonth')}: {d.items.length} · {tx('late')} {d.items.filter((i) => i.lateMinutes > 0).length} · {tx('early')}{' '}
        {d.items.filter((i) => i.earlyMinutes > 0).length} · {tx('absent')} {d.items.filter((i) => i.status === 'absent').length}
        {marked.length
          ? ` — ${marked
              .slice(-5)
              .map((i) => `${formatDate(i.workDate)}: ${tx(`att.status.${i.status}`)}`)
              .join('; ')}`
          : ''}
      </p>
    </section>
  );
}
