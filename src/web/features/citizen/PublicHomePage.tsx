/**
 * The public home (signed out): find a procedure, look up a dossier, rate the service, the working
 * calendar, and sign in. Staff and citizens who are signed in get their role home instead.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { seg } from '../../lib/api';
import { Link, navigate } from '../../lib/router';
import { usePageTitle } from '../../lib/use-page-title';
import { useCatalogOptions } from '../procedures/use-catalog-options';
import { useCitizenText } from './citizen-text';
import './public-home.css';

/** Small line icons (24×24, currentColor) for the service cards. */
const ICONS: Record<'catalog' | 'submit' | 'rate' | 'calendar', ReactNode> = {
  catalog: <path d="M5 4h10l4 4v12H5zM15 4v4h4M8 12h8M8 16h6" />,
  submit: <path d="M12 16V4M7 9l5-5 5 5M5 14v6h14v-6" />,
  rate: <path d="m12 3.5 2.6 5.3 5.9.9-4.3 4.1 1 5.8-5.2-2.7-5.2 2.7 1-5.8L3.5 9.7l5.9-.9z" />,
  calendar: <path d="M4 6h16v14H4zM4 10h16M8 3v5M16 3v5M8 14h3v3H8z" />,
};

function ServiceCard({ to, icon, title, desc }: { to: string; icon: keyof typeof ICONS; title: string; desc: string }) {
  return (
    <li>
      <Link to={to} className="card ph-card">
        <svg className="ph-card-icon" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
          <g fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" strokeLinecap="round">
            {ICONS[icon]}
          </g>
        </svg>
        <span className="card-title">{title}</span>
        <span className="card-desc">{desc}</span>
      </Link>
    </li>
  );
}

export function PublicHomePage() {
  const { tc, t } = useCitizenText();
  usePageTitle(t('app.name'));
  const { fields } = useCatalogOptions();
  const [q, setQ] = useState('');
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState(false);

  const search = (e: FormEvent) => {
    e.preventDefault();
    const term = q.trim();
    navigate(term ? `/thu-tuc?q=${encodeURIComponent(term)}` : '/thu-tuc');
  };
  const lookup = (e: FormEvent) => {
    e.preventDefault();
    const c = code.trim().toUpperCase();
    if (!c) return setCodeError(true);
    navigate(`/tra-cuu/${seg(c)}`);
  };

  return (
    <div className="ph">
      <section className="ph-hero" aria-labelledby="ph-title">
        <p className="ph-kicker">{tc('home.kicker')}</p>
        <h1 id="ph-title" className="ph-title" tabIndex={-1}>
          {tc('home.title')}
        </h1>
        <p className="ph-lead">{tc('home.lead')}</p>
        <form className="ph-search" role="search" onSubmit={search}>
          <label className="visually-hidden" htmlFor="ph-q">
            {tc('home.searchLabel')}
          </label>
          <input
            id="ph-q"
            className="input ph-search-input"
            type="search"
            value={q}
            placeholder={tc('home.searchPlaceholder')}
            onChange={(e) => setQ(e.target.value)}
            autoComplete="off"
          />
          <button type="submit" className="btn btn--primary ph-search-btn">
            {tc('home.searchButton')}
          </button>
        </form>
        {fields.length ? (
          <nav className="ph-fields" aria-label={tc('home.fields')}>
            <span className="ph-fields-label">{tc('home.fields')}:</span>
            <ul>
              {fields.slice(0, 6).map((f) => (
                <li key={f.code}>
                  <Link to={`/thu-tuc?field=${seg(f.code)}`} className="ph-field" title={tc('home.fieldCount', { count: f.count })}>
                    {f.name}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </section>

      <div className="ph-row">
        <section className="panel ph-lookup" aria-labelledby="ph-lookup-title">
          <h2 id="ph-lookup-title" className="section-title">
            {tc('home.lookup.title')}
          </h2>
          <p className="ph-muted">{tc('home.lookup.desc')}</p>
          <form className="ph-lookup-form" onSubmit={lookup} noValidate>
            <div className="field">
              <label className="field-label" htmlFor="ph-code">
                {tc('home.lookup.label')}
              </label>
              <input
                id="ph-code"
                className="input input--mono"
                value={code}
                onChange={(e) => {
                  setCode(e.target.value.toUpperCase());
                  setCodeError(false);
                }}
                aria-invalid={codeError || undefined}
                aria-describedby={codeError ? 'ph-code-error' : undefined}
                autoCapitalize="characters"
                spellCheck={false}
              />
              {codeError ? (
                <p id="ph-code-error" className="field-error">
                  {tc('home.lookup.empty')}
                </p>
              ) : null}
            </div>
            <button type="submit" className="btn btn--primary">
              {tc('home.lookup.button')}
            </button>
          </form>
        </section>
        <section className="panel ph-signin" aria-labelledby="ph-signin-title">
          <h2 id="ph-signin-title" className="section-title">
            {tc('home.signIn.title')}
          </h2>
          <p className="ph-muted">{tc('home.signIn.desc')}</p>
          <Link to="/login" className="btn btn--primary">
            {tc('home.signIn.button')}
          </Link>
        </section>
      </div>

      <section aria-labelledby="ph-services">
        <h2 id="ph-services" className="section-title">
          {tc('home.services')}
        </h2>
        <ul className="card-grid ph-cards">
          <ServiceCard to="/thu-tuc" icon="catalog" title={tc('home.card.catalog.title')} desc={tc('home.card.catalog.desc')} />
          <ServiceCard
            to={`/login?next=${encodeURIComponent('/nop-ho-so')}`}
            icon="submit"
            title={tc('home.card.submit.title')}
            desc={tc('home.card.submit.desc')}
          />
          <ServiceCard to="/danh-gia" icon="rate" title={tc('home.card.rate.title')} desc={tc('home.card.rate.desc')} />
          <ServiceCard to="/lich" icon="calendar" title={tc('home.card.calendar.title')} desc={tc('home.card.calendar.desc')} />
        </ul>
      </section>
    </div>
  );
}
