package site

import "tact/internal/tmplexec"

// templateMethods are the methods of the page model that layouts call
// without arguments: the compiled templates call them directly instead of
// through reflection (tmplexec.Direct). A method missing here still works,
// only more slowly; one with arguments cannot be listed. A method promoted
// from an embedded field is a method of the embedding type (ReplyCard's
// MailtoURL, from *Reply), listed as such.
var templateMethods = []tmplexec.Method{
	tmplexec.Direct((*Page).Canonical),
	tmplexec.Direct((*Page).StructuredData),
	tmplexec.Direct((*Page).Breadcrumbs),
	tmplexec.Direct((*Site).XDefault),
	tmplexec.Direct((*Site).TranslationStatus),
	tmplexec.Direct((*Lang).URL),
	tmplexec.Direct((*Lang).RepliesURL),
	tmplexec.Direct((*Lang).FeedURL),
	tmplexec.Direct((*Lang).EmbedCodeURL),
	tmplexec.Direct((*Lang).ShareImageURL),
	tmplexec.Direct(Alternate.AbsURL),
	tmplexec.Direct((*Article).URL),
	tmplexec.Direct((*Article).ReplyCount),
	tmplexec.Direct((*Scenario).URL),
	tmplexec.Direct((*Reply).URL),
	tmplexec.Direct((*Reply).Article),
	tmplexec.Direct((*Reply).MailtoURL),
	tmplexec.Direct(ReplyCard.MailtoURL),
	tmplexec.Direct((*QuizNode).IsOutcome),
}
