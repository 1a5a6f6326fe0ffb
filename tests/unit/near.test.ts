import { describe, expect, it } from 'vitest'
import { orderByDistance, practiceDistances } from '../../src/catalogue/geo'

const BILBAO = { lat: 43.263, lon: -2.935 }
const LISBON = { lat: 38.722, lon: -9.139 }
const OSLO = { lat: 59.913, lon: 10.752 }
const BERGEN = { lat: 60.392, lon: 5.324 }

describe('sorting practices by distance', () => {
  it('measures each practice to the nearest of its places', () => {
    const distances = practiceDistances(BERGEN, [
      { id: 'oslo-and-bergen', places: [OSLO, BERGEN] },
      { id: 'oslo', places: [OSLO] },
      { id: 'national' },
    ])
    expect(distances.get('oslo-and-bergen')).toBe(0)
    expect(distances.get('oslo')).toBeGreaterThan(300)
    expect(distances.get('oslo')).toBeLessThan(310)
    expect(distances.has('national')).toBe(false)
  })

  it('puts the nearest first, and those without a place last, in the order they had', () => {
    const distances = practiceDistances(BILBAO, [
      { id: 'oslo', places: [OSLO] },
      { id: 'lisbon', places: [LISBON] },
      { id: 'bilbao', places: [BILBAO] },
    ])
    expect(orderByDistance(['unplaced-a', 'oslo', 'lisbon', 'unplaced-b', 'bilbao'], distances))
      .toEqual(['bilbao', 'lisbon', 'oslo', 'unplaced-a', 'unplaced-b'])
  })

  it('keeps the order of practices at the same distance', () => {
    const distances = new Map([['b', 5], ['a', 5], ['c', 1]])
    expect(orderByDistance(['b', 'a', 'c'], distances)).toEqual(['c', 'b', 'a'])
    expect(orderByDistance(['a', 'b', 'c'], distances)).toEqual(['c', 'a', 'b'])
  })
})
