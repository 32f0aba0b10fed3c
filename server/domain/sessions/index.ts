/** Pure rules of sessions and attendance: no I/O. */
export * from './attendance';
export * from './cadence';
export * from './changes';
export * from './ids';
export * from './kinds';
export * from './seats';
export * from './periods';
export * from './timing';
