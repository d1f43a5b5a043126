// Package fold holds the one way dipgraph folds a name for comparison:
// letters with diacritics, and the few letters of Azerbaijani, Turkish and
// Nordic names that English text spells with plain ones, become ASCII
// ("Côte d’Ivoire" -> "Cote d'Ivoire", "Əliyev" -> "Aliyev"). The
// extractor's gazetteer and ids, the graph's identity keys and the
// gazetteer generator all fold with Name, so a name folds alike wherever
// it is compared.
//
// It imports only the standard library; extract, graph and
// extract/gazetteer/gen import it.
package fold

import (
	"strings"
	"unicode/utf8"
)

// Name returns s with every letter of the fold table replaced by its ASCII
// spelling, keeping case ("Š" -> "S", "š" -> "s", "æ" -> "ae"), and curly
// single quotes as straight ones. Other runes, ASCII among them, are kept;
// a string with nothing to fold is returned as is.
func Name(s string) string {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		if f, ok := table[r]; ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// table maps each folded rune to its ASCII spelling.
var table = func() map[rune]string {
	m := map[rune]string{}
	for _, p := range []struct{ from, to string }{
		{"àáâãäåāăąə", "a"}, {"ÀÁÂÃÄÅĀĂĄƏ", "A"},
		{"çćčĉ", "c"}, {"ÇĆČĈ", "C"},
		{"ďđ", "d"}, {"ĎĐ", "D"},
		{"èéêëēĕėęě", "e"}, {"ÈÉÊËĒĔĖĘĚ", "E"},
		{"ğ", "g"}, {"Ğ", "G"},
		{"ìíîïīıį", "i"}, {"ÌÍÎÏĪİĮ", "I"},
		{"ł", "l"}, {"Ł", "L"},
		{"ñńň", "n"}, {"ÑŃŇ", "N"},
		{"òóôõöøōő", "o"}, {"ÒÓÔÕÖØŌŐ", "O"},
		{"ř", "r"}, {"Ř", "R"},
		{"śšşș", "s"}, {"ŚŠŞȘ", "S"},
		{"ťţț", "t"}, {"ŤŢȚ", "T"},
		{"ùúûüūůűų", "u"}, {"ÙÚÛÜŪŮŰŲ", "U"},
		{"ýÿ", "y"}, {"ÝŸ", "Y"},
		{"źżž", "z"}, {"ŹŻŽ", "Z"},
		{"æ", "ae"}, {"Æ", "AE"}, {"œ", "oe"}, {"Œ", "OE"}, {"ß", "ss"},
		{"’‘", "'"},
	} {
		for _, r := range p.from {
			m[r] = p.to
		}
	}
	return m
}()
