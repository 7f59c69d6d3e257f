import { loadConfig } from './config.js';
import { createServices, isDatabaseEmpty } from './services.js';
import { buildApp } from './app.js';
import { DataDirLockedError } from './db/lock.js';
import { DEMO_PASSWORD, DEMO_USERS, hasDemoData, seedDemo } from './seed/demo.js';
import { startJobs } from './jobs.js';
import { recoverImports } from './modules/member/import/import.recovery.js';
import { writeCheckpoint } from './platform/audit-tail.js';

async function main() {
  const config = loadConfig();
  let services;
  try {
    services = await createServices(config);
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  // Imports a killed process left half-way are marked failed with the reason (they can be restarted).
  const interrupted = await recoverImports(services);
  if (interrupted.length) console.log(`中断的导入已标记为失败，可重新开始 / interrupted imports marked failed (restartable): ${interrupted.length}`);
  const empty = await isDatabaseEmpty(services);
  if (empty && config.demo !== false) await seedDemo(services, { log: (m) => console.log(m), members: config.demoMembers });
  const demo = await hasDemoData(services);

  const app = await buildApp({ services, logger: { level: config.logLevel } });
  const stopJobs = config.jobs ? startJobs(services, app.log) : () => undefined;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: closing`);
    stopJobs();
    await app.close().catch(() => undefined);
    // Sign the log's head on the way out, so entries of this run are covered by a checkpoint.
    if (config.jobs) await writeCheckpoint(services.db, services.auditSigner).catch((e) => app.log.error({ err: e }, 'audit checkpoint failed'));
    await services.database.close().catch((e) => console.error(e));
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${(app.server.address() as { port: number }).port}/`;
  console.log(`\n智慧工会 Gonghui ${services.version} 已启动 / is running: ${url}`);
  console.log(`数据库 / database: ${services.database.engine}${services.database.engine === 'pglite' ? ` (${config.dataDir})` : ''}`);
  console.log(`接口文档 / API docs: ${url}api/docs`);
  if (demo) {
    console.log(`演示账号 / demo logins (密码 password: ${DEMO_PASSWORD}):`);
    for (const u of DEMO_USERS) console.log(`  ${u.username.padEnd(11)} ${u.note}`);
  } else if (empty) {
    console.log('数据库为空，请先创建管理员 / empty database: create the first administrator with');
    console.log('  npm run cli -- admin create --username admin --name 管理员 --org-code C0001 --org-name 某某市总工会 --level city');
  }
}

main().catch((e) => {
  // One clear message; the stack only when asked for (LOG_LEVEL=debug or trace).
  const debug = ['debug', 'trace'].includes(process.env.LOG_LEVEL ?? '');
  console.error(`启动失败 / failed to start: ${debug || !(e instanceof Error) ? ((e as Error)?.stack ?? e) : e.message}`);
  process.exit(1);
});
