package quiz

import (
	"reflect"
	"testing"

	"golang.org/x/tools/txtar"
)

// validQuiz loads testdata/valid.txtar, the quiz the path tests walk.
func validQuiz(t *testing.T) *Quiz {
	t.Helper()
	a, err := txtar.ParseFile("testdata/valid.txtar")
	if err != nil {
		t.Fatal(err)
	}
	q, err := loadArchive(t, a)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

func TestValid(t *testing.T) {
	q := validQuiz(t)

	want := []Path{
		{[]Step{{"start", "offered"}, {"offered", "busy"}}, "swamped"},
		{[]Step{{"start", "offered"}, {"offered", "unsure"}, {"unsure", "first-time"}}, "be-direct"},
		{[]Step{{"start", "offered"}, {"offered", "unsure"}, {"unsure", "again"}}, "swamped"},
		{[]Step{{"start", "want"}}, "be-direct"},
	}
	if got := q.Paths(); !reflect.DeepEqual(got, want) {
		t.Errorf("Paths() =\n%v\nwant\n%v", got, want)
	}

	for id, want := range map[string]int{
		"start": 1, "offered": 2, "unsure": 3,
		"swamped": 3, "be-direct": 2, // be-direct is also reached at 4
		"nothing": 0,
	} {
		if got := q.Depth(id); got != want {
			t.Errorf("Depth(%q) = %d, want %d", id, got, want)
		}
	}

	if qu, o := q.Node("offered"); qu == nil || o != nil || len(qu.Options) != 2 {
		t.Errorf("Node(offered) = %v, %v; want the question", qu, o)
	}
	if qu, o := q.Node("swamped"); qu != nil || o == nil || o.Article != "offers" || !reflect.DeepEqual(o.Replies, []string{"accept-later"}) {
		t.Errorf("Node(swamped) = %v, %v; want the outcome", qu, o)
	}
	if qu, o := q.Node("nothing"); qu != nil || o != nil {
		t.Errorf("Node(nothing) = %v, %v; want nil, nil", qu, o)
	}

	for _, tt := range []struct{ got, want string }{
		{q.Text("nl", "offered"), "Waarom twijfel je?"},
		{q.OptionText("en", "unsure", "first-time"), "It's the first time I ask"},
		{q.Hint("en", "offered"), "If both are true, choose the first."},
		{q.Hint("en", "start"), ""},
		{q.Text("fr", "offered"), ""},
		{q.OptionText("en", "offered", "nothing"), ""},
	} {
		if tt.got != tt.want {
			t.Errorf("got text %q, want %q", tt.got, tt.want)
		}
	}
}

func TestAheadCountsTheLongestWayToAnOutcome(t *testing.T) {
	q := validQuiz(t)
	// start → offered → unsure → outcome is the longest way: three questions.
	for id, want := range map[string]int{"start": 3, "offered": 2, "unsure": 1, "swamped": 0, "nowhere": 0} {
		if got := q.Ahead(id); got != want {
			t.Errorf("Ahead(%q) = %d, want %d", id, got, want)
		}
	}
}
