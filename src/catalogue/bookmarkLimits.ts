/**
 * Size limits of the user's own data: the note and tag editors (components) and the database's writes and
 * import read the same numbers from here, the lowest layer both may import. Valibot-free: loaded on every start.
 */
export const MAX_NOTE_LENGTH = 20_000
export const MAX_TAG_LENGTH = 60
export const MAX_TAGS = 50
