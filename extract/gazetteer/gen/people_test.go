package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPeopleFacts(t *testing.T) {
	_, rows, err := readTSV(filepath.Join(dir, peopleFile), len(peopleCols))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 1000 {
		t.Errorf("%d rows, want several hundred people with their terms", len(rows))
	}
	has := func(name, iso3, office, from, to string) {
		t.Helper()
		for _, r := range rows {
			if r.f[0] == name && r.f[2] == iso3 && r.f[3] == office && r.f[5] == from && r.f[6] == to {
				return
			}
		}
		t.Errorf("no row %s %s %s %s-%s", name, iso3, office, from, to)
	}
	has("Vladimir Putin", "RUS", "President", "2012-05-07", "")
	has("Sergey Lavrov", "RUS", "Foreign Minister", "2004-03-09", "")
	has("Elmar Mammadyarov", "AZE", "Foreign Minister", "2004-04-02", "2020-07-16")
	has("Tony Blair", "GBR", "Prime Minister", "1997-05-02", "2007-06-27")
	has("António Guterres", "IGO", "Secretary-General of the United Nations", "2017-01-01", "")
	has("Muammar Gaddafi", "LBY", "Leader", "1969-09-01", "2011-10-20")
	aliases := map[string]string{}
	for _, r := range rows {
		aliases[r.f[0]] = r.f[1]
	}
	for name, want := range map[string][]string{
		"Sergey Lavrov":         {"Sergei Lavrov", "Lavrov"},
		"Elmar Mammadyarov":     {"Mamedyarov"},
		"Recep Tayyip Erdoğan":  {"Erdogan", "Erdoğan"},
		"Muammar Gaddafi":       {"Qaddafi", "Kadhafi"},
		"Barack Obama":          {"Obama"},
		"Vladimir Putin":        {"Putin"},
		"George W. Bush":        nil, // "Bush" names two presidents
		"Ilham Aliyev":          nil, // and "Aliyev" two of Azerbaijan's
		"Kassym-Jomart Tokayev": {"Tokayev"},
		"Volodymyr Zelensky":    {"Zelenskyy"},
		"Alexander Lukashenko":  {"Aleksandr Lukashenko"},
		"Mohammed bin Salman":   {"MBS"},
		"Abdel Fattah el-Sisi":  {"al-Sisi"},
		"Benjamin Netanyahu":    {"Netanyahu"},
		"Andrei Gromyko":        {"Andrey Gromyko"},
		"Mikhail Gorbachev":     {"Gorbachev"},
		"Hassan Nasrallah":      {"Nasrallah"},
		"Abu Bakr al-Baghdadi":  {"Baghdadi"},
		"Ahmed al-Sharaa":       {"Abu Mohammad al-Jolani"},
	} {
		got, ok := aliases[name]
		if !ok {
			t.Errorf("%s missing", name)
			continue
		}
		items := split(got)
		for _, w := range want {
			if !contains(items, w) {
				t.Errorf("%s: aliases %q lack %q", name, got, w)
			}
		}
		if want == nil {
			for _, it := range items {
				if !strings.Contains(it, " ") {
					t.Errorf("%s: surname alias %q names more than one person", name, it)
				}
			}
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func TestCheckPeopleRejectsBadRows(t *testing.T) {
	iso3s := set("RUS", "USA", "GBR")
	named := map[string]string{"russia": "country RUS", "moscow": "the capital of RUS"}
	const head = "# name\taliases\tiso3\toffice\tsector\tfrom\tto\n"
	for name, tc := range map[string]struct{ rows, want string }{
		"unknown country": {"A B\t\tXXX\tPresident\tGOV\t2000\t\n", "unknown country"},
		"no country":      {"A B\t\t\tPresident\tGOV\t2000\t\n", "no country"},
		"bad sector":      {"A B\t\tRUS\tPresident\tBOSS\t2000\t\n", "bad sector"},
		"bad date":        {"A B\t\tRUS\tPresident\tGOV\t2000-02\t\n", "bad from"},
		"no start":        {"A B\t\tRUS\tPresident\tGOV\t\t2001\n", "bad from"},
		"backwards term":  {"A B\t\tRUS\tPresident\tGOV\t2001-05-01\t2000-01-01\n", "before it starts"},
		"overlap":         {"A B\t\tRUS\tPresident\tGOV\t2000\t2004\nA B\t\tRUS\tPresident\tGOV\t2003\t2008\n", "overlaps"},
		"open overlap":    {"A B\t\tRUS\tPresident\tGOV\t2000\t\nA B\t\tRUS\tPresident\tGOV\t2010\t2012\n", "overlaps"},
		"aliases differ":  {"A B\tB\tRUS\tPresident\tGOV\t2000\t2004\nA B\tBee\tRUS\tPrime Minister\tGOV\t2004\t2008\n", "aliases"},
		"alias of two":    {"A B\tB\tRUS\tPresident\tGOV\t2000\t2004\nC B\tB\tUSA\tPresident\tGOV\t2004\t2008\n", "names both"},
		"country alias":   {"A B\tRussia\tRUS\tPresident\tGOV\t2000\t2004\n", "is also country"},
		"unsorted":        {"C D\t\tRUS\tPresident\tGOV\t2000\t2004\nA B\t\tRUS\tPresident\tGOV\t2004\t2008\n", "not sorted"},
		"repeated":        {"A B\t\tRUS\tPresident\tGOV\t2000\t2004\nA B\t\tRUS\tPresident\tGOV\t2000\t2004\n", "repeated"},
	} {
		t.Run(name, func(t *testing.T) {
			d := t.TempDir()
			if err := os.WriteFile(filepath.Join(d, peopleFile), []byte(head+tc.rows), 0o644); err != nil {
				t.Fatal(err)
			}
			var errs []string
			checkPeople(d, iso3s, named, func(e error) { errs = append(errs, e.Error()) }, func(string, ...any) {})
			if !strings.Contains(strings.Join(errs, "\n"), tc.want) {
				t.Errorf("errors %q, want one with %q", errs, tc.want)
			}
		})
	}
	// good rows: a term may end on the day the next begins; a capital
	// named like a person is only a warning
	d := t.TempDir()
	good := head + "A B\tMoscow\tRUS\tPrime Minister\tGOV\t1999-08-16\t2000-05-07\nA B\tMoscow\tRUS\tPrime Minister\tGOV\t2000-05-07\t\nOsama\t\t\tLeader\tREB\t1988\t2011-05-02\n"
	if err := os.WriteFile(filepath.Join(d, peopleFile), []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	var errs, warns []string
	checkPeople(d, iso3s, named, func(e error) { errs = append(errs, e.Error()) }, func(f string, a ...any) { warns = append(warns, f) })
	if len(errs) > 0 || len(warns) != 1 {
		t.Errorf("good rows: errors %q, warnings %q", errs, warns)
	}
}

func TestCheckAgentsRejectsBadRows(t *testing.T) {
	for name, tc := range map[string]struct{ rows, want string }{
		"upper case": {"Soldier\tMIL\n", "not lower case"},
		"twice":      {"army|navy\tMIL\nsoldier|navy\tMIL\n", "twice"},
		"title too":  {"general\tMIL\n", "also a title"},
		"bad sector": {"soldier\tARMY\n", "bad sector"},
	} {
		t.Run(name, func(t *testing.T) {
			d := t.TempDir()
			if err := os.WriteFile(filepath.Join(d, agentsFile), []byte("# pattern\tsector\n"+tc.rows), 0o644); err != nil {
				t.Fatal(err)
			}
			var errs []string
			checkAgents(d, set("general"), func(e error) { errs = append(errs, e.Error()) })
			if !strings.Contains(strings.Join(errs, "\n"), tc.want) {
				t.Errorf("errors %q, want one with %q", errs, tc.want)
			}
		})
	}
}
