// Every test file gets a fresh in-memory IndexedDB; component tests opt into happy-dom with the
// vitest environment comment at their top (see any file in tests/components).
import 'fake-indexeddb/auto'
