//go:build race

package render

// raceEnabled: under the race detector the engine's Go side runs several
// times slower, so the layouts of a journey at the input limits outrun the
// render budget; those tests check the DOT the views write instead.
const raceEnabled = true
