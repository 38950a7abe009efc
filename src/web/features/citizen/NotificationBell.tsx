/**
 * The bell in the header: the signed-in user's in-app notifications (supplement requested, result
 * ready…) with the unread count; opening one marks it read and goes to its dossier.
 */
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { MyNotification } from '../../../shared/api-types';
import { seg } from '../../lib/api';
import { navigate, useLocation } from '../../lib/router';
import { citizenApi } from './citizen-api';
import { useCitizenText } from './citizen-text';
import './citizen.css';

/** How often the count is asked again while the page stays open (it is also asked on every navigation). */
const POLL_MS = 60_000;

/** The message ends with the public lookup link (for e-mail and SMS); here the item itself opens the dossier. */
const withoutLookupLink = (body: string): string => body.replace(/\s*Tra cứu: \S+$/, '');

function BellIcon() {
  return (
    <svg className="bell-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-1.7 1.7A1 1 0 0 0 4 19.4h16a1 1 0 0 0 .7-1.7L19 16Z"
      />
    </svg>
  );
}

export function NotificationBell() {
  const { tc, formatDateTime } = useCitizenText();
  const { pathname } = useLocation();
  const [unread, setUnread] = useState(0);
  const [isOpen, setOpen] = useState(false);
  const [items, setItems] = useState<MyNotification[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasError, setError] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  const refreshCount = useCallback((signal?: AbortSignal) => {
    citizenApi.unreadCount(signal).then(
      (r) => setUnread(r.unread),
      () => undefined, // the count waits for the next try
    );
  }, []);

  useEffect(() => {
    const ctrl = new AbortController();
    refreshCount(ctrl.signal);
    const timer = window.setInterval(() => refreshCount(), POLL_MS);
    return () => {
      ctrl.abort();
      window.clearInterval(timer);
    };
  }, [pathname, refreshCount]);

  const load = async (after: string | null) => {
    setError(false);
    try {
      const page = await citizenApi.notifications(after);
      setItems((old) => (after ? [...old, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setUnread(page.unread);
    } catch {
      setError(true);
    }
  };

  const toggle = () => {
    if (!isOpen) void load(null);
    setOpen(!isOpen);
  };

  // close on a click outside
  useEffect(() => {
    if (!isOpen) return;
    const onDown = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [isOpen]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape' && isOpen) {
      setOpen(false);
      button.current?.focus();
    }
  };

  const open = async (n: MyNotification) => {
    if (!n.readAt) {
      try {
        const r = await citizenApi.markRead(n.id);
        setUnread(r.unread);
        setItems((all) => all.map((x) => (x.id === n.id ? { ...x, readAt: new Date().toISOString() } : x)));
      } catch {
        // opening the dossier matters more than the mark
      }
    }
    setOpen(false);
    if (n.dossierCode) navigate(`/dossiers/${seg(n.dossierCode)}`);
  };

  const markAll = async () => {
    const r = await citizenApi.markAllRead();
    setUnread(r.unread);
    const now = new Date().toISOString();
    setItems((all) => all.map((x) => (x.readAt ? x : { ...x, readAt: now })));
  };

  const label = unread ? `${tc('bell.label')}, ${tc('bell.unread', { count: unread })}` : tc('bell.label');
  return (
    <div className="bell" ref={root} onKeyDown={onKeyDown}>
      <button ref={button} type="button" className="bell-btn" aria-expanded={isOpen} aria-controls={panelId} aria-label={label} title={label} onClick={toggle}>
        <BellIcon />
        {unread ? (
          <span className="bell-count" data-testid="bell-count">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      {isOpen ? (
        <section id={panelId} className="bell-panel" aria-label={tc('bell.title')}>
          <header className="bell-head">
            <h2 className="bell-title">{tc('bell.title')}</h2>
            {unread ? (
              <button type="button" className="link-btn bell-mark-all" onClick={() => void markAll()}>
                {tc('bell.markAll')}
              </button>
            ) : null}
          </header>
          {hasError ? <p className="bell-empty">{tc('bell.error')}</p> : null}
          {!hasError && items.length === 0 ? <p className="bell-empty">{tc('bell.empty')}</p> : null}
          <ul className="bell-list">
            {items.map((n) => (
              <li key={n.id} className={n.readAt ? 'bell-item' : 'bell-item is-unread'}>
                <button type="button" className="bell-link" onClick={() => void open(n)}>
                  <span className="bell-subject">
                    {n.readAt ? null : <span className="bell-dot" aria-label={tc('bell.new')} />}
                    {n.subject}
                  </span>
                  <span className="bell-body">{withoutLookupLink(n.body)}</span>
                  <span className="bell-meta">
                    <span>{formatDateTime(n.createdAt)}</span>
                    {n.dossierCode ? <span className="bell-code">{tc('bell.openDossier', { code: n.dossierCode })}</span> : null}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {cursor ? (
            <button type="button" className="btn btn--secondary btn--block" onClick={() => void load(cursor)}>
              {tc('bell.more')}
            </button>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
