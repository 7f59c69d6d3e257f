import { isNull } from 'drizzle-orm';
import { org } from '../org/org.schema.js';
import { insertFile, requireHoldingUnion } from './file.service.js';
import { auditOf } from './hardship.shared.js';
import { loadRules } from './rules.service.js';
import { evaluateTier, nextSteps } from '../../../../common/src/hardship-tier.js';
import { CURRENT_CONSENT_VERSION } from '../../../../common/src/member-input.js';
import { todayInChina } from '../../../../common/src/dates.js';
import { appendAudit } from '../../platform/audit.js';
import { errors } from '../../platform/errors.js';
import type { PublicCtx } from '../../platform/context.js';
import type { z } from 'zod';
import type { ApplyBody, SelfCheckBody } from '../../../../common/src/contracts/hardship-public.js';

/** The installation's default region: the root union's region code. */
async function defaultRegion(s: PublicCtx): Promise<string | null> {
  const [root] = await s.db.select({ regionCode: org.regionCode }).from(org).where(isNull(org.parentId)).limit(1);
  return root?.regionCode ?? null;
}

/** Public self-check (自测): the tier the figures may qualify for and what to do next. Nothing is stored. */
export async function selfCheck(s: PublicCtx, input: z.infer<typeof SelfCheckBody>) {
  const regionCode = input.regionCode ?? (await defaultRegion(s));
  if (!regionCode) throw errors.invalid('请填写所在地区的行政区划代码', 'Enter your region code');
  const rules = await loadRules(s.db);
  const result = evaluateTier({ ...input, regionCode, evaluationDate: todayInChina() }, rules.lines, rules.ruleSets);
  return { result, nextSteps: nextSteps(result), stored: false as const };
}

/**
 * A worker applies online (needs separate consent for the sensitive health and income data). The
 * file starts as `applied` for the chosen union to check; a member is linked by the ID number.
 */
export async function applyOnline(s: PublicCtx, input: z.infer<typeof ApplyBody>) {
  if (!input.mobile) throw errors.invalid('请填写手机号码，以便工会与您联系', 'A mobile number is required');
  if (input.consent.version !== CURRENT_CONSENT_VERSION)
    throw errors.invalid('个人信息处理规则已更新，请刷新页面后重新确认', 'The consent text has changed; reload and confirm again');
  const a = { userId: null, username: null, orgId: null, ip: s.ip };
  return s.db.transaction(async (tx) => {
    await requireHoldingUnion(tx, input.orgId);
    const made = await insertFile(
      s,
      tx,
      {
        orgId: input.orgId,
        memberId: null,
        origin: 'application',
        idNumber: input.idNumber,
        mobile: input.mobile,
        fields: input.fields,
        consent: input.consent,
        scope: null,
      },
      a,
    );
    await appendAudit(tx, {
      ...auditOf(a, input.orgId, 'hardship.apply', made.id, { changes: { fileNo: made.fileNo, idNumber: '[encrypted]' } }),
      actorName: 'public',
    });
    return { fileNo: made.fileNo, status: made.status, tier: made.tier, explanation: made.tierResult.explanation, nextSteps: nextSteps(made.tierResult) };
  });
}
