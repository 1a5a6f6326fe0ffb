/**
 * Untrusted text (catalogue fields, the user's notes and tags, addresses) set into the app's own messages is
 * wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE: the text form of `<bdi>`, for places markup cannot
 * go (a message parameter, an aria-label). A right-to-left override (U+202E) inside it then ends at the PDI and
 * cannot reorder the words of the message around it. In templates, `<bdi>` or `dir="auto"` does the same.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`
}
