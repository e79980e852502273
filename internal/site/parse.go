package site

import (
	"bytes"
	"fmt"
	"html/template"
	"slices"
	"strings"
	"time"

	"github.com/tact-guide/tact/internal/diag"
	"github.com/tact-guide/tact/internal/markdown"
	"github.com/tact-guide/tact/internal/sitefs"
	"github.com/tact-guide/tact/internal/slug"
	"github.com/tact-guide/tact/internal/sourcever"
	"github.com/tact-guide/tact/internal/tomlpos"
)

// parseArticle decodes one article file of lang. It returns the article with
// every problem found in it; the article is nil when the file could not be
// understood at all. The body's HTML is rendered into html, for the caller
// to minify and keep (a.body is left empty): one buffer serves many
// articles, where each body's copies were a seventh of what a large build
// allocates.
func parseArticle(conv *markdown.Converter, lang *Lang, file string, src []byte, html *bytes.Buffer) (*Article, error) {
	fmSrc, body, fmOff, bodyOff, err := splitFrontMatter(file, src)
	if err != nil {
		return nil, err
	}
	var fm FrontMatter
	idx, err := decodeStrict(file, src, fmOff, fmSrc, &fm)
	if err != nil {
		return nil, err
	}
	var errs diag.List
	fmLine, _ := diag.Position(src, fmOff)
	require := func(field, value, hint string) {
		switch {
		case value == "":
			errs.Addf(file, fmLine, 1, "missing %s: add %s = %s to the front matter", field, field, hint)
		case strings.TrimSpace(value) == "":
			errs.Add(idx.Errorf(idx.Val(field), "%s is blank: write it, %s", field, hint))
		}
	}
	require("title", fm.Title, `"…"`)
	require("key", fm.Key, `"the-same-key-in-every-language"`)
	require("slug", fm.Slug, `"url-segment"`)
	require("summary", fm.Summary, `"one or two sentences"`)
	switch {
	case idx.Key("date") < 0:
		errs.Addf(file, fmLine, 1, "missing date: add date = 2026-01-31 (a TOML date, without quotes) to the front matter")
	case fm.Date.Year < 1900:
		errs.Add(idx.Errorf(idx.Val("date"), "date %s is not a publication date: write the day the article was first published", fm.Date))
	}
	if fm.Key != "" && !slug.Valid(fm.Key) {
		errs.Add(idx.Errorf(idx.Val("key"), "key %q is not valid: use lowercase letters, digits and hyphens", fm.Key))
	}
	for _, e := range sitefs.Untranslated(file, src, lang.Name) {
		errs.Add(e)
	}
	if fm.Slug != "" && !strings.Contains(fm.Slug, sitefs.UntranslatedMark) { // (a skeleton's slug to choose: reported above)
		if msg := checkSlug(fm.Slug, lang); msg != "" {
			errs.Add(idx.Errorf(idx.Val("slug"), "%s", msg))
		}
	}
	a := &Article{
		Lang: lang, File: file,
		Title: markdown.SmartQuotes(fm.Title, lang.Quotes), Key: fm.Key, Slug: fm.Slug, Summary: markdown.SmartQuotes(fm.Summary, lang.Quotes),
		Date: localDate(fm.Date), Tags: fm.Tags, Related: fm.Related, Draft: fm.Draft,
		TranslatedFrom: fm.TranslatedFrom, SourceHash: sourcever.Hash(body),
		Minutes: markdown.ReadingMinutes(body),
	}
	a.Updated = a.Date
	for i, f := range positionedFields {
		line, col := idx.Position(max(tomlpos.First(idx.Val(f), fmOff), 0))
		a.fields[i] = [2]int32{int32(line), int32(col)}
	}
	if fm.Updated != nil {
		a.Updated = localDate(*fm.Updated)
		if a.Updated.Before(a.Date) {
			errs.Add(idx.Errorf(idx.Val("updated"), "updated is earlier than date: fix one of them"))
		}
	}
	res, err := conv.ConvertTo(html, body)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	for _, p := range res.Problems {
		errs.Add(diag.At(file, src, bodyOff+p.Offset, "%s", p.Msg))
	}
	for _, s := range res.Scenarios {
		line, col := diag.Position(src, bodyOff+s.Offset)
		sc := &Scenario{
			Article: a, ID: s.ID, Anchor: s.Anchor, Title: s.Title, Verdict: s.Verdict,
			ScenarioText: &ScenarioText{
				Situation: template.HTML(s.Situation), Why: template.HTML(s.Why),
				SituationText: s.SituationText, WhyText: s.WhyText,
			},
			line: int32(line), col: int32(col),
		}
		if !slices.Contains(Verdicts, s.Verdict) {
			errs.Addf(file, line, col, "unknown verdict %q: use one of %s", s.Verdict, strings.Join(Verdicts, ", "))
		}
		for _, r := range s.Replies {
			rl, rc := diag.Position(src, bodyOff+r.Offset)
			rs := r.Slug
			if rs == "" {
				rs = slug.Make(r.Title)
			}
			if rs == "" {
				errs.Addf(file, rl, rc, "reply %q: its title gives no URL segment (it has no Latin letter or digit): add slug=\"some-words\" to the reply", r.ID)
			}
			names := r.Placeholders()
			sc.Replies = append(sc.Replies, &Reply{
				Scenario: sc, ID: r.ID, Title: markdown.SmartQuotes(r.Title, lang.Quotes), Slug: rs,
				Channel: r.Channel, Limit: r.Limit(),
				Message: &Message{Subject: r.Subject, Body: r.Body, Placeholders: names, Labels: markdown.Labels(names, lang.Quotes)},
				slots:   int32(len(names)), line: int32(rl), col: int32(rc),
			})
		}
		a.Scenarios = append(a.Scenarios, sc)
	}
	return a, errs.Err()
}

