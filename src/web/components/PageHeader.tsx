import type { ReactNode } from 'react';
import { usePageTitle } from '../lib/use-page-title';

export function PageHeader({ title, intro, children }: { title: string; intro?: ReactNode; children?: ReactNode }) {
  usePageTitle(title);
  return (
    <div className="page-header">
      <div>
        <h1 className="page-title" tabIndex={-1}>
          {title}
        </h1>
        {intro ? <p className="page-intro">{intro}</p> : null}
      </div>
      {children ? <div className="page-header-actions">{children}</div> : null}
    </div>
  );
}
