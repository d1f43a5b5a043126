package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// dateRef is a date expression found in a sentence, resolved against the
// publication time.
type dateRef struct {
	Span
	date      string // ISO 8601 at its precision
	end       string // end of a range, same form
	precision string
	since     bool // "since 1988", "began in 1988": the start of something lasting
	relative  bool // resolved from a relative expression ("on Monday", "next month")
}

const monthRe = `(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`

var (
	reMonthDay  = regexp.MustCompile(`\b` + monthRe + `\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:\s*(?:-|–|to|and)\s*(\d{1,2})(?:st|nd|rd|th)?)?(?:,?\s+(\d{4}))?\b`)
	reDayMonth  = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?(?:\s*(?:-|–)\s*(\d{1,2}))?\s+` + monthRe + `\.?(?:,?\s+(\d{4}))?\b`)
	reMonthYear = regexp.MustCompile(`\b` + monthRe + `\.?,?\s+(\d{4})\b`)
	reYear      = regexp.MustCompile(`\b(?:(since|from|in|by|until|till|of|began in|started in|begun in|erupted in|as of|year)\s+)?((?:1[89]|20)\d\d)\b`)
	reMonthOnly = regexp.MustCompile(`\b(?:in|since|by|until|early|late|mid|mid-|during|last|next|this)\s+` + monthRe + `\b`)
	reISODate   = regexp.MustCompile(`\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b`)
	reRelDay    = regexp.MustCompile(`(?i)\b(yesterday|today|tomorrow|(?:(?:on|last|next|this)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?:last|next|this|earlier this|later this|past)\s+(?:week|month|year))\b`)
	// reRelDayLower is reRelDay for ASCII text in lower case: the same
	// matches at the same offsets (no ASCII letter folds to another byte
	// length), at about 1.6 times the speed
	reRelDayLower = regexp.MustCompile(`\b(yesterday|today|tomorrow|(?:(?:on|last|next|this)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:last|next|this|earlier this|later this|past)\s+(?:week|month|year))\b`)
)

var monthNames = map[string]time.Month{
	"jan": time.January, "feb": time.February, "mar": time.March, "apr": time.April,
	"may": time.May, "jun": time.June, "jul": time.July, "aug": time.August,
	"sep": time.September, "oct": time.October, "nov": time.November, "dec": time.December,
}

func monthOf(s string) time.Month {
	// the month names are ASCII: three ASCII bytes lower-case alone,
	// with no copy (ToLower of a longer or non-ASCII word may move bytes)
	if len(s) >= 3 && s[0] < utf8.RuneSelf && s[1] < utf8.RuneSelf && s[2] < utf8.RuneSelf {
		var b [3]byte
		for i := range b {
			c := s[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[i] = c
		}
		return monthNames[string(b[:])]
	}
	s = strings.ToLower(s)
	if len(s) > 3 {
		s = s[:3]
	}
	return monthNames[s]
}

func dayString(t time.Time) string   { return t.Format("2006-01-02") }
func monthString(t time.Time) string { return t.Format("2006-01") }

// nearestYear picks the year for a month and day given without one: the
// one that puts the date closest to the publication time.
func nearestYear(m time.Month, d int, ref time.Time) time.Time {
	best := time.Date(ref.Year(), m, d, 0, 0, 0, 0, time.UTC)
	refDay := time.Date(ref.Year(), ref.Month(), ref.Day(), 0, 0, 0, 0, time.UTC)
	for _, y := range []int{ref.Year() - 1, ref.Year() + 1} {
		c := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		if absDur(c.Sub(refDay)) < absDur(best.Sub(refDay)) {
			best = c
		}
	}
	return best
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// findDates returns the date expressions of s (which starts at byte offset
// base), resolved against ref. future says whether the sentence speaks of
// what is to come, which decides "on Monday" and the like.
func findDates(s string, base int, ref time.Time, haveRef, future bool) []dateRef {
	var out []dateRef
	taken := make([]bool, len(s)+1)
	var wins [][2]int
	mark := func(a, b int) {
		for i := a; i < b; i++ {
			taken[i] = true
		}
	}
	free := func(a, b int) bool {
		for i := a; i < b; i++ {
			if taken[i] {
				return false
			}
		}
		return true
	}
	if !strings.ContainsAny(s, "0123456789") {
		goto relativeDates // every absolute form has a digit
	}
	if !hasMonthName(s) && !hasYearDigits(s) {
		goto relativeDates // no month name and no four-digit year
	}
	wins = dateWindows(s)
	for _, m := range windowed(reISODate, s, wins) {
		y, _ := strconv.Atoi(s[m[2]:m[3]])
		mo, _ := strconv.Atoi(s[m[4]:m[5]])
		d, _ := strconv.Atoi(s[m[6]:m[7]])
		t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
		if mo < 1 || mo > 12 || d < 1 || d > 31 || t.Day() != d {
			continue
		}
		out = append(out, dateRef{Span: Span{base + m[0], base + m[1]}, date: dayString(t), precision: PrecisionDay})
		mark(m[0], m[1])
	}
	// "Nov. 20-21, 2017" and "20-21 November 2017": the groups of month,
	// day, end day and year sit at other places in the two expressions
	for _, form := range []struct {
		re                   *regexp.Regexp
		month, day, day2, yr int // submatch numbers
	}{{reMonthDay, 1, 2, 3, 4}, {reDayMonth, 3, 1, 2, 4}} {
		for _, m := range windowed(form.re, s, wins) {
			if !free(m[0], m[1]) {
				continue
			}
			group := func(g int) string {
				if m[2*g] < 0 {
					return ""
				}
				return s[m[2*g]:m[2*g+1]]
			}
			if r, ok := dayDate(group(form.month), group(form.day), group(form.day2), group(form.yr), ref, haveRef); ok {
				r.Span = Span{base + m[0], base + m[1]}
				out = append(out, r)
				mark(m[0], m[1])
			}
		}
	}
	for _, m := range windowed(reMonthYear, s, wins) {
		if !free(m[0], m[1]) {
			continue
		}
		mo := monthOf(s[m[2]:m[3]])
		y, _ := strconv.Atoi(s[m[4]:m[5]])
		t := time.Date(y, mo, 1, 0, 0, 0, 0, time.UTC)
		out = append(out, dateRef{Span: Span{base + m[0], base + m[1]}, date: monthString(t), precision: PrecisionMonth})
		mark(m[0], m[1])
	}
	for _, m := range windowed(reYear, s, wins) {
		if !free(m[4], m[5]) {
			continue
		}
		// A year is a year only if it is not a count ("1,500 troops" is
		// tokenised apart) and not part of a longer number.
		if m[5] < len(s) && (s[m[5]] == ',' && m[5]+1 < len(s) && isDigitByte(s[m[5]+1])) {
			continue
		}
		if m[4] > 0 && (s[m[4]-1] == ',' || s[m[4]-1] == '.' || s[m[4]-1] == '$') {
			continue
		}
		y := s[m[4]:m[5]]
		prep := ""
		if m[2] >= 0 {
			prep = strings.ToLower(s[m[2]:m[3]])
		}
		if prep == "" && !yearContext(s, m[4], m[5]) {
			continue
		}
		start := m[4]
		if prep != "" {
			start = m[2]
		}
		r := dateRef{Span: Span{base + start, base + m[5]}, date: y, precision: PrecisionYear}
		switch prep {
		case "since", "from", "began in", "started in", "begun in", "erupted in":
			r.since = true
		}
		out = append(out, r)
		mark(m[4], m[5])
	}
relativeDates:
	// "in November": a month of the year nearest the publication, looking
	// back unless the sentence looks ahead
	if haveRef && hasMonthName(s) {
		for _, m := range reMonthOnly.FindAllStringSubmatchIndex(s, -1) {
			if !free(m[2], m[3]) || (m[3] < len(s) && (s[m[3]] == '.' && m[3]+2 < len(s) && isDigitByte(s[m[3]+2]))) {
				continue
			}
			if rest := strings.TrimLeft(s[m[3]:], ". "); rest != "" && isDigitByte(rest[0]) {
				continue // "in November 20..." is a day, read above
			}
			mo := monthOf(s[m[2]:m[3]])
			y := ref.Year()
			switch {
			case future && mo < ref.Month():
				y++
			case !future && mo > ref.Month():
				y--
			}
			out = append(out, dateRef{Span: Span{base + m[0], base + m[1]}, date: monthString(time.Date(y, mo, 1, 0, 0, 0, 0, time.UTC)), precision: PrecisionMonth})
			mark(m[0], m[1])
		}
	}
	if haveRef && mayBeRelative(s) {
		re, in := reRelDay, s
		if isASCII(s) {
			re, in = reRelDayLower, strings.ToLower(s)
		}
		for _, m := range re.FindAllStringSubmatchIndex(in, -1) {
			if !free(m[0], m[1]) {
				continue
			}
			if r, ok := relative(strings.ToLower(s[m[2]:m[3]]), ref, future); ok {
				r.Span = Span{base + m[0], base + m[1]}
				r.relative = true
				out = append(out, r)
				mark(m[0], m[1])
			}
		}
	}
	// "This year", "this month" at sentence start are caught above; order by position.
	sortDates(out)
	return joinRanges(out, s, base)
}

// rangeJoiners join two days into one range: "May 5 – May 9", "from
// June 30 to July 2", "between May 5 and May 9".
var rangeJoiners = map[string]bool{"-": true, "–": true, "—": true, "to": true, "through": true, "until": true, "till": true, "thru": true}

// joinRanges makes one range of two day dates joined by a dash, "to" or
// "through" ("from June 3 – June 6, 2021", "June 30 to July 2"), or by
// "and" after "between". A first day without a year of its own takes the
// end's year (the one before when its month comes later). ds is ordered
// by position; s is the sentence the spans point into, starting at base.
func joinRanges(ds []dateRef, s string, base int) []dateRef {
	out := ds[:0]
	for i := 0; i < len(ds); i++ {
		a := ds[i]
		if i+1 < len(ds) && a.precision == PrecisionDay && a.end == "" && ds[i+1].precision == PrecisionDay {
			b := ds[i+1]
			gap := strings.TrimSpace(s[a.End-base : b.Start-base])
			joined := rangeJoiners[strings.ToLower(gap)]
			if !joined && strings.EqualFold(gap, "and") {
				before := strings.ToLower(strings.TrimSpace(s[:a.Start-base]))
				joined = strings.HasSuffix(before, "between")
			}
			if joined {
				end := firstOf(b.end, b.date)
				if !hasYearDigits(s[a.Start-base:a.End-base]) && len(a.date) == 10 && a.date[:4] != end[:4] {
					y, _ := strconv.Atoi(end[:4])
					if a.date[5:] > end[5:] {
						y--
					}
					a.date = strconv.Itoa(y) + a.date[4:]
				}
				if a.date < end {
					a.end = end
					a.Span.End = b.Span.End
					out = append(out, a)
					i++
					continue
				}
			}
		}
		out = append(out, a)
	}
	return out
}

// yearContext reports whether a bare four-digit number reads as a year:
// "The 1994 ceasefire", "1992's war", "(1992)".
func yearContext(s string, a, b int) bool {
	lo, hi := a-12, b+4
	if lo < 0 {
		lo = 0
	}
	if hi > len(s) {
		hi = len(s)
	}
	before := strings.ToLower(strings.TrimSpace(s[lo:a]))
	after := strings.TrimSpace(s[b:hi])
	if strings.HasSuffix(before, "the") || strings.HasSuffix(before, "(") || strings.HasSuffix(before, "in early") ||
		strings.HasSuffix(before, "in late") || strings.HasSuffix(before, "in mid") || strings.HasSuffix(before, "mid-") {
		// "the 1994 ceasefire" but not "the 1994 troops" (numbers before plural nouns are rare as years)
		return true
	}
	if strings.HasPrefix(after, "'s") || strings.HasPrefix(after, "’s") || strings.HasPrefix(after, ")") {
		return true
	}
	return false
}

func sortDates(ds []dateRef) {
	for i := 1; i < len(ds); i++ {
		for j := i; j > 0 && ds[j].Start < ds[j-1].Start; j-- {
			ds[j], ds[j-1] = ds[j-1], ds[j]
		}
	}
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

// aheadWords mark a sentence that speaks of what is to come
// (gazetteer/words/ahead-words.txt).
var aheadWords = wordLines("ahead-words")

// looksAhead reports whether a sentence speaks of what is to come, so
// that its "Thursday" is the coming one.
func looksAhead(sentence string) bool {
	s := " " + strings.ToLower(sentence) + " "
	for _, w := range aheadWords {
		if strings.Contains(s, " "+w+" ") {
			return true
		}
	}
	return false
}

// relative resolves "yesterday", "on Monday", "last week", "next month", "this year".
func relative(expr string, ref time.Time, future bool) (dateRef, bool) {
	day := time.Date(ref.Year(), ref.Month(), ref.Day(), 0, 0, 0, 0, time.UTC)
	f := strings.Fields(expr)
	switch {
	case expr == "yesterday":
		return dateRef{date: dayString(day.AddDate(0, 0, -1)), precision: PrecisionDay}, true
	case expr == "today":
		return dateRef{date: dayString(day), precision: PrecisionDay}, true
	case expr == "tomorrow":
		return dateRef{date: dayString(day.AddDate(0, 0, 1)), precision: PrecisionDay}, true
	}
	unit := f[len(f)-1]
	if wd, ok := weekdays[unit]; ok {
		diff := int(wd - day.Weekday())
		switch f[0] {
		case "next":
			if diff <= 0 {
				diff += 7
			}
		case "last":
			if diff >= 0 {
				diff -= 7
			}
		default: // "on Monday", "this Monday": the coming one when the sentence looks ahead
			if future {
				if diff < 0 {
					diff += 7
				}
			} else if diff > 0 {
				diff -= 7
			}
		}
		return dateRef{date: dayString(day.AddDate(0, 0, diff)), precision: PrecisionDay}, true
	}
	step := 0
	switch f[0] {
	case "last", "past":
		step = -1
	case "next":
		step = 1
	}
	switch unit {
	case "week":
		// A week is given as the range of its days, Monday to Sunday.
		monday := day.AddDate(0, 0, -((int(day.Weekday())+6)%7)).AddDate(0, 0, 7*step)
		return dateRef{date: dayString(monday), end: dayString(monday.AddDate(0, 0, 6)), precision: PrecisionDay}, true
	case "month":
		m := time.Date(day.Year(), day.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, step, 0)
		return dateRef{date: monthString(m), precision: PrecisionMonth}, true
	case "year":
		return dateRef{date: strconv.Itoa(day.Year() + step), precision: PrecisionYear}, true
	}
	return dateRef{}, false
}

// mayBeRelative is a cheap test before the relative-date expression.
func mayBeRelative(s string) bool {
	for _, w := range []string{"day", "week", "month", "year", "Day", "Week", "Month", "Year", "DAY", "WEEK", "MONTH", "YEAR", "tomorrow", "Tomorrow"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// hasMonthName is a cheap test for a capitalised month name or abbreviation.
func hasMonthName(s string) bool {
	for _, m := range []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"} {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}

// hasYearDigits is a cheap test for a run of exactly four digits.
func hasYearDigits(s string) bool {
	run := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && isDigitByte(s[i]) {
			run++
			continue
		}
		if run == 4 {
			return true
		}
		run = 0
	}
	return false
}

// dateWindows returns the stretches of s around month names and digits,
// where a date expression can be: the date expressions run there only.
func dateWindows(s string) [][2]int {
	var wins [][2]int
	add := func(a, b int) {
		a, b = max(0, a-24), min(len(s), b+24)
		if n := len(wins); n > 0 && a <= wins[n-1][1] {
			wins[n-1][1] = max(wins[n-1][1], b)
			return
		}
		wins = append(wins, [2]int{a, b})
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case isDigitByte(c):
			j := i
			for j < len(s) && isDigitByte(s[j]) {
				j++
			}
			add(i, j)
			i = j
		case c >= 'A' && c <= 'Z' && (i == 0 || !isLetterByte(s[i-1])):
			j := i
			for j < len(s) && isLetterByte(s[j]) {
				j++
			}
			if monthOf(s[i:j]) != 0 && j-i >= 3 {
				add(i, j)
			}
			i = j
		default:
			i++
		}
	}
	return wins
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// windowed runs a date expression over the windows of s and returns the
// submatch indexes as offsets into s. A match must not touch a window's
// cut edge, where the text around it was not seen.
func windowed(re *regexp.Regexp, s string, wins [][2]int) [][]int {
	var out [][]int
	for _, w := range wins {
		for _, m := range re.FindAllStringSubmatchIndex(s[w[0]:w[1]], -1) {
			if (w[0] > 0 && m[0] == 0) || (w[1] < len(s) && m[1] == w[1]-w[0]) {
				continue
			}
			for k := range m {
				if m[k] >= 0 {
					m[k] += w[0]
				}
			}
			out = append(out, m)
		}
	}
	return out
}

// dayDate resolves a month, a day, an optional end day and an optional
// year; without a year, the one nearest the publication time.
func dayDate(month, day, day2, year string, ref time.Time, haveRef bool) (dateRef, bool) {
	mo := monthOf(month)
	d, _ := strconv.Atoi(day)
	if d < 1 || d > 31 {
		return dateRef{}, false
	}
	var t time.Time
	switch {
	case year != "":
		y, _ := strconv.Atoi(year)
		t = time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
	case haveRef:
		t = nearestYear(mo, d, ref)
	default:
		return dateRef{}, false
	}
	if t.Day() != d {
		return dateRef{}, false // February 30
	}
	r := dateRef{date: dayString(t), precision: PrecisionDay}
	if d2, _ := strconv.Atoi(day2); d2 > d && d2 <= 31 {
		// An end day the month lacks ("February 29-30") makes no range,
		// rather than one ending in the next month.
		if end := time.Date(t.Year(), mo, d2, 0, 0, 0, 0, time.UTC); end.Day() == d2 {
			r.end = dayString(end)
		}
	}
	return r, true
}
