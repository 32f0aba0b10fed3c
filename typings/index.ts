export type * from './reply';
export type * from './paging';
export type * from './models';
export type * from './api';
export type * from './areas/member';
export type * from './areas/sessions';
export type * from './areas/dues';
export type * from './areas/points';
