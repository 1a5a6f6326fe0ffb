/** Size limits of the user's own data, shared by the editors and the import (valibot-free, loaded on every start). */
export const MAX_NOTE_LENGTH = 20_000
export const MAX_TAG_LENGTH = 60
export const MAX_TAGS = 50
