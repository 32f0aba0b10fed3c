import { CORE_COLLECTIONS, coreCollections } from './areas/core';
import { MEMBER_COLLECTIONS, memberCollections } from './areas/members';
import { POINTS_COLLECTIONS, pointsCollections } from './areas/points';
import { SESSION_COLLECTIONS, sessionCollections } from './areas/sessions';
import { DUES_COLLECTIONS, duesCollections } from './areas/dues';
import { JOB_COLLECTIONS, jobCollections } from './areas/jobs';
import { DESK_COLLECTIONS, deskCollections } from './areas/desk';
import type { CollectionSpec } from './schema';

/** Collection names, defined once per area (database/areas/*). */
export const COLLECTIONS = {
  ...CORE_COLLECTIONS,
  ...MEMBER_COLLECTIONS,
  ...POINTS_COLLECTIONS,
  ...SESSION_COLLECTIONS,
  ...DUES_COLLECTIONS,
  ...JOB_COLLECTIONS,
  ...DESK_COLLECTIONS,
} as const;

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];

/** Every collection with its indexes and rules: the emulator creates them, the deploy step declares them. */
export const collections: CollectionSpec[] = [
  ...coreCollections,
  ...memberCollections,
  ...pointsCollections,
  ...sessionCollections,
  ...duesCollections,
  ...jobCollections,
  ...deskCollections,
];
