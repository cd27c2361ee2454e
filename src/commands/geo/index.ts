// The geo group: geospatial indexes stored as sorted sets of geohash scores.

import type { CommandSpec } from '../spec.js';
import { geoadd, geodist, geohash, geopos } from './basic.js';
import { georadius, georadius_ro, georadiusbymember, georadiusbymember_ro, geosearch, geosearchstore } from './search.js';

export const GEO_COMMANDS: readonly CommandSpec[] = [
  geoadd, geodist, geohash, geopos,
  geosearch, geosearchstore, georadius, georadiusbymember, georadius_ro, georadiusbymember_ro,
];
