// Command yamldecode is the baseline journeymap's speed is measured
// against: it finds the same files journeymap would (journey files and
// journeymap.yaml, skipping hidden directories, node_modules and vendor)
// and decodes each into a yaml.v3 node tree, one after another in one
// goroutine, and does nothing else.
package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"
)

func main() {
	n := 0
	for _, root := range os.Args[1:] {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			name := d.Name()
			if d.IsDir() {
				if p != root && (strings.HasPrefix(name, ".") || name == "node_modules" || name == "vendor") {
					return filepath.SkipDir
				}
				return nil
			}
			if !strings.HasSuffix(name, ".journey.yaml") && !strings.HasSuffix(name, ".journey.yml") && name != "journeymap.yaml" {
				return nil
			}
			src, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			var doc yaml.Node
			if err := yaml.Unmarshal(src, &doc); err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
			n++
			return nil
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	fmt.Println(n, "files decoded")
}
