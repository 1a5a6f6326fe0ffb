export interface BenchContext {
  /** Smaller sizes and fewer repetitions, for a smoke run. */
  quick: boolean
  log: (message: string) => void
}

export interface BenchGroup {
  /** Prefix of every figure this group reports ("sync", "search", "startup"). */
  name: string
  description: string
  /** Figures keyed by name; a key with a dot is taken as a full "<group>.<figure>" key (peers: "minisearch.query_10k_p95_ms"). */
  run: (ctx: BenchContext) => Promise<Record<string, number>>
}
