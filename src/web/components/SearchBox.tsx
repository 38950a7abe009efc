import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../lib/i18n';

/**
 * A search form. Typing searches after a short pause; Enter searches at once. The server does
 * the accent-insensitive matching, so "ha giang" finds "Hà Giang".
 */
export function SearchBox({ id, label, onSearch, initial = '' }: { id: string; label: string; onSearch: (q: string) => void; initial?: string }) {
  const { t } = useI18n();
  const [value, setValue] = useState(initial);
  const last = useRef(initial);
  const onSearchRef = useRef(onSearch);
  useEffect(() => {
    onSearchRef.current = onSearch;
  }, [onSearch]);

  useEffect(() => {
    const q = value.trim();
    if (q === last.current) return;
    const timer = window.setTimeout(() => {
      last.current = q;
      onSearchRef.current(q);
    }, 350);
    return () => window.clearTimeout(timer);
  }, [value]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = value.trim();
    last.current = q;
    onSearchRef.current(q);
  };

  return (
    <form className="search" role="search" onSubmit={submit}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="search-row">
        <input id={id} className="input" type="search" value={value} onChange={(e) => setValue(e.target.value)} autoComplete="off" />
        <button type="submit" className="btn btn--secondary">
          {t('common.searchButton')}
        </button>
      </div>
    </form>
  );
}
