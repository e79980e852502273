package search

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"
)

// foldCases is testdata/fold.json: the folding and stemming both sides
// must agree on (the Go index and the script's query).
type foldCases struct {
	Fold  [][2]string `json:"fold"`
	Terms map[string][]struct {
		In   string
		Want []string
	} `json:"-"`
	Raw map[string][][2]json.RawMessage `json:"terms"`
}

func readCases(t *testing.T) foldCases {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "fold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var c foldCases
	if err := json.Unmarshal(data, &c); err != nil {
		t.Fatalf("testdata/fold.json: %v", err)
	}
	c.Terms = map[string][]struct {
		In   string
		Want []string
	}{}
	for lang, cases := range c.Raw {
		for _, raw := range cases {
			var tc struct {
				In   string
				Want []string
			}
			if err := json.Unmarshal(raw[0], &tc.In); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(raw[1], &tc.Want); err != nil {
				t.Fatal(err)
			}
			c.Terms[lang] = append(c.Terms[lang], tc)
		}
	}
	return c
}

func TestFoldAndStem(t *testing.T) {
	c := readCases(t)
	for _, fc := range c.Fold {
		if got := Fold(fc[0]); got != fc[1] {
			t.Errorf("Fold(%q) = %q, want %q", fc[0], got, fc[1])
		}
	}
	for lang, cases := range c.Terms {
		for _, tc := range cases {
			if got := RulesFor(lang).QueryTerms(tc.In); !reflect.DeepEqual(got, tc.Want) {
				t.Errorf("%s: QueryTerms(%q) = %q, want %q", lang, tc.In, got, tc.Want)
			}
		}
	}
}

// TestScriptFoldsAndStemsAsGo runs the script's fold and terms under node on
// the same table, with each language's rules as the manifest carries them.
func TestScriptFoldsAndStemsAsGo(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("node is not installed: CI needs it to test the search script")
		}
		t.Skip("node is not installed: run `apt-get install -y nodejs` to test the search script")
	}
	c := readCases(t)
	rules := map[string]any{}
	for lang := range c.Terms {
		r := RulesFor(lang)
		rules[lang] = map[string]any{"sfx": r.Suffixes, "stop": r.Stop, "und": r.Undouble, "min": MinStem}
	}
	in, err := json.Marshal(map[string]any{"cases": json.RawMessage(mustRead(t, filepath.Join("testdata", "fold.json"))), "rules": rules})
	if err != nil {
		t.Fatal(err)
	}
	script, err := filepath.Abs(filepath.Join("..", "..", "assets", "js", "search.js"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, "-e", `
const s = require(process.argv[1]);
const {cases, rules} = JSON.parse(require("fs").readFileSync(0, "utf8"));
const out = {fold: cases.fold.map(c => s.fold(c[0])), terms: {}};
for (const lang in cases.terms) out.terms[lang] = cases.terms[lang].map(c => s.terms(c[0], rules[lang]));
process.stdout.write(JSON.stringify(out));
`, script)
	cmd.Stdin = bytesReader(in)
	outb, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var got struct {
		Fold  []string              `json:"fold"`
		Terms map[string][][]string `json:"terms"`
	}
	if err := json.Unmarshal(outb, &got); err != nil {
		t.Fatalf("node's output %s: %v", outb, err)
	}
	for i, fc := range c.Fold {
		if got.Fold[i] != fc[1] {
			t.Errorf("script: fold(%q) = %q, want %q (as Go's Fold)", fc[0], got.Fold[i], fc[1])
		}
	}
	for lang, cases := range c.Terms {
		for i, tc := range cases {
			if g := got.Terms[lang][i]; !reflect.DeepEqual(g, tc.Want) && !(len(g) == 0 && len(tc.Want) == 0) {
				t.Errorf("script: %s: terms(%q) = %q, want %q (as Go's QueryTerms)", lang, tc.In, g, tc.Want)
			}
		}
	}
}
