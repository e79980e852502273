package output

import (
	"fmt"
	"os"
)

// exchangeByRename swaps a and b with two renames, for systems without an
// atomic exchange. b holds neither site for the instant between them.
func exchangeByRename(a, b string) error {
	old := b + ".old"
	_ = os.RemoveAll(old)
	if err := os.Rename(b, old); err != nil {
		return err
	}
	if err := os.Rename(a, b); err != nil {
		_ = os.Rename(old, b)
		return err
	}
	if err := os.Rename(old, a); err != nil {
		return fmt.Errorf("move previous build aside: %w", err)
	}
	return nil
}
