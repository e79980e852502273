package render

import (
	"errors"
	"testing"
)

// A parse error names a line only; the column is that of the text it
// quotes when the line holds it once, and left out when it could be
// several places.
func TestParseErrorColumn(t *testing.T) {
	files := map[string]layoutFile{"x.html": {path: "layouts/x.html", src: []byte("<p>\n<h2>{{nosuch}}</h2>{{T \"a\"</h2>\n")}}
	for _, c := range []struct{ msg, want string }{
		{`template: x.html:2: function "nosuch" not defined`, `layouts/x.html:2:7: function "nosuch" not defined`},
		{`template: x.html:2: unexpected "<" in operand`, `layouts/x.html:2: unexpected "<" in operand`},
	} {
		if have := layoutError(errors.New(c.msg), files).Error(); have != c.want {
			t.Errorf("%s:\nhave %s\nwant %s", c.msg, have, c.want)
		}
	}
}
