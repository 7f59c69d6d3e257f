/**
 * The file contract moved to common/src/contracts/hardship-files.ts. The public self-check still
 * reads the tier snapshot's schema from here until its own routes move onto the kit.
 */
export { TierSnapshot } from '../../../../common/src/contracts/hardship-files.js';
