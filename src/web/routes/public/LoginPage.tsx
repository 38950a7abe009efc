import { useEffect, useState } from 'react';
import { Alert, ErrorAlert } from '../../components/Alert';
import { Emblem } from '../../components/Emblem';
import { TextField } from '../../components/Field';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { fetchMeta, isApiError } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { useI18n } from '../../lib/i18n';
import { navigate, safeNextPath, useLocation } from '../../lib/router';
import type { Meta } from '../../../shared/api-types';
import { useForm } from '../../lib/use-form';
import { usePageTitle } from '../../lib/use-page-title';

export function LoginPage() {
  const { t } = useI18n();
  const auth = useAuth();
  const { query } = useLocation();
  const [meta, setMeta] = useState<Meta | null>(null);
  const [showPassword, setShowPassword] = useState(false);
  usePageTitle(t('login.title'));

  useEffect(() => {
    let cancelled = false;
    fetchMeta()
      .then((m) => !cancelled && setMeta(m))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);

  const form = useForm({
    idPrefix: 'login',
    initial: { username: '', password: '' },
    t,
    validate: (v) => ({
      username: v.username.trim() ? undefined : t('login.usernameRequired'),
      password: v.password ? undefined : t('login.passwordRequired'),
    }),
    onSubmit: async (v) => {
      await auth.login(v.username.trim(), v.password);
      navigate(safeNextPath(query.get('next')), { replace: true });
    },
    // fixed messages for 401/429: never reveal which of the two fields was wrong
    describe: (err, view) => {
      if (isApiError(err) && err.status === 401) return { ...view, message: t('login.invalid') };
      if (isApiError(err) && err.status === 429) return { ...view, message: t('login.locked') };
      return view;
    },
  });
  const error = form.formError;

  const demoAccounts = meta?.demo ? (meta.demoAccounts ?? []) : [];

  return (
    <div className="login-page">
      <header className="login-top">
        <div className="brand">
          <Emblem />
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <LanguageSwitch />
      </header>
      <main id="main" className="login-main" tabIndex={-1}>
        <div className="login-card">
          <h1 className="page-title">{t('login.title')}</h1>
          <p className="page-intro">{t('login.intro')}</p>
          {auth.isExpired && !error ? <Alert kind="info">{t('login.sessionExpired')}</Alert> : null}
          {error ? (
            <div id="login-alert" tabIndex={-1}>
              <ErrorAlert error={error} />
            </div>
          ) : null}
          <form noValidate onSubmit={(e) => void form.handleSubmit(e)} className="form">
            <TextField
              {...form.field('username')}
              label={t('login.username')}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              maxLength={64}
            />
            <TextField
              {...form.field('password')}
              label={t('login.password')}
              type={showPassword ? 'text' : 'password'}
              autoComplete="current-password"
              maxLength={256}
            />
            <label className="checkbox">
              <input type="checkbox" checked={showPassword} onChange={(e) => setShowPassword(e.target.checked)} />
              <span>{t('login.showPassword')}</span>
            </label>
            <button type="submit" className="btn btn--primary btn--block" disabled={form.submitting}>
              {form.submitting ? t('login.submitting') : t('login.submit')}
            </button>
          </form>
        </div>
        {demoAccounts.length > 0 ? (
          <aside className="demo-box" aria-labelledby="demo-title">
            <h2 id="demo-title" className="demo-title">
              {t('login.demoTitle')}
            </h2>
            <p>{t('login.demoText')}</p>
            <ul className="demo-list">
              {demoAccounts.map((a) => (
                <li key={a}>
                  <button type="button" className="link-btn" onClick={() => form.setValue('username', a)}>
                    <code>{a}</code>
                  </button>
                </li>
              ))}
            </ul>
          </aside>
        ) : null}
      </main>
    </div>
  );
}
