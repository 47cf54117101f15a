package journey

import (
	"os"
	"path/filepath"
	"strings"
)

// ProjectRoot is the directory that files named inside a workspace file
// (`lint.extends`, `render.theme`) may be read from: the nearest directory
// at or above the workspace holding `.git` (its repository), else the
// workspace's own directory. A workspace comes with a pull request; it must
// not make journeymap read, and quote in a CI log, a file elsewhere on the
// machine.
func ProjectRoot(workspaceFile string) string {
	dir, err := filepath.Abs(filepath.Dir(workspaceFile))
	if err != nil {
		return filepath.Dir(workspaceFile)
	}
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	for d := dir; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}

// InProject says whether target, with every symbolic link resolved, lies
// inside the ProjectRoot of workspaceFile. A target that does not exist is
// judged by its path, so its "no such file" finding still comes.
func InProject(workspaceFile, target string) bool {
	root := ProjectRoot(workspaceFile)
	abs, err := filepath.Abs(target)
	if err != nil {
		return false
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	} else if real, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		abs = filepath.Join(real, filepath.Base(abs))
	}
	rel, err := filepath.Rel(root, abs)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
