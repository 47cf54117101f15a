package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWorkspaceNamesNoSecrets: a workspace comes with a pull request. When
// its `extends` or `render.theme` names a file outside its repository that
// is not a valid rule set or theme, journeymap says so without quoting a
// byte of it.
func TestWorkspaceNamesNoSecrets(t *testing.T) {
	root := t.TempDir()
	secret := filepath.Join(root, "secrets", "credentials")
	os.MkdirAll(filepath.Dir(secret), 0o700)
	os.WriteFile(secret, []byte("version: AKIAIOSFODNN7EXAMPLE\naws_secret_access_key: wJalrXUtnFEMI\nbase: AKIAIOSFODNN7EXAMPLE\n"), 0o600)
	repo := filepath.Join(root, "repo")
	os.MkdirAll(filepath.Join(repo, ".git"), 0o755)
	journeyYAML := "version: 1\ntitle: T\nowner: o\nchannels:\n  web: {name: W, kind: digital, owner: o}\nstages:\n  - id: s\n    touchpoints:\n      - {id: a, channel: web, owner: o, emotion: 1}\n"
	os.WriteFile(filepath.Join(repo, "a.journey.yaml"), []byte(journeyYAML), 0o644)
	for _, tc := range []struct {
		name, workspace string
		args            []string
	}{
		{"extends", "version: 1\nlint:\n  extends: [../secrets/credentials]\n", []string{"lint", "--format", "json", repo}},
		{"theme", "version: 1\nrender:\n  theme: ../secrets/credentials\n", []string{"render", "--format", "svg", "-o", filepath.Join(root, "out.svg"), repo}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			os.WriteFile(filepath.Join(repo, "journeymap.yaml"), []byte(tc.workspace), 0o644)
			r := cliRunArgs(t, tc.args...)
			if r.code == 0 {
				t.Errorf("an unusable %s file should fail the run:\n%s", tc.name, r)
			}
			for _, leak := range []string{"AKIA", "wJalr", "aws_secret_access_key"} {
				if strings.Contains(r.stdout+r.stderr, leak) {
					t.Errorf("output quotes %q from a file outside the repository:\n%s", leak, r)
				}
			}
		})
	}
}
