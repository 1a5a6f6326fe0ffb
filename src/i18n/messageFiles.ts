/** Every message group's file in every language (locales/<group>/<tag>.json), each a chunk of its own. */
import type { MessageGroup } from './lazyMessages'

type Messages = Record<string, Record<string, unknown>>

const files = import.meta.glob<{ default: Messages }>('../../locales/*/*.json')

/** A group's messages in one language; undefined if the group has no file for it. */
export async function readMessages(group: MessageGroup, tag: string): Promise<Messages | undefined> {
  const load = files[`../../locales/${group}/${tag}.json`]
  return load ? (await load()).default : undefined
}
