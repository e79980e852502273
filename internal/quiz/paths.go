package quiz

import "slices"

// Path is one way through the quiz: the option chosen at each question, from
// the start to an outcome.
type Path struct {
	Steps   []Step
	Outcome string // id of the outcome reached
}

// Step is one answered question.
type Step struct {
	Question, Option string // ids
}

// Paths returns every path from the start to an outcome, depth first, the
// options of each question taken in order: the first path always takes the
// first option.
func (q *Quiz) Paths() []Path {
	var paths []Path
	var steps []Step
	var walk func(id string)
	walk = func(id string) {
		for _, o := range q.questions[id].Options {
			steps = append(steps, Step{id, o.ID})
			if q.outcomes[o.Next] != nil {
				paths = append(paths, Path{slices.Clone(steps), o.Next})
			} else if q.questions[o.Next] != nil {
				walk(o.Next)
			}
			steps = steps[:len(steps)-1]
		}
	}
	if q.questions[q.Start] != nil {
		walk(q.Start)
	}
	return paths
}

// Depth returns the number of the question along the shortest path from the
// start to the node with the given id: 1 for the start, 2 for the questions
// its options lead to, and so on. For an outcome it is one more than the
// number of questions answered on the shortest way there. It is 0 for an
// unknown id.
func (q *Quiz) Depth(id string) int {
	return q.depth[id]
}

// Ahead returns the most questions a reader may still answer from the node
// with the given id, itself included: 0 for an outcome or an unknown id. A
// question at step n therefore reads "question n of n-1+Ahead". The graph
// is acyclic (checked at load), so the walk ends.
func (q *Quiz) Ahead(id string) int {
	qu := q.questions[id]
	if qu == nil {
		return 0
	}
	most := 0
	for _, o := range qu.Options {
		most = max(most, q.Ahead(o.Next))
	}
	return 1 + most
}
