package extract

import (
	"net/url"
	"strings"
	"sync"
)

// The issuing government of an article: a foreign ministry's or a
// president's press release speaks for its government, so that its "we"
// and its offices named without a country ("the Deputy Secretary") are that
// government's. A news outlet issues nothing. gazetteer/publishers.tsv
// tells them apart by the input's source id, its URL host or a header line
// of the text ("Office of the Spokesperson", "Embassy of Japan").

// publisherRow is one row of publishers.tsv: who issues, as an ISO3 code,
// or "" for a news outlet and for a header that names the country itself.
type publisherRow struct {
	iso3 string
}

// publisherTable indexes publishers.tsv by what a row is matched against.
type publisherTable struct {
	bySource map[string]publisherRow
	byHost   map[string]publisherRow
	byHeader map[string]publisherRow
	// templates are the header keys with a <country> slot, split around it
	templates [][2]string
}

var (
	publishersOnce sync.Once
	publishersTab  *publisherTable
)

// loadPublishers parses gazetteer/publishers.tsv once (key, by, iso3).
func loadPublishers() *publisherTable {
	publishersOnce.Do(func() {
		p := &publisherTable{bySource: map[string]publisherRow{}, byHost: map[string]publisherRow{}, byHeader: map[string]publisherRow{}}
		for _, r := range rows("gazetteer/publishers.tsv") {
			key, row := strings.ToLower(col(r, 0)), publisherRow{iso3: col(r, 2)}
			switch col(r, 1) {
			case "source":
				p.bySource[key] = row
			case "host":
				p.byHost[key] = row
			case "header":
				if before, after, ok := strings.Cut(key, "<country>"); ok {
					p.templates = append(p.templates, [2]string{before, after})
					continue
				}
				p.byHeader[key] = row
			}
		}
		publishersTab = p
	})
	return publishersTab
}

// headerLines is how many of the first non-empty lines may name who
// issues or who signs; a longer line is prose, not a header.
const (
	headerLines  = 3
	maxHeaderLen = 120
)

// headLines returns the first headerLines lines of text that are not
// scraper noise, trimmed: where a release names its issuer and signer.
func headLines(text string) []string {
	var out []string
	for len(out) < headerLines && text != "" {
		l, rest, _ := strings.Cut(text, "\n")
		if t := strings.TrimSpace(l); !isNoise(t) {
			out = append(out, t)
		}
		text = rest
	}
	return out
}

// issuer returns the ISO3 code of the government that issues an article,
// or "" when a news outlet or nobody known does. The source id decides
// first, then the URL host, then the first lines of the text.
func issuer(in Input, head []string, g *gazetteer) string {
	p := loadPublishers()
	if r, ok := p.bySource[strings.ToLower(strings.TrimSpace(in.Source))]; ok {
		return r.iso3
	}
	if host := urlHost(in.URL); host != "" {
		// the longest listed suffix: "www.state.gov", "kz.usembassy.gov"
		for h := host; h != ""; {
			if r, ok := p.byHost[h]; ok {
				return r.iso3
			}
			_, rest, ok := strings.Cut(h, ".")
			if !ok {
				break
			}
			h = rest
		}
	}
	for _, l := range head {
		if c := p.headerCountry(l, g); c != "" {
			return c
		}
	}
	return ""
}

// headerCountry reads one header line: a listed phrase, or a template
// whose <country> slot names a country ("Embassy of the Republic of
// Korea").
func (p *publisherTable) headerCountry(line string, g *gazetteer) string {
	if len(line) > maxHeaderLen {
		return ""
	}
	line = strings.TrimRight(line, " .:")
	k := strings.ToLower(line)
	if r, ok := p.byHeader[k]; ok {
		return r.iso3
	}
	for _, t := range p.templates {
		// the slot is cut from the line as written, so lower case must
		// keep its length (it does for the ASCII of a template's words)
		if !strings.HasPrefix(k, t[0]) || !strings.HasSuffix(k, t[1]) || len(k) <= len(t[0])+len(t[1]) || len(k) != len(line) {
			continue
		}
		slot := line[len(t[0]) : len(k)-len(t[1])]
		toks := tokenize(strings.TrimSpace(slot), 0)
		if es, n := g.lookup(toks); n == len(toks) && n > 0 {
			for _, e := range es {
				if e.kind == kindCountry {
					return e.iso3
				}
			}
		}
	}
	return ""
}

// urlHost returns the lower-case host of a URL without its port, or "".
func urlHost(s string) string {
	if s == "" {
		return ""
	}
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Hostname())
}
