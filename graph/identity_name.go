package graph

import (
	"strings"
	"unicode"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/extract/fold"
)

// NameMatch says how far two personal names agree.
type NameMatch int

// The strengths of a name match, weakest first.
const (
	// NamesDiffer: other surnames, or given names that cannot be the same.
	NamesDiffer NameMatch = iota
	// SurnameOnly: the surnames agree and one name has no given name
	// ("Lavrov", "Sergey Lavrov").
	SurnameOnly
	// InitialOnly: the surnames agree and one given name is the initial
	// of the other ("S. Lavrov", "Sergey Lavrov").
	InitialOnly
	// SameName: surname and given name agree up to spelling and
	// transliteration ("Sergei Lavrov", "Sergey Lavrov";
	// "Elmar Mamedyarov", "Elmar Mammadyarov").
	SameName
)

// String returns the name of m.
func (m NameMatch) String() string {
	switch m {
	case SurnameOnly:
		return "surname-only"
	case InitialOnly:
		return "initial-only"
	case SameName:
		return "same-name"
	}
	return "differ"
}

// MatchNames compares two personal names written in Latin letters.
//
// Both are folded first: lower case, accents dropped (ə, ı, ş, ç, ğ
// included), and the common transliteration variants of Russian,
// Azerbaijani, Turkish and Arabic names made equal: dzh/dj -> j, kh -> h,
// sh -> s, ch -> c, ou -> u, w -> v, x -> ks, ph -> f, ck -> k, a word-initial
// ye -> e, a final -ej -> -ey, y -> i, a final -off -> -ov, and doubled letters single
// (Mammadyarov -> mamadiarov). Particles (al-, bin, de, van, ...) join the
// word after them. The surname is the last word and the given name the
// first; middle names and patronymics are ignored.
//
// Surnames agree when their folded forms are equal, or, from five letters
// on, differ in one vowel only (mamadiarov, mamediarov: Azerbaijani ə is
// written a or e). Inserting a letter never agrees, so a female form
// (Aliyeva, Lavrova) is another surname. Given names agree when equal, or
// when they differ by one vowel (from four letters on: Elena, Elina) or
// by one vowel more or less (from six letters on: Aleksandr, Alexander).
func MatchNames(a, b string) NameMatch {
	ga, sa := splitName(a)
	gb, sb := splitName(b)
	if sa == "" || sb == "" || !sameSurname(sa, sb) {
		return NamesDiffer
	}
	switch {
	case ga.folded == "" || gb.folded == "":
		return SurnameOnly
	case sameGiven(ga.folded, gb.folded):
		return SameName
	case isInitialOf(ga, gb) || isInitialOf(gb, ga):
		return InitialOnly
	}
	return NamesDiffer
}

// NameKey is the key under which a store files a person to find the
// spelling variants of his name: the consonants of the folded surname,
// doubled ones once (Mammadyarov, Mamedyarov: "mdrv"). Names MatchNames
// finds alike have the same key; names with the same key need not match.
// An empty name gives "".
func NameKey(name string) string {
	_, s := splitName(name)
	if s == "" {
		return ""
	}
	var b strings.Builder
	var last rune
	for _, r := range s {
		if isVowel(r) || r == last {
			continue
		}
		b.WriteRune(r)
		last = r
	}
	if b.Len() == 0 {
		return s
	}
	return b.String()
}

// SamePerson reports whether two person entities with different ids are
// one real person, so that a store may file the second under the first's
// id. It wants both to be persons of the same, known country, with titles
// that agree (TitlesAgree) and names that agree (MatchNames over the
// names and aliases of both): SameName suffices; InitialOnly and
// SurnameOnly need both titles present.
func SamePerson(a, b Entity) bool {
	if a.Type != extract.TypePerson || b.Type != extract.TypePerson {
		return false
	}
	if a.Country == "" || a.Country != b.Country || !TitlesAgree(a.Title, b.Title) {
		return false
	}
	switch bestNameMatch(a, b) {
	case SameName:
		return true
	case InitialOnly, SurnameOnly:
		return a.Title != "" && b.Title != ""
	}
	return false
}

