package quiz

import (
	"fmt"
	"slices"
	"strings"
)

// checkGraph checks the start, that every node can be reached from it and
// that no path loops, and records each node's depth.
func (c *checker) checkGraph() {
	q, def := c.q, c.def
	switch {
	case q.Start == "":
		c.errs.Add(def.Errorf(-1, "start is missing: add start = \"<id of the first question>\" at the top"))
	case q.questions[q.Start] == nil && q.outcomes[q.Start] != nil:
		c.errs.Add(def.Errorf(def.Val("start"), "start %q is an outcome: the quiz must start with a question", q.Start))
	case q.questions[q.Start] == nil:
		c.errs.Add(def.Errorf(def.Val("start"), "start %q is not a question: use the id of the first question", q.Start))
	}
	q.depth = depths(q)
	if len(q.depth) > 0 {
		for i, qu := range q.Questions {
			if q.questions[qu.ID] == qu && q.depth[qu.ID] == 0 {
				c.unreachable(ref{"question", i, qu.ID})
			}
		}
		for i, o := range q.Outcomes {
			if q.outcomes[o.ID] == o && q.depth[o.ID] == 0 {
				c.unreachable(ref{"outcome", i, o.ID})
			}
		}
	}
	c.checkCycles()
}

func (c *checker) unreachable(r ref) {
	c.errs.Add(c.def.Errorf(c.at(r), "%s cannot be reached from the start %q: lead an option to it, or delete it", r, c.q.Start))
}

// depths numbers the nodes breadth-first from the start: the start is 1,
// the nodes its options lead to 2, and so on. Nodes that cannot be reached
// are left out; the map is empty when the start is not a question.
func depths(q *Quiz) map[string]int {
	depth := map[string]int{}
	if q.questions[q.Start] == nil {
		return depth
	}
	depth[q.Start] = 1
	queue := []string{q.Start}
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		for _, o := range q.questions[id].Options {
			if _, done := depth[o.Next]; done {
				continue
			}
			if q.questions[o.Next] != nil {
				depth[o.Next] = depth[id] + 1
				queue = append(queue, o.Next)
			} else if q.outcomes[o.Next] != nil {
				depth[o.Next] = depth[id] + 1
			}
		}
	}
	return depth
}

// checkCycles reports every option that leads back to a question on the
// way to it, naming the loop. The search starts from the start, then from
// every question not yet visited, in definition order, so that loops among
// unreachable questions are found too.
func (c *checker) checkCycles() {
	q := c.q
	index := map[string]int{} // question id → index in q.Questions
	for i, qu := range q.Questions {
		if q.questions[qu.ID] == qu {
			index[qu.ID] = i
		}
	}
	const (
		unvisited = iota
		onPath
		done
	)
	state := map[string]int{}
	var path []string
	var visit func(id string)
	visit = func(id string) {
		state[id] = onPath
		path = append(path, id)
		for j, o := range q.questions[id].Options {
			if q.questions[o.Next] == nil {
				continue
			}
			switch state[o.Next] {
			case unvisited:
				visit(o.Next)
			case onPath:
				loop := append(slices.Clone(path[slices.Index(path, o.Next):]), o.Next)
				off := c.def.Val(fmt.Sprintf("question[%d].options[%d].next", index[id], j))
				c.errs.Add(c.def.Errorf(off, "cycle %s: every path must end at an outcome", strings.Join(loop, " → ")))
			}
		}
		path = path[:len(path)-1]
		state[id] = done
	}
	if q.questions[q.Start] != nil {
		visit(q.Start)
	}
	for _, qu := range q.Questions {
		if q.questions[qu.ID] == qu && state[qu.ID] == unvisited {
			visit(qu.ID)
		}
	}
}
