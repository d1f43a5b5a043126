package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strings"
	"time"
)

// line is one line of the input with its byte offsets (without the newline).
type line struct {
	start, end int
	text       string // trimmed of surrounding white space
	tstart     int    // offset of text within the input
}

func splitLines(s string) []line {
	var out []line
	start := 0
	for start <= len(s) {
		i := strings.IndexByte(s[start:], '\n')
		end := len(s)
		if i >= 0 {
			end = start + i
		}
		raw := s[start:end]
		lead := len(raw) - len(strings.TrimLeft(raw, " \t\r\u00a0"))
		t := strings.TrimSpace(raw)
		out = append(out, line{start: start, end: end, text: t, tstart: start + lead})
		if i < 0 {
			break
		}
		start = end + 1
	}
	return out
}

var (
	// "Politics Materials 16 November 2017 11:54 (UTC +04:00)"
	reSectionDate = regexp.MustCompile(`^(?:([A-Z][A-Za-z&,' ]{1,40}?)\s+(?:Materials\s+)?)?(\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4})(?:\s*,?\s*(\d{1,2}:\d{2}))?(?:\s*\((?:UTC|GMT)\s*([+-]\d{1,2}(?::?\d{2})?)\))?$`)
	// "Baku, Azerbaijan, Nov. 16" or "Baku, Nov. 16"
	reDatelineLine = regexp.MustCompile(`^([A-Z][\p{L}.' -]{1,30}?)(?:,\s*([A-Z][\p{L}.' -]{1,30}?))?,\s*((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})\s*$`)
	// "By Leman Zeynalova - Trend:" or "By John Smith, Reuters"
	reByline = regexp.MustCompile(`^[Bb]y\s+(\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){0,3})(?:\s*[-–—,]\s*(.+?))?\s*:?\s*$`)
	// A date alone on a line: "FEBRUARY 3, 2022", "February 3, 2022"
	reDateOnly = regexp.MustCompile(`^(?i)(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2}),\s+(\d{4})$`)
	// Wire dateline at the start of a paragraph: "LONDON, March 2 - " or "BEIJING, Nov. 3 (Xinhua) -- "
	reInlineDateline = regexp.MustCompile(`^((?:\p{Lu}[\p{Lu}.'-]+)(?:\s+\p{Lu}[\p{Lu}.'-]+){0,3})(?:,\s*(\p{Lu}[\p{L}.]+(?:\s+\p{Lu}[\p{L}.]+)?))?,\s*((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})(?:\s*\(([^)]{1,30})\))?\s*(?:-{1,2}|–|—)\s+`)
)

// isNoise reports whether a line is a scraper leftover that carries no
// content: ellipses, tag headers, navigation words.
func isNoise(t string) bool {
	if t == "" {
		return true
	}
	if strings.Trim(t, ".…-–—_*=#|• ") == "" {
		return true
	}
	t = strings.TrimRight(t, ":")
	if len(t) > 3*len("advertisement") {
		return false // lower case is at most three times shorter: none of the words below
	}
	switch strings.ToLower(t) {
	case "tags", "latest", "related", "read more", "advertisement", "share", "print",
		"follow us", "most read", "more", "top news", "comments", "loading":
		return true
	}
	return false
}

// header is what the first lines of a scraped article tell.
type header struct {
	title, section, author, agency, dateline string
	published                                string // RFC 3339 or YYYY-MM-DD
	body                                     Span
	paragraphs                               []Span // body paragraphs, repeated ledes removed
}

