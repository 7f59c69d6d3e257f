import { expect } from 'vitest';
import type { TestClient } from '../../../test/harness.js';
import { waitForImport } from './import.service.js';
import { makeId, multipartBody, xlsxOf } from './roster-fixtures.js';

/**
 * Roster-import batches for the sibling test (server/src/platform/scope-sibling.test.ts): one
 * previewed batch per union given, which the other district's users must not read, download,
 * commit or cancel. Test-only.
 */
interface Target {
  id: string;
  version: number;
  secrets: string[];
}
export interface ImportSiblings {
  imports: Target[];
}

export const IMPORT_FILLERS: { prefix: string; param: string; targets: (s: ImportSiblings) => Target[] }[] = [
  { prefix: '/api/member-imports/:id', param: 'id', targets: (s) => s.imports },
];

let seq = 0;

/** Upload a small roster into `orgId` as `client` and wait for its preview. */
export async function importTarget(client: TestClient, orgId: string, label: string): Promise<Target> {
  seq++;
  const fileName = `${label}名册${seq}.xlsx`;
  const content = await xlsxOf(
    [
      ['姓名', '身份证号'],
      [`${label}导入人`, makeId('1987-06-0' + ((seq % 9) + 1), 500 + seq)],
    ],
    { textColumns: [2] },
  );
  const mp = multipartBody({ orgId }, { name: fileName, content });
  const res = await client.request('POST', '/api/member-imports', mp.body, { 'content-type': mp.contentType });
  expect(res.statusCode, res.body).toBe(202);
  const id = res.json().batchId as string;
  await waitForImport(id);
  return { id, version: 1, secrets: [fileName] };
}
