import { onScopeDispose, type Ref, ref, watch } from 'vue'
import type { Size } from '../catalogue/mapView'

/** The content size of an element, kept current by a ResizeObserver that follows the element ref. */
export function useElementSize(element: Ref<Element | undefined>): Ref<Size> {
  const size = ref<Size>({ width: 0, height: 0 })
  const observer = new ResizeObserver(([entry]) => {
    if (entry)
      size.value = { width: entry.contentRect.width, height: entry.contentRect.height }
  })
  watch(element, (el, old) => {
    if (old)
      observer.unobserve(old)
    if (el)
      observer.observe(el)
  }, { immediate: true })
  onScopeDispose(() => observer.disconnect())
  return size
}
