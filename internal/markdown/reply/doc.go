// Package reply is a goldmark extension for reply templates: ready-made
// messages that a reader copies, fills in and sends.
//
// # Syntax
//
// A reply is a fenced code block whose info string starts with the word
// reply, followed by attributes:
//
//	```reply id=accept-later title="Thank them and suggest a date" subject="Your introduction to ((contact's name))"
//	Hi ((introducer's name)),
//
//	Thank you so much for reaching out to ((contact's name)) on my behalf.
//	```
//
// Attributes are key=value or key="quoted value", separated by spaces or
// tabs. Inside double quotes, \" stands for a quote and \\ for a backslash;
// any other backslash is kept as it is. The keys are:
//
//	id       required  the reply's id: lowercase letters and digits in words
//	                   joined by single hyphens (accept-later, no-2)
//	title    required  what the reply does, in the page's language
//	subject  optional  the e-mail subject; may hold placeholders
//	slug     optional  overrides the URL segment made from the title;
//	                   same form as id
//
// An unknown or repeated key, a missing id or title, an empty value, a
// malformed id or slug and a quote left open are errors. A fenced block
// with any other info string stays an ordinary code block.
//
// The block's lines are the message, exactly as written, without the
// final newline: line breaks are kept and Markdown is not interpreted.
//
// # Placeholders
//
// In the body and the subject, ((name)) marks a placeholder: something the
// reader fills in. The name is the text between (( and the next )), with
// surrounding spaces trimmed. It cannot be empty, contain ( or ) or span
// lines, so placeholders do not nest. A (( with no )) later on its line and
// a )) that closes nothing are errors. Single parentheses are ordinary
// text, so "(call ((name)))" is a literal "(call ", a placeholder and a
// literal ")". The same name may appear several times; the reader fills it
// once ([Names] lists each name once).
//
// # Parsing and errors
//
// [Extender] adds an AST transformer that replaces every well-formed reply
// block with a [Reply] node, and a renderer for it. Problems are recorded
// per document in the [parser.Context] and read back with [Errors]; they
// never stop the conversion. A block whose attributes are wrong stays a
// code block, so every [Reply] node has a valid ID and a Title. A reply
// whose body or subject has a placeholder error becomes a [Reply] whose
// faulty text is one literal segment.
//
// One goldmark.Markdown built with the extension may be shared by
// goroutines; each conversion needs its own parser.Context to see its
// errors:
//
//	pc := parser.NewContext()
//	err := md.Convert(src, &buf, parser.WithContext(pc))
//	for _, e := range reply.Errors(pc) { ... e.Offset, e.Msg ... }
//
// # HTML
//
// A reply renders as
//
//	<figure class="reply" id="reply-ID" data-reply="ID">
//	<figcaption><a href="URL">TITLE</a></figcaption>
//	<div class="reply-subject" data-subject>SUBJECT</div>
//	<pre class="reply-text" data-body>TEXT</pre>
//	</figure>
//
// with no link when [Extender.URL] is nil or returns "", and no subject
// line when the reply has none. Each placeholder is
// <mark class="ph" data-ph="NAME">((NAME))</mark>; everything is
// HTML-escaped, and newlines in the text are kept.
package reply