// parseHome decodes content/<lang>/_index.md, or _about.md when about.
func parseHome(conv *markdown.Converter, lang *Lang, file string, src []byte, about bool) (*Home, error) {
	fmSrc, body, fmOff, bodyOff, err := splitFrontMatter(file, src)
	if err != nil {
		return nil, err
	}
	var fm aboutMatter
	var idx *tomlpos.Index
	if about {
		idx, err = decodeStrict(file, src, fmOff, fmSrc, &fm)
	} else {
		var hm homeMatter
		idx, err = decodeStrict(file, src, fmOff, fmSrc, &hm)
		fm.Title, fm.Summary = hm.Title, hm.Summary
	}
	if err != nil {
		return nil, err
	}
	var errs diag.List
	what, need := "the home page", "a title and a summary"
	if about {
		what, need = "the about page", "a title, a summary and a slug"
	}
	if strings.TrimSpace(fm.Title) == "" || strings.TrimSpace(fm.Summary) == "" || about && fm.Slug == "" {
		line, _ := diag.Position(src, fmOff)
		errs.Addf(file, line, 1, "%s needs %s in its front matter", what, need)
	} else if about {
		if msg := checkSlug(fm.Slug, lang); msg != "" {
			errs.Add(idx.Errorf(idx.Val("slug"), "%s", msg))
		}
	}
	res, err := conv.Convert(body)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	for _, p := range res.Problems {
		errs.Add(diag.At(file, src, bodyOff+p.Offset, "%s", p.Msg))
	}
	h := &Home{File: file, Title: markdown.SmartQuotes(fm.Title, lang.Quotes), Summary: markdown.SmartQuotes(fm.Summary, lang.Quotes), Body: template.HTML(res.HTML)}
	if about && fm.Slug != "" && errs.Err() == nil {
		h.Slug = fm.Slug
	}
	return h, errs.Err()
}

// checkSlug returns what is wrong with an article slug, or "".
// maxSlug is the longest slug: a URL segment of a few words, well under the
// 255 bytes a folder name may have on most systems.
const maxSlug = 200

func checkSlug(s string, lang *Lang) string {
	if len(s) > maxSlug {
		return fmt.Sprintf("slug is %d characters long: keep it under %d, a few words of the title", len(s), maxSlug)
	}
	if !slug.Valid(s) {
		return fmt.Sprintf("slug %q is not a valid URL segment: use lowercase ASCII letters, digits and hyphens (for example %q)", s, slug.Make(s))
	}
	if slices.Contains(reservedSegments, s) || s == lang.ReplySeg || s == lang.QuizSeg {
		return fmt.Sprintf("slug %q is reserved for the site's own pages: choose another", s)
	}
	return ""
}

func localDate(d interface {
	AsTime(*time.Location) time.Time
}) time.Time {
	return d.AsTime(time.UTC)
}
