package extract

import (
	"errors"
	"strings"
)

// ErrEmpty is returned for input with no usable text.
var ErrEmpty = errors.New("extract: empty article text")

// Extract reads one article and returns its entities and events. It fails
// only when the input has no usable text; everything uncertain is data.
func Extract(in Input) (Result, error) {
	if strings.TrimSpace(in.Text) == "" {
		return Result{}, ErrEmpty
	}
	return Result{Article: Article{ID: in.ID, Title: in.Title, Text: in.Text}}, nil
}
