export type * from './reply';
export type * from './models';
export type * from './api';
export type * from './areas/member';
