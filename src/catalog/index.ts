export * from './types.js';
export { loadCatalog, parseCatalog, DEFAULT_CATALOG_PATH } from './load.js';
export { resolveDependencies, dependentsIndex, serviceNames, groupNames, requireService } from './graph.js';
export { GLOB_OPTIONS, globRegExp, globBase } from './globs.js';
export { formatKeyPath, type KeyPath } from './keypath.js';
export { didYouMean, listSome } from './suggest.js';