// bestNameMatch is the strongest MatchNames over the names and aliases of
// a and b. When both names have a given name and these differ, aliases
// cannot make up for it: a surname alias ("Lavrov") does not make Ivan
// Lavrov Sergey Lavrov.
func bestNameMatch(a, b Entity) NameMatch {
	ga, _ := splitName(a.Name)
	gb, _ := splitName(b.Name)
	if ga.folded != "" && gb.folded != "" && MatchNames(a.Name, b.Name) == NamesDiffer {
		return NamesDiffer
	}
	best := NamesDiffer
	for _, x := range append([]string{a.Name}, a.Aliases...) {
		for _, y := range append([]string{b.Name}, b.Aliases...) {
			if m := MatchNames(x, y); m > best {
				best = m
			}
		}
	}
	return best
}

// SameIDAgrees reports whether an incoming entity may be filed under the
// stored entity that already has its id: a person whose known country
// differs from the stored one's is someone else with the same name. Other
// types always agree (a type clash is the store's conflict, not a new
// entity).
func SameIDAgrees(stored, in Entity) bool {
	if stored.Type != extract.TypePerson || in.Type != extract.TypePerson {
		return true
	}
	return stored.Country == "" || in.Country == "" || stored.Country == in.Country
}

// QualifiedPersonID is the id of a person whose extractor id is already
// taken by someone of another country: the id with the country's code
// appended after a dot, which no extractor slug contains
// (person:ali-aliyev.rus).
func QualifiedPersonID(e Entity) string {
	return e.ID + "." + strings.ToLower(e.Country)
}

// isRankWord reports whether a title word changes who holds the office:
// a deputy minister is not the minister.
func isRankWord(w string) bool {
	switch w {
	case "deputy", "vice", "assistant", "former", "acting", "first", "ex":
		return true
	}
	return false
}

// TitlesAgree reports whether two office titles may be held by one person
// in two reports: one is empty, or the words of one (without of, the, and,
// for) are among the words of the other and the words only one has are no
// rank (deputy, vice, assistant, former, acting, first). "Foreign
// Minister" agrees with "Minister of Foreign Affairs" and with "Minister",
// not with "Deputy Foreign Minister" or "President".
func TitlesAgree(a, b string) bool {
	if a == "" || b == "" {
		return true
	}
	wa, wb := titleWords(a), titleWords(b)
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	for w := range wa {
		if !wb[w] {
			return false
		}
	}
	for w := range wb {
		if !wa[w] && isRankWord(w) {
			return false
		}
	}
	return true
}

func titleWords(t string) map[string]bool {
	words := map[string]bool{}
	for _, w := range strings.FieldsFunc(fold.Name(strings.ToLower(t)), func(r rune) bool {
		return !unicode.IsLetter(r)
	}) {
		switch w {
		case "of", "the", "and", "for":
			continue
		case "spokeswoman", "spokesman":
			w = "spokesperson"
		case "chairman", "chairwoman":
			w = "chair"
		case "vice-president":
			w = "vice"
		}
		words[w] = true
	}
	return words
}

// givenName is a folded given name and the first letter it had before
// the transliteration folds, for initials ("Y." for "Yevgeny").
type givenName struct {
	folded string
	first  rune
}

// isParticle reports whether a name word joins the word after it into
// one surname word (al-Jubeir, Le Drian, van der Bellen).
func isParticle(w string) bool {
	switch w {
	case "al", "el", "bin", "ibn", "ben", "abu", "de", "da", "di", "du", "del",
		"della", "des", "dos", "das", "le", "la", "van", "von", "der", "den", "ter":
		return true
	}
	return false
}

// splitName folds a name and returns its given name and surname.
func splitName(name string) (given givenName, surname string) {
	var words []string
	for _, w := range strings.FieldsFunc(fold.Name(strings.ToLower(name)), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\''
	}) {
		w = strings.ReplaceAll(w, "'", "")
		if w != "" {
			words = append(words, w)
		}
	}
	// Join particles (not in first place) with the word after them.
	joined := words[:0:0]
	for i := 0; i < len(words); i++ {
		if i > 0 && i+1 < len(words) && isParticle(words[i]) {
			words[i+1] = words[i] + words[i+1]
			continue
		}
		joined = append(joined, words[i])
	}
	switch len(joined) {
	case 0:
		return givenName{}, ""
	case 1:
		return givenName{}, translit(joined[0])
	}
	g := joined[0]
	first, _ := firstRune(g)
	return givenName{folded: translit(g), first: first}, translit(joined[len(joined)-1])
}

func firstRune(s string) (rune, bool) {
	for _, r := range s {
		return r, true
	}
	return 0, false
}

