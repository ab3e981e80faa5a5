// Entry point of the WASM module. Kernels never allocate: the boundary
// (src/backend/wasm.ts) owns a bump arena above __heap_base and passes pointers.
export { heapBase } from './memory';
export { histogram, jointHistogram, jointHistogram3, rangeI32, sumNLogN, miSparse } from './histogram';
export { digamma, sumDigamma, sumLog } from './digamma';
export { argsortF64, argsortScratchBytes } from './radix';
export { lineKnn, lineCount } from './line';
export { lineKnnRange } from './line';
export { kdNodeCount } from './kdtree';
export { kdBuild } from './kdbuild';
export { kdKnn } from './kdknn';
export { gridAxisCap, gridBuild, gridCellCap } from './gridbuild';
export { gridKnn, gridMaxK } from './gridknn';
export { gridKnnRange } from './gridknn';
export { kdCount } from './kdcount';
export { planeCount, planeScratchBytes } from './plane';
export { neighbourExtent } from './extent';
export { binCodes } from './binning';
export { sumXLogX, chaoShenSum } from './entropy';
export { pairTables } from './selection';
export { kdeBlock } from './kde';
export { copnormF64 } from './copnorm';
export { rankCounts } from './rankksg';
export { pairCounts, pairMutualInfo } from './pairs';
export { compactCodes } from './compact';
