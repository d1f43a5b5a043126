package export

import (
	"bufio"
	"encoding/xml"
	"io"
)

// out is a buffered writer that keeps its first error, so encoders can
// write a document in straight lines and check once.
type out struct {
	w   *bufio.Writer
	err error
}

func newOut(w io.Writer) *out { return &out{w: bufio.NewWriterSize(w, 32<<10)} }

func (o *out) str(ss ...string) {
	for _, s := range ss {
		if o.err != nil {
			return
		}
		_, o.err = o.w.WriteString(s)
	}
}

// esc writes s escaped as XML character data or an attribute value.
func (o *out) esc(s string) {
	if o.err != nil {
		return
	}
	o.err = xml.EscapeText(o.w, []byte(s))
}

// attr writes ` name="value"`, escaped.
func (o *out) attr(name, value string) {
	o.str(" ", name, `="`)
	o.esc(value)
	o.str(`"`)
}

func (o *out) flush() error {
	if o.err != nil {
		return o.err
	}
	return o.w.Flush()
}