// translitFolds are the letter groups translit makes equal. It is a
// constant table; strings.Replacer is safe for concurrent use.
var translitFolds = strings.NewReplacer(
	"dzh", "j", "dj", "j", "kh", "h", "sh", "s", "ch", "c", "ck", "k",
	"ou", "u", "ph", "f", "w", "v", "x", "ks", "y", "i",
)

// translit folds one lower-case, accent-free word (see MatchNames).
func translit(w string) string {
	if strings.HasPrefix(w, "ye") {
		w = "e" + w[2:]
	}
	if strings.HasSuffix(w, "ej") {
		w = w[:len(w)-2] + "ey" // German Sergej, Andrej
	}
	if strings.HasSuffix(w, "off") && len(w) > 4 {
		w = w[:len(w)-3] + "ov"
	}
	w = translitFolds.Replace(w)
	var b strings.Builder
	var last rune
	for _, r := range w {
		if r != last {
			b.WriteRune(r)
		}
		last = r
	}
	return b.String()
}

func sameSurname(a, b string) bool {
	return a == b || (len(a) >= 5 && oneVowelSwapped(a, b))
}

func sameGiven(a, b string) bool {
	if len(a) == 1 || len(b) == 1 {
		return false // an initial is not a name
	}
	return a == b ||
		(len(a) >= 4 && oneVowelSwapped(a, b)) ||
		(min(len(a), len(b)) >= 6 && oneVowelMore(a, b))
}

// isInitialOf reports whether a is an initial ("s") that b starts with.
func isInitialOf(a, b givenName) bool {
	if len(a.folded) != 1 || len(b.folded) < 2 {
		return false
	}
	return a.folded[0] == b.folded[0] || a.first == b.first
}

// oneVowelSwapped reports whether a and b have the same length and differ
// in exactly one place, where both have a vowel.
func oneVowelSwapped(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	diff := 0
	for i := 0; i < len(a); i++ {
		if a[i] != b[i] {
			if !isVowel(rune(a[i])) || !isVowel(rune(b[i])) {
				return false
			}
			diff++
		}
	}
	return diff == 1
}

// oneVowelMore reports whether the longer of a and b is the shorter with
// one vowel inserted, not at the end.
func oneVowelMore(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b) != len(a)+1 {
		return false
	}
	for i := 0; i < len(a); i++ {
		if a[i] != b[i] {
			return isVowel(rune(b[i])) && a[i:] == b[i+1:]
		}
	}
	return false // the extra letter is the last one
}

func isVowel(r rune) bool {
	switch r {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// PickPerson decides under which id an incoming person is filed, given
// the stored entity with its own id (nil when there is none), the stored
// persons that may be the same (same country and name key) and the ids
// of the stored persons already holding its mentions in its article
// (anchored), and whether that is another id than in.ID:
//
//   - an anchored id: the article was ingested before and the person
//     filed there, and that decision stands (its own id first, then the
//     smaller), so re-ingesting an article changes nothing;
//   - its own id, when the stored entity with that id agrees
//     (SameIDAgrees) or there is none and no candidate matches;
//   - else the best candidate for which SamePerson holds: the stronger
//     name match, then the same title, then the smaller id;
//   - else, when its own id is taken by someone of another country,
//     QualifiedPersonID.
func PickPerson(in Entity, same *Entity, cands []Entity, anchored []string) (id string, renamed bool) {
	if len(anchored) > 0 {
		best := anchored[0]
		for _, a := range anchored {
			if a == in.ID || (best != in.ID && a < best) {
				best = a
			}
		}
		return best, best != in.ID
	}
	if same != nil && SameIDAgrees(*same, in) {
		return in.ID, false
	}
	var best *Entity
	var bestMatch NameMatch
	for i := range cands {
		c := &cands[i]
		if c.ID == in.ID || !SamePerson(in, *c) {
			continue
		}
		m := bestNameMatch(in, *c)
		if best == nil || betterPerson(in, c, best, m, bestMatch) {
			best, bestMatch = c, m
		}
	}
	if best != nil {
		return best.ID, true
	}
	if same != nil {
		return QualifiedPersonID(in), true
	}
	return in.ID, false
}

// betterPerson reports whether candidate c, matching in's name as mc,
// ranks before b, matching as mb.
func betterPerson(in Entity, c, b *Entity, mc, mb NameMatch) bool {
	if mc != mb {
		return mc > mb
	}
	if tc, tb := c.Title == in.Title, b.Title == in.Title; tc != tb {
		return tc
	}
	return c.ID < b.ID
}
