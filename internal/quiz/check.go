package quiz

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/tact-guide/tact/internal/tomlpos"

	"github.com/tact-guide/tact/internal/slug"
)

// ref names a node of the definition, for messages and positions.
type ref struct {
	kind string // "question" or "outcome"
	i    int    // index in Quiz.Questions or Quiz.Outcomes
	id   string
}

// path is where the node is in the definition file, for source lookups.
func (r ref) path() string { return fmt.Sprintf("%s[%d]", r.kind, r.i) }

func (r ref) String() string {
	if r.id != "" {
		return fmt.Sprintf("%s %q", r.kind, r.id)
	}
	return fmt.Sprintf("%s %d", r.kind, r.i+1)
}

// at returns the offset of the node's id, or of its table when it has none.
func (c *checker) at(r ref) int {
	return tomlpos.First(c.def.Val(r.path()+".id"), c.def.Key(r.path()))
}

// checkNodes checks the ids of the questions and outcomes, the options of
// every question and where they lead, and indexes the nodes by id. A node
// whose id is missing or already taken is left out of the index.
func (c *checker) checkNodes() {
	q, def := c.q, c.def
	q.questions = map[string]*Question{}
	q.outcomes = map[string]*Outcome{}
	seen := map[string]ref{} // id → its first node
	add := func(r ref) bool {
		switch {
		case r.id == "":
			c.errs.Add(def.Errorf(c.at(r), "%s has no id: add id = \"…\"", r))
			return false
		case !slug.Valid(r.id):
			c.errs.Add(def.Errorf(c.at(r), "%s id %q is not valid: use lowercase letters, digits and single hyphens", r.kind, r.id))
		case r.id == Articles:
			c.errs.Add(def.Errorf(c.at(r), "%s id %q is reserved: next = %q leads to the list of articles; choose another id", r.kind, r.id, Articles))
		}
		if prev, ok := seen[r.id]; ok {
			c.errs.Add(def.Errorf(c.at(r), "id %q is already used by the %s on line %d: every question and outcome needs its own id", r.id, prev.kind, def.Line(c.at(prev))))
			return false
		}
		seen[r.id] = r
		return true
	}
	// In file order, so that the second of two nodes sharing an id is the
	// one reported.
	var refs []ref
	for i, qu := range q.Questions {
		refs = append(refs, ref{"question", i, qu.ID})
	}
	for i, o := range q.Outcomes {
		refs = append(refs, ref{"outcome", i, o.ID})
	}
	slices.SortStableFunc(refs, func(a, b ref) int { return cmp.Compare(c.at(a), c.at(b)) })
	for _, r := range refs {
		switch {
		case !add(r):
		case r.kind == "question":
			q.questions[r.id] = q.Questions[r.i]
		default:
			q.outcomes[r.id] = q.Outcomes[r.i]
		}
	}
	for i, qu := range q.Questions {
		c.checkOptions(ref{"question", i, qu.ID}, qu)
	}
}

// checkOptions checks the options of a question: their number, their ids and
// where they lead.
func (c *checker) checkOptions(r ref, qu *Question) {
	def, q := c.def, c.q
	switch len(qu.Options) {
	case 0:
		c.errs.Add(def.Errorf(c.at(r), "%s has no options: a question needs at least two", r))
	case 1:
		c.errs.Add(def.Errorf(c.at(r), "%s has only one option: a question needs at least two", r))
	}
	seen := map[string]bool{}
	for j, o := range qu.Options {
		path := fmt.Sprintf("%s.options[%d]", r.path(), j)
		name := fmt.Sprintf("option %d", j+1)
		if o.ID != "" {
			name = fmt.Sprintf("option %q", o.ID)
		}
		switch {
		case o.ID == "":
			c.errs.Add(def.Errorf(def.Key(path), "%s of %s has no id: add id = \"…\"", name, r))
		case !slug.Valid(o.ID):
			c.errs.Add(def.Errorf(def.Val(path+".id"), "option id %q is not valid: use lowercase letters, digits and single hyphens", o.ID))
		case seen[o.ID]:
			c.errs.Add(def.Errorf(def.Val(path+".id"), "%s has two options %q: option ids are unique within a question", r, o.ID))
		}
		seen[o.ID] = true
		switch {
		case o.Next == "":
			c.errs.Add(def.Errorf(def.Key(path), "%s of %s has no next: add next = \"<id of a question or outcome>\"", name, r))
		case o.Next == Articles:
		case q.questions[o.Next] == nil && q.outcomes[o.Next] == nil:
			c.errs.Add(def.Errorf(def.Val(path+".next"), "%s of %s leads to %q, which is neither a question nor an outcome", name, r, o.Next))
		}
	}
}
