/** The domain modules the benchmark measures (see registry.ts); each module's file adds one line here. */
export { MODULE_BENCHES, type ModuleBench } from './registry.js';
import './benefit.js';
import './plan.js';
import './station.js';
import './achievement.js';
import './event.js';
import './portal.js';
import './mutual-aid.js';
import './contract.js';
import './dispute.js';
