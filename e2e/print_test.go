package e2e

import (
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestPrintStyles: printed, an article and a reply keep their content and
// drop the navigation, the language switcher, the footer and the controls.
func TestPrintStyles(t *testing.T) {
	t.Parallel() // (loads pages and reads them: no focus or keyboard, so beside the others)
	base := serve(t, siteDir(t))
	s := loadModel(t)
	en := s.Lang("en")
	ctx := newBrowser(t)
	if err := chromedp.Run(ctx, emulation.SetEmulatedMedia().WithMedia("print")); err != nil {
		t.Fatal(err)
	}
	for _, url := range []string{en.Articles[0].URL(), en.Replies[0].URL()} {
		var hidden, shown []string
		if err := chromedp.Run(ctx,
			chromedp.Navigate(base+url),
			chromedp.WaitReady("body", chromedp.ByQuery),
			chromedp.Evaluate(`["nav.site-nav", ".lang-switch", ".site-footer", ".toc", ".actions", "[data-fill]", ".skip-link"].filter(function (sel) {
  var e = document.querySelector(sel);
  return e && e.getClientRects().length > 0;
})`, &shown),
			chromedp.Evaluate(`["h1", "main p", ".reply-text"].filter(function (sel) {
  var e = document.querySelector(sel);
  return !e || e.getClientRects().length === 0;
})`, &hidden),
		); err != nil {
			t.Fatal(err)
		}
		if len(shown) > 0 {
			t.Errorf("%s printed shows %v", url, shown)
		}
		if len(hidden) > 0 {
			t.Errorf("%s printed hides its content: %v", url, hidden)
		}
	}
}
