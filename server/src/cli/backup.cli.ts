import fs from 'node:fs';
import path from 'node:path';
import { backupDatabase, BackupError, readManifest, restoreDatabase } from '../platform/backup.js';
import { loadConfig } from '../config.js';
import { makeKeyRing } from '../platform/crypto.js';
import type { CliCommand } from './commands.js';

const stamp = () => new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

/** `backup [FILE]` and `restore FILE` (docs/operations.md, "Backup and restore"). */
export const backupCommands: CliCommand[] = [
  {
    name: 'backup',
    usage: 'backup [FILE]',
    help: '备份整个数据库到一个归档文件（含清单：版本、迁移级别、各表行数和校验和、密钥指纹；不含密钥）/ write the whole database to one archive',
    async run(s, args) {
      const file = path.resolve(args[0] ?? `gonghui-${stamp()}.backup`);
      if (fs.existsSync(file)) {
        console.error(`文件已存在：${file} / the file exists`);
        return 2;
      }
      const m = await backupDatabase(s, file, (line) => console.log(`  ${line}`));
      const rows = m.tables.reduce((n, t) => n + t.rows, 0);
      console.log(`已备份 / backed up: ${file} (${m.tables.length} tables, ${rows} rows, ${(fs.statSync(file).size / 1048576).toFixed(1)} MB)`);
      console.log(
        `恢复时需要同一加密密钥（指纹 ${m.keyFingerprint}），请另行妥善保管 / a restore needs the same key (fingerprint ${m.keyFingerprint}); keep it apart from the archive`,
      );
      return 0;
    },
  },
  {
    name: 'restore',
    usage: 'restore FILE',
    help: '把备份恢复到空的数据目录（DATA_DIR）或空数据库（DATABASE_URL）；须使用备份时的加密密钥 / restore into an empty DATA_DIR or database, with the same key',
    // Checked before the database is opened: without the archive's key nothing is created.
    async before(args) {
      if (!args[0]) throw new BackupError('请指定备份文件', 'Name the archive to restore');
      const file = path.resolve(args[0]);
      if (!fs.existsSync(file)) throw new BackupError(`找不到备份文件：${file}`, `No such file: ${file}`);
      const m = await readManifest(file);
      const config = loadConfig();
      const keyFile = path.join(config.dataDir, 'secret.key');
      const hex = config.secretKeyHex ?? (fs.existsSync(keyFile) ? fs.readFileSync(keyFile, 'utf8').trim() : null);
      if (!hex) {
        throw new BackupError(
          `缺少加密密钥：请设置 GONGHUI_SECRET_KEY，或把备份时的 secret.key 放入 ${config.dataDir}（备份的密钥指纹为 ${m.keyFingerprint}）`,
          `No key: set GONGHUI_SECRET_KEY or put the original secret.key in ${config.dataDir} (the archive's key fingerprint is ${m.keyFingerprint})`,
        );
      }
      const keyId = makeKeyRing(Buffer.from(hex, 'hex')).keyId;
      if (keyId !== m.keyFingerprint) {
        throw new BackupError(
          `加密密钥不一致：备份使用指纹为 ${m.keyFingerprint} 的密钥，当前密钥指纹为 ${keyId}`,
          `Key mismatch: the archive was encrypted with key ${m.keyFingerprint}, the key given is ${keyId}`,
        );
      }
    },
    async run(s, args) {
      const file = path.resolve(args[0]!);
      const m = await restoreDatabase(s, file, (line) => console.log(`  ${line}`));
      console.log(
        `已恢复 / restored: ${m.tables.length} tables from ${m.createdAt} (${m.engine}, version ${m.appVersion}); 各表行数和校验和与清单一致 / counts and checksums match the manifest`,
      );
      return 0;
    },
  },
];
