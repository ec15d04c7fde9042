// Request size limits: bodies past them are refused with 413 before they are read whole.
export const BODY_LIMIT_BYTES = 256 * 1024;
/** An import carries a whole checklist (10 MB at most) in JSON, whose escaping can double it. */
export const IMPORT_BODY_LIMIT_BYTES = 24 * 1024 * 1024;
