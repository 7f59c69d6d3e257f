import type { FilterSpec, Text, Vocab } from '../../kit';

/** The filters every training and proposal list has: a text search, selects by vocabulary, and the union (with those below it). */
export function listFilters(q: Text, selects: Record<string, [Text, Vocab]>, org: Text): FilterSpec[] {
  return [
    { name: 'q', label: q },
    ...Object.entries(selects).map(([name, [label, vocab]]): FilterSpec => ({ name, label, kind: 'select', vocab })),
    { name: 'under', label: org, kind: 'org' },
  ];
}
