// respite's own version (INFO respite_version) and the Redis version whose behaviour it matches.

export const RESPITE_VERSION = '0.1.0';
export const REDIS_VERSION = '7.0.15';
