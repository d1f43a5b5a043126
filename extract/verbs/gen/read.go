package main

import (
	"fmt"
	"regexp"
	"strings"
)

var (
	// reCode finds the code of a family header, "---  SEND   [---]  ---"
	// or "--- CRITICIZE [110]---".
	reCode = regexp.MustCompile(`\[([^\]]*)\]`)
	// reTrailingCode finds the code that ends a pattern, "[154]", even when
	// stray text is glued to it ("^)[111]").
	reTrailingCode = regexp.MustCompile(`\[([^\]]*)\]\s*$`)
)

// dict is CAMEO.2.0.txt as read, before conversion: the noun synsets,
// the verb families in file order and the transformations left aside.
type dict struct {
	synsets   map[string][]member
	synOrder  []string
	families  []*family
	transform []int // lines of "~" verb transformations
	problems  []problem
}

// member is one word or phrase of a synset.
type member struct {
	words []string // lower case; more than one for a phrase ("prime minister")
}

// family is one "--- NAME [code] ---" block.
type family struct {
	name     string // lower case
	code     string // without brackets: "070", "041:041", "---"
	line     int
	verbs    []verbEntry
	patterns []rawPattern
}

// verbEntry is one verb line of a family.
type verbEntry struct {
	words []string // the verb then the words that follow it ("call", "off")
	forms []string // the forms listed in braces, lower case, words joined by spaces
	code  string   // the verb's own code, or "" for the family's
	line  int
}

// rawPattern is one "- ... * ... [code]" line, not yet parsed.
type rawPattern struct {
	body    string // between the leading "-" and the code
	code    string // without brackets
	comment string // after "#": the verbs the pattern was written for, and notes
	line    int
}

// problem is a line of the source that the table does not carry as
// written, with the reason.
type problem struct {
	line   int
	reason string
	text   string
}

func (p problem) String() string {
	return fmt.Sprintf("line %d: %s: %s", p.line, p.reason, strings.TrimSpace(p.text))
}

// readDict reads CAMEO.2.0.txt the way PETRreader.read_verb_dictionary
// does: synsets before the "####### VERB PATTERNS #######" line, then
// families of verbs and patterns.
func readDict(src string) *dict {
	d := &dict{synsets: map[string][]member{}}
	inSynsets := true
	synName := ""
	var fam *family
	for i, line := range strings.Split(src, "\n") {
		n := i + 1
		if strings.HasPrefix(line, "####### VERB PATTERNS #######") {
			inSynsets = false
			continue
		}
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		switch {
		case inSynsets && strings.HasPrefix(line, "&"):
			synName = strings.ToLower(strings.TrimSpace(line))
			d.synOrder = append(d.synOrder, synName)
		case inSynsets && strings.HasPrefix(line, "+"):
			term := strings.TrimSpace(strings.SplitN(line, "#", 2)[0])[1:]
			term = strings.TrimSuffix(strings.ToLower(term), "_")
			m := member{words: strings.FieldsFunc(term, func(r rune) bool { return r == '_' || r == ' ' })}
			if len(m.words) > 0 && synName != "" {
				d.synsets[synName] = append(d.synsets[synName], m)
			}
		case inSynsets:
			d.problems = append(d.problems, problem{n, "line in the synset section that is no synset", line})
		case strings.HasPrefix(line, "---"):
			f := strings.Fields(strings.Trim(line, "- \t"))
			m := reCode.FindStringSubmatch(line)
			if len(f) == 0 || m == nil {
				d.problems = append(d.problems, problem{n, "family header without a code", line})
				continue
			}
			fam = &family{name: strings.ToLower(f[0]), code: m[1], line: n}
			d.families = append(d.families, fam)
		case strings.HasPrefix(line, "-"):
			body, comment, _ := strings.Cut(line[1:], "#")
			m := reTrailingCode.FindStringSubmatchIndex(body)
			if fam == nil || m == nil {
				d.problems = append(d.problems, problem{n, "pattern outside a family or without a [code]", line})
				continue
			}
			fam.patterns = append(fam.patterns, rawPattern{body: body[:m[0]], code: body[m[2]:m[3]], comment: comment, line: n})
		case strings.HasPrefix(line, "~"):
			d.transform = append(d.transform, n)
		case strings.HasPrefix(line, "<!"):
			d.problems = append(d.problems, problem{n, "pattern switch not supported", line})
		default:
			if fam == nil {
				d.problems = append(d.problems, problem{n, "verb outside a family", line})
				continue
			}
			v, ok := readVerb(line, n)
			if !ok {
				d.problems = append(d.problems, problem{n, "verb line not understood", line})
				continue
			}
			fam.verbs = append(fam.verbs, v)
		}
	}
	return d
}

// readVerb reads a verb line: "SEND {SENDS SENDING SENT }", "+CALL_OFF
// [160]", "+ASK_FOR {+ASKED_FOR +ASKING_FOR +ASKS_FOR} [020]".
func readVerb(line string, n int) (verbEntry, bool) {
	text := strings.SplitN(line, "#", 2)[0]
	v := verbEntry{line: n}
	if i := strings.Index(text, "["); i >= 0 {
		j := strings.Index(text[i:], "]")
		if j < 0 {
			return v, false
		}
		v.code = text[i+1 : i+j]
		text = text[:i] + text[i+j+1:]
	}
	head, forms := text, ""
	if i := strings.Index(text, "{"); i >= 0 {
		head, forms = text[:i], strings.Trim(text[i:], "{} \t")
	}
	hf := strings.Fields(head)
	if len(hf) != 1 {
		return v, false
	}
	v.words = phrase(hf[0])
	for _, f := range strings.Fields(forms) {
		if f == "," {
			continue
		}
		v.forms = append(v.forms, strings.Join(phrase(f), " "))
	}
	return v, len(v.words) > 0
}

// phrase splits a dictionary word such as "+CALL_OFF" into lower-case
// words.
func phrase(w string) []string {
	w = strings.ToLower(strings.TrimLeft(w, "+"))
	return strings.FieldsFunc(w, func(r rune) bool { return r == '_' || r == '+' })
}
