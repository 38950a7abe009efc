import type { MessageKey, Translate } from '../../lib/i18n';
import type { ProcedureSummary } from '../../../shared/api-types';

const LOCALE = { vi: 'vi-VN', en: 'en-GB' } as const;

export function formatAmount(n: number, lang: 'vi' | 'en'): string {
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 2 }).format(n);
}

/** "10 ngày làm việc", "Trong ngày", "4 giờ làm việc". */
export function formatLimit(limit: ProcedureSummary['timeLimit'], t: Translate, lang: 'vi' | 'en'): string {
  if (limit.unit === 'same_day') return t('proc.unit.same_day');
  return `${formatAmount(limit.amount, lang)} ${t(`proc.unit.${limit.unit}` as MessageKey)}`;
}

/** A step's budget in the procedure's unit (a same-day procedure's budgets are shares of the day). */
export function formatBudget(budget: number, unit: ProcedureSummary['timeLimit']['unit'], t: Translate, lang: 'vi' | 'en'): string {
  if (unit === 'same_day') return t('proc.budget.sameDay', { share: formatAmount(budget, lang) });
  return `${formatAmount(budget, lang)} ${t(`proc.unit.${unit}` as MessageKey)}`;
}

export function formatMoney(vnd: number, t: Translate, lang: 'vi' | 'en'): string {
  if (vnd === 0) return t('proc.free');
  return new Intl.NumberFormat(LOCALE[lang], { style: 'currency', currency: 'VND', maximumFractionDigits: 0 }).format(vnd);
}

export const onlineLabel = (level: ProcedureSummary['onlineLevel'], t: Translate): string => t(`proc.online.${level}` as MessageKey);
