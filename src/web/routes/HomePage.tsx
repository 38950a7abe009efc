import { PageHeader } from '../components/PageHeader';
import { useAuth } from '../lib/auth';
import { useI18n } from '../lib/i18n';
import { Link } from '../lib/router';
import { isRole } from '../../shared/roles';
import { HOME_CARDS } from './home-cards';

/** The role home: one section per role the user holds, each with the cards of that role. */
export function HomePage() {
  const { t } = useI18n();
  const { user } = useAuth();
  if (!user) return null;
  // sections in the order the server lists the user's roles (the primary role first)
  const held = [...new Set(user.roles.map((a) => a.role))].filter(isRole);

  return (
    <>
      <PageHeader title={t('home.greeting', { name: user.displayName })} intro={held.length ? t('home.intro') : undefined} />
      {held.length === 0 ? <p className="panel">{t('home.noRoles')}</p> : null}
      {held.map((role) => (
        <section key={role} className="home-section" aria-labelledby={`home-${role}`}>
          <h2 id={`home-${role}`} className="section-title">
            {t(`role.${role}`)}
          </h2>
          <ul className="card-grid">
            {HOME_CARDS[role].map((card) => (
              <li key={card.key}>
                <Link to={card.to} className={`card${card.isReady ? '' : ' card--soon'}`}>
                  <span className="card-title">
                    {t(`card.${card.key}.title`)}
                    {card.isReady ? null : <span className="badge">{t('home.soonBadge')}</span>}
                  </span>
                  <span className="card-desc">{t(`card.${card.key}.desc`)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
