/** A data-testid for component props typed without data-* attributes (button props, rows, options). */
export function testId(id: string): Record<string, string> {
  return { 'data-testid': id };
}
