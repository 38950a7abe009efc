/** The product mark: a red tile with a yellow star (decorative; the name is next to it). */
export function Emblem() {
  return (
    <svg className="emblem" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" className="emblem-tile" />
      <path className="emblem-star" d="M16 6.5l2.47 7.1h7.52l-6.08 4.42 2.32 7.14L16 20.74l-6.23 4.42 2.32-7.14L6.01 13.6h7.52z" />
    </svg>
  );
}
