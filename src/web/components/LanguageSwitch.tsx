import { LANGS, useI18n } from '../lib/i18n';

/** Two buttons (VI / EN) with aria-pressed; each is labelled in its own language. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          className="lang-switch-btn"
          aria-pressed={lang === l}
          lang={l}
          title={t(l === 'vi' ? 'lang.vi' : 'lang.en')}
          onClick={() => setLang(l)}
        >
          <span aria-hidden="true">{l.toUpperCase()}</span>
          <span className="visually-hidden">{t(l === 'vi' ? 'lang.vi' : 'lang.en')}</span>
        </button>
      ))}
    </div>
  );
}
