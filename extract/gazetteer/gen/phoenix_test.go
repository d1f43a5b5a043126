package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func generatePhoenix(t *testing.T) []genFile {
	t.Helper()
	fs, _, err := GeneratePhoenix(dir, generate(t))
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

func TestPhoenixFilesAreUpToDate(t *testing.T) {
	for _, f := range generatePhoenix(t) {
		got, err := os.ReadFile(filepath.Join(dir, f.name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, f.data) {
			t.Errorf("%s is stale: run go run ./extract/gazetteer/gen", f.name)
		}
	}
}

func TestPhoenixIsDeterministic(t *testing.T) {
	a, b := generatePhoenix(t), generatePhoenix(t)
	for i := range a {
		if a[i].name != b[i].name || !bytes.Equal(a[i].data, b[i].data) {
			t.Errorf("%s: two runs differ", a[i].name)
		}
	}
}

func TestPhoenixFilesParse(t *testing.T) {
	cols := map[string]int{phoenixPeopleFile: len(phoenixPeopleCols), phoenixOrgsFile: len(phoenixOrgCols), phoenixAgentsFile: len(phoenixAgentCols)}
	for _, f := range generatePhoenix(t) {
		_, rows, err := parseTSV(f.name, f.data, cols[f.name])
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) < 1000 {
			t.Errorf("%s: %d rows", f.name, len(rows))
		}
		checkSortedLines(rows, func(e error) { t.Error(e) })
		for _, r := range rows {
			if r.f[0] == "" {
				t.Errorf("%s:%d: empty name", f.name, r.line)
			}
		}
	}
}

func TestParseActors(t *testing.T) {
	const dict = `# comment
<!-- a comment
over lines -->
HOSNI_MUBARAK_  # CountryInfo.txt
+MUBARAK_
+HOSNY_MUBARAK
	[EGYELI 460101-811007]
	[EGYGOV 811014-20110211]
	[EGYELI]
NO_CODE_GROUP
KOFI_ANNAN_	[IGOUNO 970101-061231] [ELI]# IGOrulers.txt
BAD_DAY_ [USAGOV 9008223-911221]
BACKWARDS_ [USAGOV >100101] [USAGOV 120101-110101]
`
	got, problems := parseActors("t", dict)
	want := []pActor{
		{file: "t", line: 4, names: []string{"HOSNI MUBARAK", "MUBARAK", "HOSNY MUBARAK"}, codes: []pCode{
			{"EGYELI", "1946-01-01", "1981-10-06"}, {"EGYGOV", "1981-10-14", "2011-02-10"}, {"EGYELI", "", ""}}},
		{file: "t", line: 10, names: []string{"NO CODE GROUP"}},
		{file: "t", line: 11, names: []string{"KOFI ANNAN"}, codes: []pCode{{"IGOUNO", "1997-01-01", "2006-12-30"}, {"ELI", "", ""}}},
		{file: "t", line: 12, names: []string{"BAD DAY"}},
		{file: "t", line: 13, names: []string{"BACKWARDS"}, codes: []pCode{{"USAGOV", "2010-01-01", ""}}},
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(pActor{}, pCode{})); diff != "" {
		t.Errorf("parseActors mismatch (-want +got):\n%s", diff)
	}
	if len(problems) != 2 {
		t.Errorf("problems %q, want the bad day and the backwards span", problems)
	}
}

func TestParseAgents(t *testing.T) {
	const dict = `!PERSON! = MAN, WOMAN
CONGRESS!PERSON! [~LEG]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG] # mj 05 Jan 2006
POLICE {} [~COP]
HUMAN_RIGHTS_BODY  [NGO~]
NO_CODE
`
	got, problems := parseAgents("t", dict)
	var pats []string
	for _, a := range got {
		pats = append(pats, a.pattern+"="+a.code)
	}
	want := []string{"congressman=LEG", "congresswoman=LEG", "attorney general=GOVATG", "attorneys general=GOVATG",
		"police=COP", "human rights body=NGO"}
	if diff := cmp.Diff(want, pats); diff != "" {
		t.Errorf("parseAgents mismatch (-want +got):\n%s", diff)
	}
	if len(problems) != 1 {
		t.Errorf("problems %q, want the line with no code", problems)
	}
}

func TestDisplayNames(t *testing.T) {
	for in, want := range map[string][]string{
		"HOSNI MUBARAK":                  {"Hosni Mubarak"},
		"BAN KI-MOON":                    {"Ban Ki-Moon"},
		"BRENDAN O'CONNOR":               {"Brendan O'Connor"},
		"JABER AL-AHMAD AL SABAH":        {"Jaber al-Ahmad al Sabah"},
		"GEORGE W. BUSH":                 {"George W. Bush"},
		"ADEN ABYAN ISLAMIC ARMY (AAIA)": {"Aden Abyan Islamic Army", "AAIA"},
		"THE UNITED NATIONS":             {"United Nations"},
		"IAEA":                           {"IAEA"},
		"STANKO TODOROV (ACTING":         nil,
		"SHEIKH `ISA IBN SULMAN":         nil,
	} {
		if diff := cmp.Diff(want, displayNames(in)); diff != "" {
			t.Errorf("displayNames(%q) mismatch (-want +got):\n%s", in, diff)
		}
	}
}
