// Size limits for a source, in UTF-8 bytes. Kept apart from the zod schemas so the
// browser form can check a file's size before sending it without bundling zod.

/** Largest source text accepted. */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

/** Largest HTML page accepted before extraction (pages carry much markup; JSON bodies stop at 8 MB). */
export const MAX_HTML_BYTES = 6 * 1024 * 1024;
