import { computed } from 'vue'
import { db } from '../db'
import { useLiveQuery } from './useLiveQuery'

/** Badges of practices the last syncs added or changed and the user has not opened yet. */
export function useUnseen() {
  const rows = useLiveQuery(() => db.unseen.toArray(), [])
  return computed(() => new Map(rows.value.map(r => [r.id, r.kind] as const)))
}
