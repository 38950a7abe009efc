import { useEffect } from 'react';
import { useI18n } from './i18n';

/** Sets document.title to "<page> · Công Vụ". */
export function usePageTitle(title: string): void {
  const { t } = useI18n();
  const app = t('app.name');
  useEffect(() => {
    document.title = title && title !== app ? `${title} · ${app}` : app;
  }, [title, app]);
}