// parseArticle finds the metadata and the body paragraphs of a text. It
// works on scraped files that carry a header (title, section and time,
// dateline, by-line) and on plain bodies alike.
func parseArticle(text string, in Input) header {
	var h header
	lines := splitLines(text)
	// Drop noise lines at the end (Tags:, Latest, ...), and everything from
	// a "Tags:" line on.
	last := len(lines)
	for i, l := range lines {
		if strings.EqualFold(l.text, "tags:") || strings.EqualFold(l.text, "tags") {
			last = i
			break
		}
	}
	for last > 0 && isNoise(lines[last-1].text) {
		last--
	}
	lines = lines[:last]

	seen := map[string]int{} // text -> count of later occurrences
	for _, l := range lines {
		if l.text != "" {
			seen[l.text]++
		}
	}

	bodyStart := -1
	headerDone := false
	var paras []Span
	headerLines := 0
	for i, l := range lines {
		t := l.text
		if isNoise(t) {
			continue
		}
		if !headerDone {
			headerLines++
			if headerLines > 8 {
				headerDone = true
			}
		}
		if !headerDone {
			if m := reSectionDate.FindStringSubmatch(t); m != nil && h.published == "" {
				h.section = strings.TrimSpace(m[1])
				h.published = headerTime(m[2], m[3], m[4])
				continue
			}
			if m := reDateOnly.FindStringSubmatch(t); m != nil && h.published == "" {
				h.published = headerTime(m[2]+" "+titleCase(m[1])+" "+m[3], "", "")
				continue
			}
			if m := reByline.FindStringSubmatch(t); m != nil && h.author == "" {
				h.author = m[1]
				h.agency = strings.TrimSpace(m[2])
				headerDone = true
				bodyStart = -1
				continue
			}
			if m := reDatelineLine.FindStringSubmatch(t); m != nil && h.dateline == "" {
				h.dateline = strings.TrimSpace(m[1])
				if m[2] != "" {
					h.dateline += ", " + strings.TrimSpace(m[2])
				}
				continue
			}
			if in.Title != "" && t == strings.TrimSpace(in.Title) && h.title == "" {
				h.title = t
				continue
			}
			if h.title == "" && in.Title == "" && len(t) < 200 && !strings.HasSuffix(t, ".") && i < 6 && hasMoreText(lines[i+1:]) {
				h.title = t
				continue
			}
			// A line printed again later is the lede or the title repeated
			// by the scraper: the later copy is kept.
			if seen[t] > 1 {
				seen[t]--
				continue
			}
		} else if seen[t] > 1 && t == h.title {
			seen[t]--
			continue
		}
		if bodyStart < 0 {
			bodyStart = l.tstart
		}
		paras = append(paras, Span{l.tstart, l.tstart + len(t)})
	}
	h.paragraphs = paras
	if len(paras) > 0 {
		h.body = Span{paras[0].Start, paras[len(paras)-1].End}
	}
	// A wire dateline opening the first paragraph.
	if len(paras) > 0 && h.dateline == "" {
		p := text[paras[0].Start:paras[0].End]
		if m := reInlineDateline.FindStringSubmatchIndex(p); m != nil {
			h.dateline = titleCase(p[m[2]:m[3]])
			if m[4] >= 0 {
				h.dateline += ", " + p[m[4]:m[5]]
			}
			if m[8] >= 0 && h.agency == "" {
				h.agency = p[m[8]:m[9]]
			}
			paras[0].Start += m[1]
			h.body.Start = paras[0].Start
		}
	}
	return h
}

func hasMoreText(ls []line) bool {
	for _, l := range ls {
		if !isNoise(l.text) && len(l.text) > 60 {
			return true
		}
	}
	return false
}

func titleCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		if w != "" {
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}

// headerTime turns "16 November 2017", "11:54", "+04:00" into RFC 3339, or
// a bare date when no time is given.
func headerTime(date, clock, zone string) string {
	d, err := time.Parse("2 January 2006", strings.Join(strings.Fields(strings.ReplaceAll(date, ".", "")), " "))
	if err != nil {
		d, err = time.Parse("2 Jan 2006", strings.Join(strings.Fields(strings.ReplaceAll(date, ".", "")), " "))
		if err != nil {
			return ""
		}
	}
	if clock == "" {
		return d.Format("2006-01-02")
	}
	c, err := time.Parse("15:04", clock)
	if err != nil {
		return d.Format("2006-01-02")
	}
	off := 0
	if zone != "" {
		z := strings.ReplaceAll(zone, ":", "")
		sign := 1
		if z[0] == '-' {
			sign = -1
		}
		z = z[1:]
		h, m := 0, 0
		switch len(z) {
		case 1, 2:
			h = atoi(z)
		case 3:
			h, m = atoi(z[:1]), atoi(z[1:])
		case 4:
			h, m = atoi(z[:2]), atoi(z[2:])
		}
		off = sign * (h*3600 + m*60)
	}
	t := time.Date(d.Year(), d.Month(), d.Day(), c.Hour(), c.Minute(), 0, 0, time.FixedZone("", off))
	return t.Format(time.RFC3339)
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return n
		}
		n = n*10 + int(r-'0')
	}
	return n
}

// ValidPublished reports whether s is a publication time Extract reads
// (Input.Published): RFC 3339, YYYY-MM-DD or YYYYMMDD, a real calendar
// date. Extract ignores any other.
func ValidPublished(s string) bool {
	_, _, ok := parsePublished(s)
	return ok
}

// parsePublished reads a publication time given as RFC 3339, YYYY-MM-DD or
// YYYYMMDD. It returns the time and whether the clock time is known.
func parsePublished(s string) (time.Time, bool, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true, true
		}
	}
	for _, layout := range []string{"2006-01-02", "20060102"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, false, true
		}
	}
	return time.Time{}, false, false
}

// articleID returns the input's id, or one derived from the text.
// ArticleID returns the id Extract gives the article of in: in.ID, or
// one derived from the text.
func ArticleID(in Input) string { return articleID(in) }

func articleID(in Input) string {
	if in.ID != "" {
		return in.ID
	}
	sum := sha256.Sum256([]byte(in.Text))
	return "article:" + hex.EncodeToString(sum[:8])
}
