package deploy

import (
	"bufio"
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/compose-spec/compose-go/v2/types"
)

// instruction is one Dockerfile instruction: its keyword (upper case),
// flags (--from=x) and arguments.
type instruction struct {
	cmd   string
	flags map[string]string
	args  []string
	line  int
}

// stage is one FROM ... [AS name] section.
type stage struct {
	image, name string
	user        string // last USER in this stage; "" when unset
	body        []instruction
}

// parseDockerfile reads the instructions of a Dockerfile: enough of the
// syntax for these checks (comments, line continuations, heredocs, the JSON
// form), not a full parser.
func parseDockerfile(t *testing.T, file string) []stage {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var stages []stage
	sc := bufio.NewScanner(f)
	n, heredoc := 0, ""
	var cur strings.Builder
	start := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if heredoc != "" {
			if strings.TrimSpace(line) == heredoc {
				heredoc = ""
			}
			continue
		}
		trimmed := strings.TrimSpace(line)
		if cur.Len() == 0 && (trimmed == "" || strings.HasPrefix(trimmed, "#")) {
			continue
		}
		if cur.Len() == 0 {
			start = n
		}
		if strings.HasSuffix(trimmed, `\`) {
			cur.WriteString(strings.TrimSuffix(trimmed, `\`) + " ")
			continue
		}
		cur.WriteString(trimmed)
		in := parseInstruction(cur.String(), start)
		cur.Reset()
		for _, a := range in.args {
			if strings.HasPrefix(a, "<<") {
				heredoc = strings.Trim(strings.TrimLeft(a, "<-"), `"'`)
			}
		}
		if in.cmd == "FROM" {
			if len(in.args) == 0 {
				t.Fatalf("%s:%d: FROM without an image", file, in.line)
			}
			s := stage{image: in.args[0]}
			if len(in.args) == 3 && strings.EqualFold(in.args[1], "AS") {
				s.name = in.args[2]
			}
			stages = append(stages, s)
			continue
		}
		if len(stages) == 0 {
			if in.cmd != "ARG" {
				t.Fatalf("%s:%d: %s before the first FROM", file, in.line, in.cmd)
			}
			continue
		}
		s := &stages[len(stages)-1]
		if in.cmd == "USER" && len(in.args) > 0 {
			s.user = in.args[0]
		}
		s.body = append(s.body, in)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(stages) == 0 {
		t.Fatalf("%s: no FROM", file)
	}
	return stages
}

func parseInstruction(text string, line int) instruction {
	cmd, rest, _ := strings.Cut(text, " ")
	in := instruction{cmd: strings.ToUpper(cmd), flags: map[string]string{}, line: line}
	rest = strings.TrimSpace(rest)
	for strings.HasPrefix(rest, "--") {
		var flag string
		flag, rest, _ = strings.Cut(rest, " ")
		k, v, _ := strings.Cut(strings.TrimPrefix(flag, "--"), "=")
		in.flags[k] = v
		rest = strings.TrimSpace(rest)
	}
	if strings.HasPrefix(rest, "[") {
		if err := json.Unmarshal([]byte(rest), &in.args); err == nil {
			return in
		}
	}
	in.args = strings.Fields(rest)
	return in
}

// runsAsRoot reports whether a stage's processes run as root: no USER
// (here or in the stage it builds on) and a base image not made non-root.
func runsAsRoot(stages []stage, i int) bool {
	s := stages[i]
	if s.user != "" {
		u, _, _ := strings.Cut(s.user, ":")
		return u == "root" || u == "0"
	}
	for j := 0; j < i; j++ {
		if stages[j].name != "" && stages[j].name == s.image {
			return runsAsRoot(stages, j)
		}
	}
	return !strings.HasSuffix(s.image, "nonroot")
}

func dockerfilePath(svc types.ServiceConfig) string {
	if filepath.IsAbs(svc.Build.Dockerfile) {
		return svc.Build.Dockerfile
	}
	return filepath.Join(svc.Build.Context, svc.Build.Dockerfile)
}

// workspaceModules lists the directories go.work uses.
func workspaceModules(t *testing.T, root string) []string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(root, "go.work"))
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	inUse := false
	for _, line := range strings.Split(string(raw), "\n") {
		f := strings.Fields(strings.SplitN(line, "//", 2)[0])
		switch {
		case len(f) == 0:
		case f[0] == "use" && len(f) > 1 && f[1] == "(":
			inUse = true
		case f[0] == "use" && len(f) > 1:
			dirs = append(dirs, path.Clean(f[1]))
		case inUse && f[0] == ")":
			inUse = false
		case inUse:
			dirs = append(dirs, path.Clean(f[0]))
		}
	}
	if len(dirs) == 0 {
		t.Fatal("go.work uses no modules")
	}
	return dirs
}

