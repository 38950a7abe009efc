import { useI18n } from '../lib/i18n';
import { describeError } from '../lib/errors';
import { ErrorAlert } from './Alert';

interface Props {
  count: number;
  isLoading: boolean;
  hasMore: boolean;
  error: unknown;
  isSearch: boolean;
  onLoadMore: () => void;
}

/** Below a list: loading / empty / error state, the count shown, and "load more". */
export function ListFooter({ count, isLoading, hasMore, error, isSearch, onLoadMore }: Props) {
  const { t } = useI18n();
  return (
    <div className="list-footer">
      {error ? <ErrorAlert error={describeError(error, t)} /> : null}
      <p className="list-status" role="status" aria-live="polite">
        {isLoading
          ? t('common.loading')
          : count === 0 && !error
            ? t(isSearch ? 'common.emptySearch' : 'common.empty')
            : count > 0
              ? t('common.shown', { count })
              : ''}
      </p>
      {hasMore ? (
        <button type="button" className="btn btn--secondary" onClick={onLoadMore} disabled={isLoading}>
          {t('common.loadMore')}
        </button>
      ) : null}
    </div>
  );
}
