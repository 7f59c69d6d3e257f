import type { FilterSpec } from './ListPage';
import type { Text, Vocab } from './text';

/** The filters most lists have: a text search, selects by vocabulary, and the union (with those below it). */
export function listFilters(q: Text, selects: Record<string, [Text, Vocab]>, org: Text): FilterSpec[] {
  return [
    { name: 'q', label: q },
    ...Object.entries(selects).map(([name, [label, vocab]]): FilterSpec => ({ name, label, kind: 'select', vocab })),
    { name: 'under', label: org, kind: 'org' },
  ];
}
