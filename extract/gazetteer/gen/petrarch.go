package main

import (
	"fmt"
	"regexp"
	"strings"
	"time"
)

// This file reads the PETRARCH dictionary syntax, as petrarch2's own reader
// (petrarch2/PETRreader.py: read_FIN_line, read_actor_dictionary,
// read_agent_dictionary, and PETRtree.py's check_date) reads it.
//
// Lines. A line starting with '#' or "<!", and a blank line, are skipped;
// from a '#' inside a line on, the rest is a comment; "<!-- ... -->"
// comments may span lines.
//
// Actors. A line that starts with neither '+' nor '[' begins an actor: its
// phrase (words joined by '_' or spaces), then optionally its codes in
// brackets. '+' lines add synonyms of the phrase; '[' lines add codes. The
// codes belong to the phrase and every synonym given since the last actor
// line; a group without codes codes nothing (PETRARCH stores it with an
// empty list). A code is "[CODE]" (always), "[CODE a-b]" (from day a up to,
// not including, day b), "[CODE >a]" (from a on) or "[CODE <b]" (before b).
// Days are YYMMDD (YY up to 30 is 20YY, else 19YY) or YYYYMMDD. PETRARCH
// takes the first code whose span holds the sentence's date. "[---]" is
// the null code.
//
// Agents. "PHRASE {PLURAL} [CODE]": the braces give an irregular plural, or
// none when empty; without them the plural is regular (+S, Y -> IES, S ->
// SES) and the extractor forms it itself. "!NAME! = A, B, C" defines a
// substitution marker: "CONGRESS!PERSON!" is CONGRESSMAN, CONGRESSWOMAN, ...
// The code is "~XXX" (the agent's role, added after the actor's country) or
// "XXX~" (added before it, for NGO~ and IGO~).

// pLine is one line as the reader yields it, comments removed.
type pLine struct {
	n    int
	text string
}

// petrarchLines returns the lines read_FIN_line yields.
func petrarchLines(data string) []pLine {
	var out []pLine
	inComment := false
	for i, l := range strings.Split(data, "\n") {
		l = strings.TrimRight(l, "\r")
		if inComment {
			inComment = !strings.Contains(l, "-->")
			continue
		}
		if strings.HasPrefix(l, "#") {
			continue
		}
		if strings.HasPrefix(l, "<!") {
			inComment = strings.HasPrefix(l, "<!--") && !strings.Contains(l, "-->")
			continue
		}
		if j := strings.IndexByte(l, '#'); j >= 0 {
			l = l[:j]
		}
		if j := strings.Index(l, "<!--"); j >= 0 {
			if k := strings.Index(l[j:], "-->"); k >= 0 {
				l = l[:j] + l[j+k+3:]
			} else {
				l = l[:j]
				inComment = true
			}
		}
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, pLine{i + 1, l})
		}
	}
	return out
}

// pCode is one code of an actor over a span of days, both ends inclusive
// (YYYY-MM-DD; empty: unbounded).
type pCode struct {
	code     string
	from, to string
}

// pActor is one entry of an actor dictionary: its phrases (the first is
// the entry's own) and its codes, in the order given.
type pActor struct {
	file  string
	line  int
	names []string // upper case, words joined by single spaces
	codes []pCode
}

var (
	reCode    = regexp.MustCompile(`^[A-Z]{3}(?:[A-Z0-9]{3})*$`)
	reBracket = regexp.MustCompile(`\[([^\[\]]*)\]`)
)

// parseActors reads an actor dictionary. problems lists what PETRARCH would
// trip on (a bad date, a malformed code, a synonym before any actor); such
// codes and lines are left out.
func parseActors(file, data string) (actors []pActor, problems []string) {
	var cur *pActor
	flush := func() {
		if cur != nil && len(cur.names) > 0 {
			actors = append(actors, *cur)
		}
		cur = nil
	}
	bad := func(n int, format string, args ...any) {
		problems = append(problems, fmt.Sprintf("%s:%d: %s", file, n, fmt.Sprintf(format, args...)))
	}
	addCodes := func(n int, s string) {
		for _, m := range reBracket.FindAllStringSubmatch(s, -1) {
			c, err := parseCode(m[1])
			switch {
			case err != nil:
				bad(n, "%v", err)
			case c.code != "":
				cur.codes = append(cur.codes, c)
			}
		}
	}
	for _, l := range petrarchLines(data) {
		switch l.text[0] {
		case '[':
			if cur == nil {
				bad(l.n, "code before any actor")
				continue
			}
			addCodes(l.n, l.text)
		case '+':
			if cur == nil {
				bad(l.n, "synonym before any actor")
				continue
			}
			name, rest, _ := strings.Cut(l.text[1:], "[")
			cur.names = append(cur.names, phrase(name))
			if rest != "" {
				addCodes(l.n, "["+rest)
			}
		default:
			flush()
			name, rest, _ := strings.Cut(l.text, "[")
			cur = &pActor{file: file, line: l.n, names: []string{phrase(name)}}
			if rest != "" {
				addCodes(l.n, "["+rest)
			}
		}
	}
	flush()
	return actors, problems
}

