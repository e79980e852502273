package e2e

import (
	"math"
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
		// Printed type: an 11 pt body, the lede and situations one step
		// above it, the title above them.
		var size struct{ Body, Lede, Situation, Title float64 }
		if err := chromedp.Run(ctx, chromedp.Evaluate(`(function () {
  function px(sel) { var e = document.querySelector(sel); return e ? parseFloat(getComputedStyle(e).fontSize) : 0; }
  return {Body: px("body"), Lede: px(".lede"), Situation: px(".situation"), Title: px("h1")};
})()`, &size)); err != nil {
			t.Fatal(err)
		}
		if math.Abs(size.Body-11.0*96/72) > 0.1 {
			t.Errorf("%s printed: body text %.3f px, want 11 pt (14.667 px)", url, size.Body)
		}
		for name, px := range map[string]float64{"lede": size.Lede, "situation": size.Situation} {
			if px > size.Body*1.2 || px > 0 && px >= size.Title {
				t.Errorf("%s printed: %s %.1f px against body %.1f px and title %.1f px: want at most one step (×1.2) above the body, below the title", url, name, px, size.Body, size.Title)
			}
		}
	}
}
