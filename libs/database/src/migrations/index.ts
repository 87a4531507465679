import { InitialSchema1764200000000 } from './1764200000000-initial-schema.js';

/** Every migration in order; new ones are appended here. */
export const MIGRATIONS = [InitialSchema1764200000000];
