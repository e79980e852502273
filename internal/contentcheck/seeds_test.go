package contentcheck_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// minRun is the shortest run of identical consecutive words that counts as
// copied from a seed.
const minRun = 8

// word is one word of a text: as written, and normalised for comparison.
type word struct {
	raw, key string
}

// words splits text at white space and normalises each word: Unicode NFC,
// lower case, every character that is not a letter, a mark or a digit
// removed ("¿Qué" → "qué", "l’amico" → "lamico", "((nombre))" → "nombre").
// Words left empty (a lone dash) are dropped.
func words(text string) []word {
	var out []word
	for _, raw := range strings.Fields(norm.NFC.String(text)) {
		var b strings.Builder
		for _, r := range raw {
			if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
				b.WriteRune(unicode.ToLower(r))
			}
		}
		if b.Len() > 0 {
			out = append(out, word{raw: raw, key: b.String()})
		}
	}
	return out
}

func gram(ws []word) string {
	keys := make([]string, len(ws))
	for i, w := range ws {
		keys[i] = w.key
	}
	return strings.Join(keys, " ")
}

// copied is a run of words of a content file found in a seed.
type copied struct {
	run  string // the words, as written in the content file
	seed string
}

// copiedRuns returns the maximal runs of at least minRun consecutive words
// of text that also appear, consecutively, in one of the seeds.
func copiedRuns(text string, seeds map[string][]word) []copied {
	index := map[string]string{} // minRun-word gram → seed name
	names := mapsKeys(seeds)
	slices.Sort(names)
	for _, name := range names {
		ws := seeds[name]
		for i := 0; i+minRun <= len(ws); i++ {
			g := gram(ws[i : i+minRun])
			if _, ok := index[g]; !ok {
				index[g] = name
			}
		}
	}
	ws := words(text)
	var runs []copied
	for i := 0; i+minRun <= len(ws); {
		seed, ok := index[gram(ws[i:i+minRun])]
		if !ok {
			i++
			continue
		}
		end := i + minRun // extend while the next window is copied too
		for end+1 <= len(ws) {
			if _, ok := index[gram(ws[end+1-minRun:end+1])]; !ok {
				break
			}
			end++
		}
		raw := make([]string, 0, end-i)
		for _, w := range ws[i:end] {
			raw = append(raw, w.raw)
		}
		runs = append(runs, copied{run: strings.Join(raw, " "), seed: seed})
		i = end
	}
	return runs
}

func mapsKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	return keys
}

func TestCopiedRunsFindsEightWordsAndMore(t *testing.T) {
	seeds := map[string][]word{"seed.txt": words("Sin ningún aviso, alguien en su red le presenta proactivamente a un contacto. ¿Quién estaría tan loco?")}
	tests := []struct {
		name, text string
		want       []copied
	}{
		{"seven words are allowed", "Hoy, sin ningún aviso alguien en su red aparece.", nil},
		{"eight words, other case and punctuation", "Y «SIN NINGÚN AVISO» —alguien en su red… le presenta— a Ana.", []copied{{"«SIN NINGÚN AVISO» —alguien en su red… le presenta—", "seed.txt"}}},
		{"a longer run is reported once", "Pues sin ningún aviso, alguien en su red le presenta proactivamente a un contacto. Fin.", []copied{{"sin ningún aviso, alguien en su red le presenta proactivamente a un contacto.", "seed.txt"}}},
		{"decomposed accents match composed ones", "sin ningu\u0301n aviso alguien en su red le presenta", []copied{{"sin ningún aviso alguien en su red le presenta", "seed.txt"}}},
		{"markup does not hide a copy", "**Sin ningún aviso**, alguien en su _red_ le ((presenta))", []copied{{"**Sin ningún aviso**, alguien en su _red_ le ((presenta))", "seed.txt"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			have := copiedRuns(tt.text, seeds)
			if !slices.Equal(have, tt.want) {
				t.Errorf("text: %s\nhave %q\nwant %q", tt.text, have, tt.want)
			}
		})
	}
}

// seedsDir locates ../shared/seeds beside the repository, as CI clones it.
func seedsDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(repoRoot, "..", "shared", "seeds")
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		if os.Getenv("CI") == "true" {
			t.Fatalf("seed texts not found at %s: CI must clone shared/ beside the repository", dir)
		}
		t.Skipf("seed texts not found at %s (shared/ is not beside the repository): skipping the copy check", dir)
	}
	return dir
}

// contentFiles lists every file readers see text from: articles, home page
// introductions and quiz texts.
func contentFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(filepath.Join(repoRoot, "content"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if strings.HasSuffix(p, ".md") || strings.HasSuffix(p, ".toml") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no content files found")
	}
	return files
}

// TestNoSentenceCopiedFromTheSeeds fails on any run of 8 or more identical
// consecutive words shared by a content file and a seed text: the guide is
// written afresh, not adapted sentence by sentence.
func TestNoSentenceCopiedFromTheSeeds(t *testing.T) {
	dir := seedsDir(t)
	seeds := map[string][]word{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		seeds[rel] = words(string(data))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(seeds) == 0 {
		t.Fatalf("%s holds no seed texts", dir)
	}
	for _, file := range contentFiles(t) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(repoRoot, file)
		for _, c := range copiedRuns(string(data), seeds) {
			t.Errorf("%s: %d words copied from seed %s:\n\t%s", filepath.ToSlash(rel), len(words(c.run)), c.seed, c.run)
		}
	}
}
