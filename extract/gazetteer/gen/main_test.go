package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const dir = ".." // the gazetteer directory, seen from this package

func generate(t *testing.T) []byte {
	t.Helper()
	out, err := Generate(dir)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestCountriesFileIsUpToDate(t *testing.T) {
	want := generate(t)
	got, err := os.ReadFile(filepath.Join(dir, countriesFile))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("countries.tsv is stale: run go run ./extract/gazetteer/gen")
	}
}

func TestGenerateIsDeterministic(t *testing.T) {
	a, b := generate(t), generate(t)
	if !bytes.Equal(a, b) {
		t.Fatal("two runs differ")
	}
}

func TestAllFilesValidate(t *testing.T) {
	warnings, err := Validate(dir, generate(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range warnings {
		t.Log("warning:", w)
	}
}

// countryRows parses the generated file into iso3 -> fields.
func countryRows(t *testing.T) map[string][]string {
	t.Helper()
	_, rows, err := parseTSV(countriesFile, generate(t), len(countryCols))
	if err != nil {
		t.Fatal(err)
	}
	m := map[string][]string{}
	for _, r := range rows {
		m[r.f[0]] = r.f
	}
	return m
}

func TestCountryFacts(t *testing.T) {
	rows := countryRows(t)
	if len(rows) < 254 {
		t.Fatalf("%d rows, want all 249 ISO 3166-1 entries plus Kosovo and 4 historical states", len(rows))
	}
	has := func(iso3 string, col int, want ...string) {
		t.Helper()
		r, ok := rows[iso3]
		if !ok {
			t.Errorf("%s missing", iso3)
			return
		}
		items := split(r[col])
		for _, w := range want {
			if r[col] != w && !slices.Contains(items, w) {
				t.Errorf("%s %s = %q, want %q in it", iso3, countryCols[col], r[col], w)
			}
		}
	}
	const name, aliases, demonyms, capital, capAliases = 2, 3, 4, 5, 6
	has("RUS", name, "Russia")
	has("RUS", aliases, "Russian Federation")
	has("RUS", demonyms, "Russian", "Russians")
	has("AZE", aliases, "Republic of Azerbaijan")
	has("AZE", demonyms, "Azerbaijani", "Azeri")
	has("AZE", capital, "Baku")
	has("USA", aliases, "U.S.", "US", "USA", "America", "the United States")
	has("USA", capital, "Washington")
	has("USA", capAliases, "Washington, D.C.")
	has("GBR", aliases, "UK", "U.K.", "Britain", "Great Britain")
	has("GBR", demonyms, "British", "Briton")
	has("KOR", name, "South Korea")
	has("KOR", aliases, "ROK", "Republic of Korea")
	has("PRK", aliases, "DPRK")
	has("CIV", aliases, "Côte d'Ivoire", "Cote d'Ivoire")
	has("MMR", aliases, "Burma")
	has("NLD", aliases, "Holland", "the Netherlands")
	has("COD", aliases, "Zaire")
	has("DEU", aliases, "West Germany")
	has("UKR", capital, "Kyiv")
	has("UKR", capAliases, "Kiev")
	has("CHN", capAliases, "Peking")
	has("ISR", capital, "Jerusalem")
	has("SWZ", name, "Eswatini")
	has("MKD", name, "North Macedonia")
	has("XKX", name, "Kosovo")
	has("PSE", demonyms, "Palestinian")
	has("SUN", name, "Soviet Union")
	has("SUN", aliases, "USSR")
	has("DDR", name, "East Germany")
	has("CSK", name, "Czechoslovakia")
	has("YUG", name, "Yugoslavia")
	for iso3, r := range rows {
		for _, a := range split(r[aliases]) {
			if !usableAlias(a) {
				t.Errorf("%s: alias %q should have been dropped", iso3, a)
			}
		}
	}
}

func TestUsableAlias(t *testing.T) {
	for s, want := range map[string]bool{
		"TR": false, "AZ": false, "RU": false, "US": true, "U.S.": true, "UK": true,
		"DPRK": true, "USSR": true, "Republic of China (Taiwan)": false, "Russian Federation": true,
		"IS": false,
	} {
		if got := usableAlias(s); got != want {
			t.Errorf("usableAlias(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestParseRejectsBadLayout(t *testing.T) {
	for name, data := range map[string]string{
		"trailing space": "a\tb \n",
		"field count":    "a\tb\tc\n",
		"padded item":    "a\tb| c\n",
		"empty item":     "a\tb||c\n",
		"repeated item":  "a\tb|b\n",
		"no final NL":    "a\tb",
		"blank line":     "a\tb\n\n",
	} {
		if _, _, err := parseTSV(name, []byte(data), 2); err == nil {
			t.Errorf("%s: accepted %q", name, data)
		}
	}
	if _, rows, err := parseTSV("ok", []byte("# c\ta\na\t\n"), 2); err != nil || len(rows) != 1 {
		t.Errorf("empty last field: %v %v", rows, err)
	}
}

func TestSortLines(t *testing.T) {
	lines := []string{"b\t1", "a\t2", "ab\t0", "a\t1"}
	sortLines(lines)
	if got := strings.Join(lines, ","); got != "a\t1,a\t2,ab\t0,b\t1" {
		t.Errorf("got %q", got)
	}
}
