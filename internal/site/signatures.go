package site

import (
	"html/template"
	"time"

	"tact/internal/markdown/reply"
	"tact/internal/tmplexec"
)

// templateSignatures are the types of the methods and functions the
// layouts call: the compiled templates call those of these types directly
// instead of through reflection (tmplexec.Signature). A method's type is
// its method expression's, receiver first. A call of another type still
// works, only more slowly. The comments name what each type is here for.
var templateSignatures = []tmplexec.Signature{
	tmplexec.Func1[*Page, string](),                  // Canonical
	tmplexec.Func1[*Page, template.JS](),             // StructuredData
	tmplexec.Func1[*Site, string](),                  // XDefault
	tmplexec.Func2[*Site, string, string](),          // AbsURL
	tmplexec.Func1[*Lang, string](),                  // URL, RepliesURL, FeedURL, ShareImageURL
	tmplexec.Func2[*Lang, string, string](),          // QuizURL
	tmplexec.Func1[Alternate, string](),              // AbsURL
	tmplexec.Func1[*Article, string](),               // URL
	tmplexec.Func1[*Article, int](),                  // ReplyCount
	tmplexec.Func1E[*Article, template.HTML](),       // Body
	tmplexec.Func1[*Scenario, string](),              // URL
	tmplexec.Func1[*Reply, string](),                 // URL, MailtoURL
	tmplexec.Func1[*Reply, *Article](),               // Article
	tmplexec.Func1[ReplyCard, string](),              // MailtoURL, promoted from *Reply
	tmplexec.Func1[*QuizNode, bool](),                // IsOutcome
	tmplexec.Func2E[string, *Page, template.HTML](),  // cached
	tmplexec.Func1[*Reply, ReplyCard](),              // card, inOutcome
	tmplexec.Func1[[]reply.Segment, template.HTML](), // segments
	tmplexec.Func1[time.Time, string](),              // date, localDate
	tmplexec.Func2[string, int, string](),            // Tn
	tmplexec.Func2[string, string, string](),         // TL
}
