package journey

import (
	"os"
	"path/filepath"

	"gopkg.in/yaml.v3"
)

// WorkspaceFile is the name of the file holding what journeys share.
const WorkspaceFile = "journeymap.yaml"

// Workspace is what the journeys under a directory share: owners, personas,
// channels, metrics, listening posts and lint and render settings.
type Workspace struct {
	File      string  // the Source's name
	Source    *Source // the file as read
	Version   Text
	Owners    []*Owner
	HasOwners bool // `owners` is declared: every owner named must be one of them
	Personas  []*Persona
	Channels  []*Channel
	Metrics   []*Metric
	Listening []*ListeningPost
	Lint      LintConfig
	Render    RenderConfig
	Keys      Keys
}

// RenderConfig is the workspace `render` section.
type RenderConfig struct {
	Theme Text
	Font  Text
}

// Channel looks up a workspace channel by id.
func (w *Workspace) Channel(id string) *Channel {
	for _, c := range w.Channels {
		if c.ID.Value == id {
			return c
		}
	}
	return nil
}

// Persona looks up a workspace persona by id.
func (w *Workspace) Persona(id string) *Persona {
	for _, p := range w.Personas {
		if p.ID.Value == id {
			return p
		}
	}
	return nil
}

// HasOwner says whether the owner registry lists id.
func (w *Workspace) HasOwner(id string) bool {
	for _, o := range w.Owners {
		if o.ID.Value == id {
			return true
		}
	}
	return false
}

// OwnerIDs lists the registered owner ids, for suggestions.
func (w *Workspace) OwnerIDs() []string {
	var ids []string
	for _, o := range w.Owners {
		ids = append(ids, o.ID.Value)
	}
	return ids
}

// ParseWorkspace reads a workspace file and validates its structure,
// including that the owners it names are registered.
func ParseWorkspace(file string, src []byte) (*Workspace, []Finding) {
	d := &decoder{file: file}
	w := &Workspace{File: file, Source: newSource(file, src), Keys: Keys{}}
	top := d.document(w.Source)
	if top == nil {
		return w, d.findings
	}
	d.subject = SubjectWorkspace
	keys, ok := d.fields(top, "the workspace", ObjWorkspace, func(key string, k, v *yaml.Node) {
		switch key {
		case "version":
			w.Version = d.version(v)
		case "owners":
			w.HasOwners = true
			d.idMap(v, "owners", "owner", func(id Text, def *yaml.Node) {
				o := &Owner{ID: id, Pos: id.Pos}
				if !isNull(def) {
					o.Keys, _ = d.fields(def, "owner "+quote(id.Value), ObjOwner, func(key string, k, v *yaml.Node) {
						switch key {
						case "name":
							o.Name = d.text(v, "owner name")
						case "contact":
							o.Contact = d.text(v, "owner contact")
						}
					})
				}
				w.Owners = append(w.Owners, o)
			})
		case "personas":
			d.idMap(v, "personas", "persona", func(id Text, def *yaml.Node) {
				p := &Persona{ID: id, Pos: id.Pos}
				if !isNull(def) {
					p = d.persona(id, def)
				}
				w.Personas = append(w.Personas, p)
			})
		case "channels":
			w.Channels = d.channels(v)
		case "metrics":
			w.Metrics = d.metrics(v)
		case "listening":
			w.Listening = d.listening(v)
		case "lint":
			w.Lint = d.lintConfig(k, v)
			w.Lint.File = file
		case "render":
			d.fields(v, "render settings", ObjRender, func(key string, k, v *yaml.Node) {
				switch key {
				case "theme":
					w.Render.Theme = d.text(v, "theme")
				case "font":
					if t := d.text(v, "font"); t.Set {
						if !ValidFontName(t.Value) {
							d.errorf(t.Pos, RuleRange, "font %q is not a font family name (letters, digits, spaces and . _ - only)", t.Value)
						} else {
							w.Render.Font = t
						}
					}
				}
			})
		}
	})
	if ok {
		w.Keys = keys
		d.require(keys, func(string) bool { return w.Version.Set }, Pos{1, 1}, "the workspace", "version")
	}
	if w.HasOwners {
		r := &resolver{decoder: d, ws: w}
		for _, c := range w.Channels {
			d.subject = c.Subject()
			r.owner(c.Owner, "channel "+quote(c.ID.Value))
		}
	}
	return w, d.findings
}

// FindWorkspace walks up from dir to the filesystem root looking for
// journeymap.yaml, returning its path or "" when there is none.
func FindWorkspace(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(abs, WorkspaceFile)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return ""
		}
		abs = parent
	}
}
