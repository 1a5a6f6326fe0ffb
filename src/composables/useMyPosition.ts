import { ref, shallowRef } from 'vue'
import type { LatLon } from '../catalogue/geo'

export type PositionProblem = 'denied' | 'timeout' | 'unavailable'

/** A fix from satellites needs no network but can take a while outdoors; past this the user is told. */
const TIMEOUT_MS = 20_000
/** A position from the last ten minutes is good enough to sort cities. */
const MAX_AGE_MS = 600_000

/**
 * The device's position, asked for only when the user asks (never on load), with a refusal, a timeout or
 * no positioning at all returned as a reason the interface can explain.
 */
export function useMyPosition() {
  const position = shallowRef<LatLon | undefined>()
  const problem = ref<PositionProblem | undefined>()
  const asking = ref(false)

  function ask(): void {
    if (!('geolocation' in navigator)) {
      problem.value = 'unavailable'
      return
    }
    asking.value = true
    problem.value = undefined
    navigator.geolocation.getCurrentPosition((p) => {
      position.value = { lat: p.coords.latitude, lon: p.coords.longitude }
      asking.value = false
    }, (error) => {
      problem.value = error.code === error.PERMISSION_DENIED ? 'denied' : error.code === error.TIMEOUT ? 'timeout' : 'unavailable'
      asking.value = false
    }, { enableHighAccuracy: false, timeout: TIMEOUT_MS, maximumAge: MAX_AGE_MS })
  }

  return { position, problem, asking, ask }
}
