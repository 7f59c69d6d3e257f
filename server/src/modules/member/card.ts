import { eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import { member } from './member.schema.js';
import { org } from '../org/org.schema.js';
import { requireMemberInScope } from './member.service.js';
import type { Ctx, Services } from '../../platform/context.js';

/** A name as the card check shows it to anyone: first character kept, the rest starred but the last of 3+ ("张*明"). */
export function maskPersonName(name: string): string {
  const c = [...name];
  if (c.length <= 1) return name;
  if (c.length === 2) return c[0] + '*';
  return c[0] + '*'.repeat(c.length - 2) + c[c.length - 1];
}

/** The QR token: member id and card number, signed with the platform key (no personal data inside). */
export function cardToken(s: Pick<Services, 'keys'>, memberId: string, cardNo: string): string {
  const body = Buffer.from(JSON.stringify({ m: memberId, c: cardNo })).toString('base64url');
  return `${body}.${s.keys.sign('card:' + body)}`;
}

export async function memberCard(c: Ctx, id: string, baseUrl: string) {
  const m = await requireMemberInScope(c, c.db, id);
  const [o] = await c.db.select({ name: org.name }).from(org).where(eq(org.id, m.orgId));
  const token = cardToken(c, m.id, m.cardNo);
  const verifyUrl = `${baseUrl}/card/verify?token=${encodeURIComponent(token)}`;
  return {
    cardNo: m.cardNo,
    name: m.name,
    orgName: o?.name ?? '',
    joinDate: m.joinDate,
    status: m.status,
    token,
    verifyUrl,
    qrDataUrl: await QRCode.toDataURL(verifyUrl, { margin: 1, width: 240, errorCorrectionLevel: 'M' }),
  };
}

export async function verifyCard(s: Services, token: string) {
  const [body, sig] = token.split('.');
  if (!body || !sig || s.keys.sign('card:' + body) !== sig) return { valid: false as const, reason: 'signature' as const };
  let payload: { m?: string; c?: string };
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { valid: false as const, reason: 'signature' as const };
  }
  if (!payload.m || !payload.c || !/^[0-9a-f-]{36}$/.test(payload.m)) return { valid: false as const, reason: 'signature' as const };
  const [m] = await s.db
    .select({ name: member.name, cardNo: member.cardNo, status: member.status, orgId: member.orgId })
    .from(member)
    .where(eq(member.id, payload.m));
  if (!m || m.cardNo !== payload.c) return { valid: false as const, reason: 'unknown' as const };
  const [o] = await s.db.select({ name: org.name }).from(org).where(eq(org.id, m.orgId));
  const valid = m.status === 'active' || m.status === 'retained' || m.status === 'transferring';
  return { valid, reason: valid ? null : ('left' as const), maskedName: maskPersonName(m.name), unionName: o?.name ?? '', status: m.status };
}
