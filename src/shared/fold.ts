/** Vietnamese folded for matching, as `f_unaccent(lower(…))` does in SQL: NFD, combining marks dropped, đ → d, lower case. */
export const foldVietnamese = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().trim();
