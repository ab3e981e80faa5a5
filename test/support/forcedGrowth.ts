// Setup file of the `forced-growth` project (vitest.config.mjs): every WASM allocation first
// grows linear memory by a page, which detaches every JS view of it. A view that any code
// still used across an allocation would then read zeros or write nowhere, and the
// estimator suites run under this setup would see wrong numbers.
import { setArenaTestHooks } from '../../src/backend/wasm.js';

setArenaTestHooks({ forcedGrowth: true });
