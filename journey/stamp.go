package journey

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// InputStamp summarises the files a run over paths would read — the
// journey files Discover finds, the workspace files that apply to them (or
// config), and any problem finding them — by name, mode, size and
// modification time. It changes when a file is saved, appears, disappears
// or changes kind, so `render --watch` and `serve` redraw on every save.
func InputStamp(paths []string, config string) string {
	var b strings.Builder
	stamp := func(path string) {
		if info, err := os.Stat(path); err == nil {
			fmt.Fprintf(&b, "%s %v %d %d\n", path, info.Mode(), info.Size(), info.ModTime().UnixNano())
		} else {
			fmt.Fprintf(&b, "%s missing\n", path)
		}
	}
	if config != "" {
		stamp(config)
	}
	found, err := Discover(paths)
	if err != nil {
		fmt.Fprintf(&b, "%v\n", err)
		return b.String()
	}
	dirs, workspaces := map[string]bool{}, map[string]bool{}
	for _, f := range found.Files {
		if f == "-" {
			continue
		}
		stamp(f)
		if dir := filepath.Dir(f); config == "" && !dirs[dir] {
			dirs[dir] = true
			if ws := FindWorkspace(dir); ws != "" && !workspaces[ws] {
				workspaces[ws] = true
				stamp(ws)
			}
		}
	}
	for _, f := range found.Findings {
		fmt.Fprintf(&b, "%s\n", f)
	}
	return b.String()
}
