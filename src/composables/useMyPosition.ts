import { storeToRefs } from 'pinia'
import { useNearStore } from '../stores/near'

export type { PositionProblem } from '../stores/near'

/** The device's position for the map, shared with the lists' "Nearest to me" (src/stores/near). */
export function useMyPosition() {
  const near = useNearStore()
  const { position, problem, asking } = storeToRefs(near)
  return { position, problem, asking, ask: () => near.ask() }
}
