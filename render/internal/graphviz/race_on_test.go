//go:build race

package graphviz

// raceEnabled: the race detector slows compiling Graphviz by about 15x, so
// tests that compile it in a fresh process skip under -race.
const raceEnabled = true