// phrase turns a dictionary phrase into words joined by single spaces.
func phrase(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "_", " ")), " ")
}

// parseCode reads the inside of one bracket: a code and an optional span.
func parseCode(s string) (pCode, error) {
	f := strings.Fields(s)
	if len(f) == 0 {
		return pCode{}, fmt.Errorf("empty code")
	}
	c := pCode{code: f[0]}
	if c.code == "---" {
		return pCode{}, nil // the null code
	}
	if !reCode.MatchString(c.code) {
		return pCode{}, fmt.Errorf("malformed code %q", c.code)
	}
	span := strings.Join(f[1:], "")
	var err error
	switch {
	case span == "":
	case span[0] == '<':
		c.to, err = petrarchDay(span[1:], -1)
	case span[0] == '>':
		c.from, err = petrarchDay(span[1:], 0)
	case strings.Contains(span, "-"):
		a, b, _ := strings.Cut(span, "-")
		if c.from, err = petrarchDay(a, 0); err == nil {
			c.to, err = petrarchDay(b, -1)
		}
		if err == nil && c.to < c.from {
			err = fmt.Errorf("span %s ends before it starts", span)
		}
	default:
		// check_date reads a lone day as "from then on"
		c.from, err = petrarchDay(span, 0)
	}
	if err != nil {
		return pCode{}, fmt.Errorf("%s: %v", c.code, err)
	}
	return c, nil
}

// petrarchDay reads YYMMDD or YYYYMMDD as YYYY-MM-DD, shifted by shift days
// (-1 turns PETRARCH's exclusive end into an inclusive one).
func petrarchDay(s string, shift int) (string, error) {
	var layout string
	switch len(s) {
	case 6:
		yy := s[:2]
		if yy <= "30" {
			s = "20" + s
		} else {
			s = "19" + s
		}
		layout = "20060102"
	case 8:
		layout = "20060102"
	default:
		return "", fmt.Errorf("bad day %q (want YYMMDD or YYYYMMDD)", s)
	}
	t, err := time.Parse(layout, s)
	if err != nil {
		return "", fmt.Errorf("bad day %q", s)
	}
	return t.AddDate(0, 0, shift).Format("2006-01-02"), nil
}

// pAgent is one agent pattern with its code.
type pAgent struct {
	pattern string // lower case, words joined by single spaces
	code    string // without the '~'
}

// parseAgents reads an agent dictionary; regular plurals are left to the
// reader of the table.
func parseAgents(file, data string) (agents []pAgent, problems []string) {
	markers := map[string][]string{}
	bad := func(n int, format string, args ...any) {
		problems = append(problems, fmt.Sprintf("%s:%d: %s", file, n, fmt.Sprintf(format, args...)))
	}
	for _, l := range petrarchLines(data) {
		if strings.Contains(l.text, "!") && strings.Contains(l.text, "=") {
			name, items, _ := strings.Cut(l.text, "=")
			name = strings.Trim(strings.TrimSpace(name), "!")
			for _, it := range strings.Split(items, ",") {
				markers[name] = append(markers[name], strings.TrimSpace(it))
			}
			continue
		}
		head, rest, ok := strings.Cut(l.text, "[")
		code, _, ok2 := strings.Cut(rest, "]")
		code = strings.TrimSpace(code)
		if !ok || !ok2 || code == "" {
			bad(l.n, "no code")
			continue
		}
		code = strings.Trim(code, "~")
		if !reCode.MatchString(code) {
			bad(l.n, "malformed code %q", code)
			continue
		}
		add := func(p string) {
			if p = strings.ToLower(phrase(p)); p != "" {
				agents = append(agents, pAgent{pattern: p, code: code})
			}
		}
		switch {
		case strings.Contains(head, "!"):
			pre, after, _ := strings.Cut(head, "!")
			name, post, ok := strings.Cut(after, "!")
			if !ok || markers[name] == nil {
				bad(l.n, "unknown substitution marker in %q", head)
				continue
			}
			for _, s := range markers[name] {
				add(pre + s + post)
			}
		case strings.Contains(head, "{"):
			sing, pl, ok := strings.Cut(head, "{")
			pl, _, ok2 := strings.Cut(pl, "}")
			if !ok || !ok2 {
				bad(l.n, "missing '}'")
				continue
			}
			add(sing)
			add(pl)
		default:
			add(head)
		}
	}
	return agents, problems
}
