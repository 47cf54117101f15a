package graphviz

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Compiled native code is cached on disk only in a directory of the current
// user that nobody else can write: <os.UserCacheDir()>/journeymap/wazero.
// wazero runs whatever native code it finds in its cache directory (it only
// checks a CRC), so a directory another user can write is a way to run code
// as us. Whatever is wrong with the directory, the engine compiles in memory
// instead and says why in Engine.CacheStatus.

// cacheSubdir is the cache's place under os.UserCacheDir().
var cacheSubdir = []string{"journeymap", "wazero"}

// prepareCacheDir makes sure base/journeymap/wazero exists and is safe to
// load native code from, and returns its path with symbolic links resolved.
// base itself may be reached through links (a home directory often is) but
// every directory on the resolved path must be writable only by us or root
// (or be sticky, like /tmp); the directories journeymap creates must be
// real directories (never links), owned by us, mode 0700, and hold nothing
// but wazero's own directory of regular files owned by us.
func prepareCacheDir(base string) (string, error) {
	if base == "" {
		return "", errors.New("no user cache directory")
	}
	if !filepath.IsAbs(base) {
		return "", fmt.Errorf("user cache directory %q is not absolute", base)
	}
	if err := os.MkdirAll(base, 0o700); err != nil {
		return "", err
	}
	resolved, err := filepath.EvalSymlinks(base)
	if err != nil {
		return "", err
	}
	if err := checkAncestors(resolved); err != nil {
		return "", err
	}
	dir := resolved
	for _, name := range cacheSubdir {
		dir = filepath.Join(dir, name)
		if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
			return "", err
		}
		if err := checkPrivateDir(dir); err != nil {
			return "", err
		}
	}
	// wazero keeps one directory per wazero version and platform, holding
	// one file per compiled module.
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", err
	}
	for _, e := range entries {
		sub := filepath.Join(dir, e.Name())
		if err := checkPrivateDir(sub); err != nil {
			return "", err
		}
		files, err := os.ReadDir(sub)
		if err != nil {
			return "", err
		}
		for _, f := range files {
			if err := checkPrivateFile(filepath.Join(sub, f.Name())); err != nil {
				return "", err
			}
		}
	}
	return dir, nil
}

// checkAncestors refuses a path where someone other than us or root could
// replace a directory: one that is group- or world-writable and not sticky,
// or owned by another user.
func checkAncestors(path string) error {
	uid := os.Geteuid()
	for p := path; ; p = filepath.Dir(p) {
		st, err := os.Lstat(p)
		if err != nil {
			return err
		}
		owner, ok := ownerOf(st)
		if !ok {
			return fmt.Errorf("%s: cannot tell its owner", p)
		}
		if owner != uid && owner != 0 {
			return fmt.Errorf("%s belongs to uid %d", p, owner)
		}
		if st.Mode().Perm()&0o022 != 0 && st.Mode()&fs.ModeSticky == 0 {
			return fmt.Errorf("%s is writable by others (mode %v)", p, st.Mode().Perm())
		}
		if parent := filepath.Dir(p); parent == p {
			return nil
		}
	}
}

// checkPrivateDir accepts a real directory (not a link) owned by us that
// only we can use.
func checkPrivateDir(path string) error {
	st, err := os.Lstat(path)
	if err != nil {
		return err
	}
	if !st.IsDir() {
		return fmt.Errorf("%s is not a directory (%v)", path, st.Mode().Type())
	}
	return checkOwnedPrivate(path, st)
}

// checkPrivateFile accepts a regular file (not a link, FIFO or device)
// owned by us that only we can use.
func checkPrivateFile(path string) error {
	st, err := os.Lstat(path)
	if err != nil {
		return err
	}
	if !st.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file (%v)", path, st.Mode().Type())
	}
	return checkOwnedPrivate(path, st)
}

func checkOwnedPrivate(path string, st fs.FileInfo) error {
	owner, ok := ownerOf(st)
	if !ok || owner != os.Geteuid() {
		return fmt.Errorf("%s does not belong to the current user", path)
	}
	if st.Mode().Perm()&0o077 != 0 {
		return fmt.Errorf("%s is open to other users (mode %v)", path, st.Mode().Perm())
	}
	return nil
}

// clearCache removes the compiled modules in dir (already checked by
// prepareCacheDir) after wazero could not load them, so that the next run
// writes fresh ones.
func clearCache(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		sub := filepath.Join(dir, e.Name())
		if checkPrivateDir(sub) != nil {
			continue
		}
		files, _ := os.ReadDir(sub)
		for _, f := range files {
			p := filepath.Join(sub, f.Name())
			if checkPrivateFile(p) == nil {
				_ = os.Remove(p)
			}
		}
	}
}
