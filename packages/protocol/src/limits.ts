// Hard limits every decoder enforces (error code "oversized"), so hostile or corrupt input cannot exhaust memory.

/** Bodies in a scene and in a frame's pose array (a humanoid has 14; a vector of 64 Ants has ~600). */
export const MAX_BODIES = 4096;
/** Geoms attached to one body. */
export const MAX_GEOMS_PER_BODY = 256;
/** Geoms in a whole scene. */
export const MAX_GEOMS = 16384;
/** Entries of a frame's action, info or observation vector, and of the matching label lists. */
export const MAX_VECTOR_LENGTH = 4096;
/** Contacts in one frame. */
export const MAX_CONTACTS = 4096;
/** UTF-16 code units in any string field (ids, names, labels, messages). */
export const MAX_STRING_LENGTH = 1024;
/** Size of one JSON document: UTF-16 code units of a text message, bytes of a JSON record in a rollout file. */
export const MAX_JSON_LENGTH = 4 * 1024 * 1024;
/** Items in any JSON list that is not a vector (runs, rollouts, checkpoints, metrics rows). */
export const MAX_LIST_LENGTH = 100_000;
/** Keys in one metrics row. */
export const MAX_METRIC_KEYS = 256;
/** Frames in one rollout file (1000-step episodes: a thousand episodes). */
export const MAX_FRAMES = 1_000_000;
/** Episodes in one rollout file. */
export const MAX_EPISODES = 100_000;
/** Bytes of one rollout file (also keeps every offset inside a uint32). */
export const MAX_ROLLOUT_FILE_BYTES = 2 ** 31;
