// Every test file gets a fresh in-memory IndexedDB; component tests opt into happy-dom with
// `// @vitest-environment happy-dom` at their top.
import 'fake-indexeddb/auto'
