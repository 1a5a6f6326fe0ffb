import type { Ref } from 'vue'
import { type MapViewport, panBy, zoomAbout } from '../catalogue/mapView'
import { useElementSize } from './useElementSize'

/** A press that moves less than this is a tap (on a city), not the start of a drag. */
const DRAG_THRESHOLD = 6
const KEY_PAN = 80
const KEY_ZOOM = 1.5

/**
 * Pan and zoom of the map by pointer (mouse, pen, one finger drags, two fingers pinch), wheel and keys.
 * The pointer is captured only once a drag starts: a capture at press time would send the click to the
 * map instead of the city under the finger.
 */
export function useMapGestures(svg: Ref<SVGSVGElement | undefined>, view: Ref<MapViewport>) {
  const size = useElementSize(svg)
  const pointers = new Map<number, [number, number]>()
  let start: [number, number] = [0, 0]
  let dragged = false

  const local = (e: PointerLike): [number, number] => localPoint(svg.value!, e)

  function onPointerDown(e: PointerEvent): void {
    pointers.set(e.pointerId, local(e))
    if (pointers.size === 1) {
      start = local(e)
      dragged = false
    }
  }

  function pinch(id: number, from: [number, number], to: [number, number]): void {
    const other = [...pointers].find(([key]) => key !== id)?.[1]
    if (!other)
      return
    view.value = pinched(view.value, { from, to }, other)
    dragged = true
  }

  function onPointerMove(e: PointerEvent): void {
    const from = pointers.get(e.pointerId)
    if (!from)
      return
    const to = local(e)
    if (pointers.size >= 2) {
      pinch(e.pointerId, from, to)
    }
    else if (dragged || Math.hypot(to[0] - start[0], to[1] - start[1]) >= DRAG_THRESHOLD) {
      if (!dragged)
        svg.value?.setPointerCapture(e.pointerId)
      dragged = true
      view.value = panBy(view.value, to[0] - from[0], to[1] - from[1])
    }
    else {
      return
    }
    pointers.set(e.pointerId, to)
  }

  function onPointerUp(e: PointerEvent): void {
    pointers.delete(e.pointerId)
  }

  /** After a drag, the click that ends it must not open the city it ended on. */
  function onClickCapture(e: MouseEvent): void {
    if (dragged) {
      e.preventDefault()
      e.stopPropagation()
      dragged = false
    }
  }

  function onWheel(e: WheelEvent): void {
    e.preventDefault()
    view.value = zoomAbout(view.value, Math.exp(-e.deltaY / 400), local(e))
  }

  const centre = (): [number, number] => [size.value.width / 2, size.value.height / 2]
  const zoom = (factor: number) => { view.value = zoomAbout(view.value, factor, centre()) }
  const onKeydown = keyHandler(view, zoom)

  return { size, zoom, onPointerDown, onPointerMove, onPointerUp, onClickCapture, onWheel, onKeydown }
}

type Point = [number, number]
type PointerLike = { clientX: number, clientY: number }

/** Where a pointer event is, in the map's own coordinates. */
function localPoint(svg: SVGSVGElement, e: PointerLike): Point {
  const box = svg.getBoundingClientRect()
  return [e.clientX - box.left, e.clientY - box.top]
}

/** The view after one finger of a pinch moves while the other stays at `other`: half the move, and the zoom. */
function pinched(view: MapViewport, move: { from: Point, to: Point }, other: Point): MapViewport {
  const { from, to } = move
  const before = Math.hypot(from[0] - other[0], from[1] - other[1]) || 1
  const after = Math.hypot(to[0] - other[0], to[1] - other[1])
  const mid: Point = [(to[0] + other[0]) / 2, (to[1] + other[1]) / 2]
  return zoomAbout(panBy(view, (to[0] - from[0]) / 2, (to[1] - from[1]) / 2), after / before, mid)
}

/** Arrow keys pan, "+", "=" and "-" zoom about the centre; a key with a modifier is the browser's. */
function keyHandler(view: Ref<MapViewport>, zoom: (factor: number) => void): (e: KeyboardEvent) => void {
  const keys: Record<string, () => void> = {
    'ArrowLeft': () => { view.value = panBy(view.value, KEY_PAN, 0) },
    'ArrowRight': () => { view.value = panBy(view.value, -KEY_PAN, 0) },
    'ArrowUp': () => { view.value = panBy(view.value, 0, KEY_PAN) },
    'ArrowDown': () => { view.value = panBy(view.value, 0, -KEY_PAN) },
    '+': () => zoom(KEY_ZOOM),
    '=': () => zoom(KEY_ZOOM),
    '-': () => zoom(1 / KEY_ZOOM),
  }
  return (e) => {
    const action = keys[e.key]
    if (action && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault()
      action()
    }
  }
}
