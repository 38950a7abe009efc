import type { TemplateFile } from '../../../shared/api-types';
import { useCitizenText } from '../citizen/citizen-text';
import { formatSize, kindLabel } from './templates-format';

/** The "download the form" button of a document that must follow a form (public procedure page). */
export function TemplateDownload({ file }: { file: TemplateFile }) {
  const { tc, lang } = useCitizenText();
  const kind = kindLabel(file.contentType);
  return (
    <a className="btn btn--secondary btn--small proc-template" href={file.url} download={file.fileName}>
      <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
        <path d="M12 4v11m0 0-4.5-4.5M12 15l4.5-4.5M5 19h14" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      {tc('tpl.download')}
      <span className="proc-template-meta">({[kind, formatSize(file.size, lang)].filter(Boolean).join(', ')})</span>
    </a>
  );
}
