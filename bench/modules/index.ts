/** The domain modules the benchmark measures (see registry.ts); each module's file adds one line here. */
export { MODULE_BENCHES, type ModuleBench } from './registry.js';
import './dispute.js';
