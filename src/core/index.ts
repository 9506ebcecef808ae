export * from './errors.js';
export * from './inputs.js';
export * from './exec.js';
export * from './log.js';
export * from './summary.js';
export * from './secrets.js';
export * from './action.js';