// dockerignored reports whether .dockerignore keeps src out of the build
// context (patterns as filepath.Match, "**/" for any depth, "!" re-includes).
func dockerignored(patterns []string, src string) bool {
	ignored := false
	parts := strings.Split(src, "/")
	for _, p := range patterns {
		neg := strings.HasPrefix(p, "!")
		p = strings.TrimPrefix(p, "!")
		anyDepth := strings.HasPrefix(p, "**/")
		p = strings.TrimPrefix(p, "**/")
		for i := range parts {
			for j := i + 1; j <= len(parts); j++ {
				if i > 0 && !anyDepth {
					break
				}
				if ok, _ := filepath.Match(p, strings.Join(parts[i:j], "/")); ok {
					ignored = !neg
				}
			}
		}
	}
	return ignored
}

func readDockerignore(t *testing.T, root string) []string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(root, ".dockerignore"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, line := range strings.Split(string(raw), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, path.Clean(line))
		}
	}
	return out
}

// TestDockerfiles checks every Dockerfile compose builds: multi-stage, a
// final stage that does not run as root, COPY sources that exist in the
// build context and are not dockerignored, and Go builder stages that copy
// every go.work module and build static, trimmed binaries.
func TestDockerfiles(t *testing.T) {
	p, root := loadCompose(t)
	ignore := readDockerignore(t, root)
	modules := workspaceModules(t, root)
	for name, svc := range p.Services {
		if svc.Build == nil {
			continue
		}
		t.Run(name, func(t *testing.T) {
			file := dockerfilePath(svc)
			stages := parseDockerfile(t, file)
			if len(stages) < 2 {
				t.Errorf("%s: want a multi-stage build (builder, then a minimal runtime)", file)
			}
			if runsAsRoot(stages, len(stages)-1) {
				t.Errorf("%s: the final stage (%s) runs as root; add USER or use a :nonroot image", file, stages[len(stages)-1].image)
			}
			for _, s := range stages {
				copied := map[string]bool{}
				goBuild := false
				for _, in := range s.body {
					switch in.cmd {
					case "COPY", "ADD":
						if _, ok := in.flags["from"]; ok || len(in.args) < 2 {
							continue
						}
						for _, src := range in.args[:len(in.args)-1] {
							if strings.HasPrefix(src, "<<") {
								continue
							}
							checkCopySource(t, file, in.line, svc.Build.Context, ignore, src)
							copied[path.Clean(src)] = true
						}
					case "RUN":
						run := strings.Join(in.args, " ")
						if strings.Contains(run, "go build") {
							goBuild = true
							if !strings.Contains(run, "-trimpath") {
								t.Errorf("%s:%d: go build without -trimpath", file, in.line)
							}
						}
					}
				}
				if !copied["go.work"] {
					continue
				}
				for _, m := range modules {
					if !copied[m] && !copied[m+"/go.*"] && !copied[m+"/go.mod"] {
						t.Errorf("%s: stage %s copies go.work but not module %s (COPY %s/go.* %s/)", file, s.name, m, m, m)
					}
				}
				if goBuild && !stageSetsEnv(s, "CGO_ENABLED=0") {
					t.Errorf("%s: stage %s builds Go without CGO_ENABLED=0 (the runtime image has no libc)", file, s.name)
				}
			}
		})
	}
}

func checkCopySource(t *testing.T, file string, line int, context string, ignore []string, src string) {
	t.Helper()
	clean := path.Clean(src)
	matches, err := filepath.Glob(filepath.Join(context, filepath.FromSlash(clean)))
	if err != nil || len(matches) == 0 {
		t.Errorf("%s:%d: COPY source %s does not exist in the build context", file, line, src)
		return
	}
	if !strings.ContainsAny(clean, "*?[") && dockerignored(ignore, clean) {
		t.Errorf("%s:%d: COPY source %s is excluded by .dockerignore", file, line, src)
	}
}

func stageSetsEnv(s stage, kv string) bool {
	for _, in := range s.body {
		if (in.cmd == "ENV" || in.cmd == "RUN") && strings.Contains(strings.Join(in.args, " "), kv) {
			return true
		}
	}
	return false
}

func TestDockerignoreMatcher(t *testing.T) {
	patterns := []string{".git", ".data", "bin", "**/node_modules", "router/internal/graphiql/bundle/*", "!router/internal/graphiql/bundle/README.md"}
	tests := []struct {
		path string
		want bool
	}{
		{".git", true},
		{".data/postgres", true},
		{"bin/router", true},
		{"web/graphiql/node_modules/react", true},
		{"web/graphiql/src", false},
		{"router/internal/graphiql/bundle/react.js", true},
		{"router/internal/graphiql/bundle/README.md", false},
		{"router/bin", false},
		{"router", false},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			if got := dockerignored(patterns, tt.path); got != tt.want {
				t.Errorf("dockerignored(%q) = %v, want %v", tt.path, got, tt.want)
			}
		})
	}
}
