import { v7 as uuidv7 } from 'uuid';
import { mediators, openLoads, orgNames } from './dispute.repo.js';
import { requireOrgInScope } from '../org/org.service.js';
import type { MediatorRow } from './dispute.schema.js';
import type { MediatorInput, MediatorListParams } from '../../../../common/src/contracts/dispute.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../db/client.js';

/** The mediator panel (调解员名册) of each centre: who mediates, which case types, how many open cases at most. */

async function present(exec: Executor, rows: MediatorRow[]) {
  const [names, loads] = await Promise.all([
    orgNames(
      exec,
      rows.map((m) => m.orgId),
    ),
    openLoads(
      exec,
      rows.map((m) => m.id),
    ),
  ]);
  return rows.map((m) => ({
    id: m.id,
    orgId: m.orgId,
    orgName: names.get(m.orgId) ?? '',
    name: m.name,
    kind: m.kind,
    specialties: m.specialties,
    capacity: m.capacity,
    active: m.active,
    open: loads.get(m.id) ?? 0,
    version: m.version,
  }));
}

export async function listMediators(c: Ctx, q: MediatorListParams) {
  const page = await mediators.list(c, q);
  return { ...page, items: await present(c.db, page.items) };
}

export async function createMediator(c: Ctx, input: MediatorInput) {
  return c.db.transaction(async (tx) => {
    await requireOrgInScope(c, tx, input.orgId);
    const row = await mediators.create(c, tx, { id: uuidv7(), ...input, specialties: [...new Set(input.specialties)] }, { action: 'mediator.create' });
    return (await present(tx, [row]))[0]!;
  });
}

export async function updateMediator(c: Ctx, id: string, input: MediatorInput & { version: number }) {
  return c.db.transaction(async (tx) => {
    const { version, ...set } = input;
    await requireOrgInScope(c, tx, set.orgId);
    const { after } = await mediators.update(c, tx, id, version, { ...set, specialties: [...new Set(set.specialties)] }, { action: 'mediator.update' });
    return (await present(tx, [after]))[0]!;
  });
}
