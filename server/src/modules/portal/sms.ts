import crypto from 'node:crypto';
import { maskMobile } from '../../../../common/src/mobile.js';
import { smsOutbox } from './portal.schema.js';
import type { Executor } from '../../db/client.js';
import type { KeyRing } from '../../platform/crypto.js';

/** One text message to one mobile; `purpose` names why it was sent ('sign-in code', …). */
export interface SmsMessage {
  mobile: string;
  body: string;
  purpose: 'sign_in_code';
}

/**
 * How the platform sends text messages. A deployment plugs in its carrier or cloud SMS gateway by
 * implementing `send`; the `outbox` provider keeps every message in the database instead, for pilots
 * and tests, where an administrator reads them (系统管理 → 短信发件箱). docs/portal.md.
 */
export interface SmsProvider {
  readonly name: string;
  send(exec: Executor, keys: KeyRing, m: SmsMessage): Promise<void>;
}

export const outboxProvider: SmsProvider = {
  name: 'outbox',
  async send(exec, keys, m) {
    await exec.insert(smsOutbox).values({
      id: crypto.randomUUID(),
      mobileIndex: keys.blindIndex(m.mobile, 'mobile'),
      mobileMasked: maskMobile(m.mobile),
      body: m.body,
      purpose: m.purpose,
    });
  },
};

const providers: Record<string, SmsProvider> = { outbox: outboxProvider };

/** The configured provider (GONGHUI_SMS_PROVIDER, `outbox` by default and for now the only one shipped). */
export function smsProvider(): SmsProvider {
  const name = process.env.GONGHUI_SMS_PROVIDER ?? 'outbox';
  const p = providers[name];
  if (!p) throw new Error(`unknown SMS provider ${name}`);
  return p;
}
