// Package e2e holds the end-to-end tests: the real site is built into a
// temporary directory, served on a loopback port, and driven in Debian's
// Chromium through chromedp, as a reader would use it.
//
// A missing browser fails the tests under CI=true and skips them elsewhere,
// with the command that installs it.
package e2e
