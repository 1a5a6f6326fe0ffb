/**
 * "Near me": the device's position, asked for only when the user asks (never on load), with a refusal, a
 * timeout or no positioning at all kept as a reason the interface explains. One store for the map, the
 * catalogue and Saved, so the user is asked once. In the lists, "Nearest to me" is an order the user
 * chooses; it applies once the position is known, and a refusal ends it.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { LatLon, PositionProblem } from '../catalogue/geo'

/** A fix from satellites needs no network but can take a while outdoors; past this the user is told. */
const TIMEOUT_MS = 20_000
/** A position from the last ten minutes is good enough to sort cities. */
const MAX_AGE_MS = 600_000

export const useNearStore = defineStore('near', () => {
  const position = shallowRef<LatLon | undefined>()
  const problem = ref<PositionProblem | undefined>()
  const asking = ref(false)
  /** The user chose "Nearest to me" for the lists. */
  const chosen = ref(false)
  /** The lists' choice ended for want of a position: the lists say why (the map says so itself). */
  const choiceRefused = ref(false)

  function refuse(reason: PositionProblem): void {
    problem.value = reason
    choiceRefused.value = chosen.value
    chosen.value = false
  }

  function ask(): void {
    problem.value = undefined
    if (!('geolocation' in navigator)) {
      refuse('unavailable')
      return
    }
    asking.value = true
    navigator.geolocation.getCurrentPosition((p) => {
      position.value = { lat: p.coords.latitude, lon: p.coords.longitude }
      asking.value = false
    }, (error) => {
      asking.value = false
      refuse(error.code === error.PERMISSION_DENIED ? 'denied' : error.code === error.TIMEOUT ? 'timeout' : 'unavailable')
    }, { enableHighAccuracy: false, timeout: TIMEOUT_MS, maximumAge: MAX_AGE_MS })
  }

  function choose(): void {
    chosen.value = true
    choiceRefused.value = false
    if (position.value)
      problem.value = undefined
    else
      ask()
  }

  function leave(): void {
    chosen.value = false
    choiceRefused.value = false
  }

  const sorting = computed(() => chosen.value && position.value !== undefined)

  return { position, problem, asking, chosen, choiceRefused, sorting, ask, choose, leave }
})
