/**
 * The map's view: a scale `k` and an offset (`x`, `y`) from the base projection's plane to the screen,
 * screen = point × k + offset. Fitting, zooming about a point and panning are pure functions of it.
 */
export interface MapViewport {
  x: number
  y: number
  k: number
}

export interface Size {
  width: number
  height: number
}

const MIN_SCALE = 0.5
export const MAX_SCALE = 64

const clampScale = (k: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, k))

/**
 * The view that shows every point with `padding` pixels around them. One point (or points very close)
 * would zoom without end, so the scale stops at `maxFitScale`: a single city shows with its region.
 */
export function fitPoints(points: readonly (readonly [number, number])[], size: Size, opts: { padding: number, maxFitScale: number, world: Size }): MapViewport {
  if (!points.length)
    return fitPoints([[0, 0], [opts.world.width, opts.world.height]], size, { ...opts, padding: 0 })
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const [px, py] of points) {
    minX = Math.min(minX, px)
    maxX = Math.max(maxX, px)
    minY = Math.min(minY, py)
    maxY = Math.max(maxY, py)
  }
  const spanX = Math.max(maxX - minX, 1e-6)
  const spanY = Math.max(maxY - minY, 1e-6)
  const k = clampScale(Math.min((size.width - 2 * opts.padding) / spanX, (size.height - 2 * opts.padding) / spanY, opts.maxFitScale))
  return { k, x: size.width / 2 - k * (minX + maxX) / 2, y: size.height / 2 - k * (minY + maxY) / 2 }
}

/** Zooms by `factor` keeping the screen point `at` where it is (under the fingers, the cursor, the centre). */
export function zoomAbout(view: MapViewport, factor: number, at: readonly [number, number]): MapViewport {
  const k = clampScale(view.k * factor)
  const f = k / view.k
  return { k, x: at[0] - (at[0] - view.x) * f, y: at[1] - (at[1] - view.y) * f }
}

export function panBy(view: MapViewport, dx: number, dy: number): MapViewport {
  return { ...view, x: view.x + dx, y: view.y + dy }
}
