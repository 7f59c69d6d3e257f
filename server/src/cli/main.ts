import { parseArgs } from 'node:util';
import { sql, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { loadConfig } from '../config.js';
import { createServices } from '../services.js';
import { appendAudit } from '../platform/audit.js';
import { hashPassword } from '../platform/crypto.js';
import { checkPassword, passwordProblemMessage } from '../../../common/src/password-policy.js';
import { ORG_LEVELS } from '../../../common/src/org.js';
import { org } from '../modules/org/org.schema.js';
import { appUser, passwordHistory, role, userRole } from '../modules/user/user.schema.js';
import { temporaryPassword } from '../modules/user/user.service.js';
import { cliCommands } from './commands.js';
import { recoverImports } from '../modules/member/import/import.recovery.js';
import type { Services } from '../platform/context.js';

/**
 * `npm run cli -- <area> <command> [options]`. Each command calls the same services as the API.
 * Exit codes: 0 ok, 1 failed, 2 bad usage.
 */
const USAGE = `用法 / usage: npm run cli -- <command>
  admin create --username U --name 姓名 [--org-code CODE] [--org-name 名称 --level city|province|county] [--password P]
        创建系统管理员；数据库为空时同时创建根组织 / create an administrator (and the root org on an empty database)
${cliCommands.map((c) => `  ${c.usage}\n        ${c.help}`).join('\n')}`;

async function adminCreate(s: Services, args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      'org-code': { type: 'string' },
      'org-name': { type: 'string' },
      level: { type: 'string' },
      password: { type: 'string' },
    },
  });
  if (!values.username || !values.name) throw new UsageError('需要 --username 和 --name / --username and --name are required');
  const sec = await s.settings.security();
  const password = values.password ?? temporaryPassword();
  const problems = checkPassword(password, { minLength: sec.passwordMinLength, minClasses: sec.passwordMinClasses }, values.username);
  if (problems.length)
    throw new UsageError(
      problems.map((p) => passwordProblemMessage(p, { minLength: sec.passwordMinLength, minClasses: sec.passwordMinClasses }).zh).join('；'),
    );
  await s.db.transaction(async (tx) => {
    const [dup] = await tx.select({ id: appUser.id }).from(appUser).where(eq(appUser.username, values.username!));
    if (dup) throw new UsageError(`用户名 ${values.username} 已存在 / username exists`);
    let orgId: string;
    const [existing] = values['org-code'] ? await tx.select().from(org).where(eq(org.code, values['org-code'])) : [];
    if (existing) orgId = existing.id;
    else {
      const [{ n }] = ((await tx.execute(sql`SELECT count(*)::int AS n FROM org`)) as unknown as { rows: [{ n: number }] }).rows;
      if (n > 0)
        throw new UsageError(values['org-code'] ? `组织编码 ${values['org-code']} 不存在 / no such org` : '请用 --org-code 指定所属组织 / give --org-code');
      const level = values.level ?? 'city';
      if (!['national', 'province', 'city', 'county'].includes(level) || !(ORG_LEVELS as readonly string[]).includes(level))
        throw new UsageError('--level 应为 national、province、city 或 county');
      if (!values['org-name'] || !values['org-code'])
        throw new UsageError('空数据库需要 --org-code 和 --org-name 来创建根组织 / an empty database needs --org-code and --org-name for the root org');
      orgId = uuidv7();
      await tx.insert(org).values({ id: orgId, parentId: null, path: `/${orgId}/`, depth: 0, level, code: values['org-code'], name: values['org-name'] });
    }
    const id = uuidv7();
    const hash = await hashPassword(password);
    await tx.insert(appUser).values({ id, username: values.username!, displayName: values.name!, orgId, passwordHash: hash, mustChangePassword: true });
    await tx.insert(passwordHistory).values({ userId: id, hash });
    const [admin] = await tx.select({ id: role.id }).from(role).where(eq(role.code, 'system_admin'));
    await tx.insert(userRole).values({ userId: id, roleId: admin!.id });
    await appendAudit(tx, {
      actorName: 'cli',
      orgId,
      action: 'user.create',
      entity: 'user',
      entityId: id,
      changes: { username: values.username, role: 'system_admin', password: '[redacted]' },
    });
  });
  console.log(`已创建管理员 / administrator created: ${values.username}`);
  if (!values.password) console.log(`临时密码 / temporary password (首次登录须修改 / change at first sign-in): ${password}`);
}

export class UsageError extends Error {}

async function main() {
  const [area, command, ...rest] = process.argv.slice(2);
  const key = `${area ?? ''} ${command ?? ''}`;
  // "area command" (members import, audit verify …) or a single word (backup, restore).
  const extra = cliCommands.find((c) => c.name === key) ?? cliCommands.find((c) => c.name === area);
  const args = extra && extra.name === area ? [command, ...rest].filter((a): a is string => a !== undefined) : rest;
  if (!extra && key !== 'admin create') {
    console.error(USAGE);
    process.exit(2);
  }
  if (extra?.noDatabase) process.exit(await extra.run(null as unknown as Services, args).catch((e: Error) => (console.error(e.message), 1)));
  let s: Services;
  try {
    await extra?.before?.(args);
    s = await createServices(loadConfig());
    // Imports a killed process left half-way (a killed `members import` among them) are marked failed.
    await recoverImports(s);
  } catch (e) {
    // One clear line, no stack trace (a locked data directory, a wrong key, a bad setting …).
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
  let code = 0;
  try {
    if (key === 'admin create') await adminCreate(s, rest);
    else code = await extra!.run(s, args);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(e.message);
      code = 2;
    } else {
      console.error(e instanceof Error ? e.message : e);
      code = 1;
    }
  } finally {
    await s.database.close();
  }
  process.exit(code);
}

void main();
