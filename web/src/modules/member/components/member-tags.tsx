import type React from 'react';

/**
 * ID numbers, mobiles and card numbers in a fixed-width font. Left for the import, application and
 * transfer pages until they are on the kit; the member pages use the kit's SensitiveValue and styles.
 */
export function Mono({ children }: { children: React.ReactNode }) {
  return <span style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', whiteSpace: 'nowrap' }}>{children}</span>;
}
