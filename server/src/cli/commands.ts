import type { Services } from '../platform/context.js';
import { membersImportCommand } from '../modules/member/import/import.cli.js';
import { auditCommands } from './audit.cli.js';
import { backupCommands } from './backup.cli.js';
import { plansCommands } from './plans.cli.js';

/** Commands contributed by domain modules (members import, …): `name` is "area command". */
export interface CliCommand {
  name: string;
  usage: string;
  help: string;
  run(s: Services, args: string[]): Promise<number>;
  /** Checks made before the database is opened (it is created and migrated when opened). */
  before?(args: string[]): Promise<void>;
  /** Works on files only: the database is not opened (a running server may hold it). */
  noDatabase?: true;
}

export const cliCommands: CliCommand[] = [membersImportCommand, ...auditCommands, ...backupCommands, ...plansCommands];
