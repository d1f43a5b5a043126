package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckPublishersRejectsBadRows(t *testing.T) {
	iso3s := set("USA", "JPN")
	for name, tc := range map[string]struct{ rows, want string }{
		"upper case":      {"State_Dept\tsource\tUSA\n", "lower-case"},
		"bad by":          {"state_dept\tfeed\tUSA\n", "bad by"},
		"host no domain":  {"state\thost\tUSA\n", "not a domain"},
		"unknown country": {"state.gov\thost\tXXX\n", "unknown iso3"},
		"slot in source":  {"<country>_mfa\tsource\t\n", "slot"},
		"slot with iso3":  {"embassy of <country>\theader\tJPN\n", "leave iso3 empty"},
		"unsorted":        {"whitehouse\tsource\tUSA\nstate_dept\tsource\tUSA\n", "not sorted"},
	} {
		t.Run(name, func(t *testing.T) {
			d := t.TempDir()
			if err := os.WriteFile(filepath.Join(d, publisherFile), []byte("# key\tby\tiso3\n"+tc.rows), 0o644); err != nil {
				t.Fatal(err)
			}
			var errs []string
			checkPublishers(d, iso3s, func(e error) { errs = append(errs, e.Error()) })
			if !strings.Contains(strings.Join(errs, "\n"), tc.want) {
				t.Errorf("errors %q, want one with %q", errs, tc.want)
			}
		})
	}
	d := t.TempDir()
	good := "# key\tby\tiso3\nembassy of <country>\theader\t\nreuters\tsource\t\nstate.gov\thost\tUSA\n"
	if err := os.WriteFile(filepath.Join(d, publisherFile), []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	var errs []string
	checkPublishers(d, iso3s, func(e error) { errs = append(errs, e.Error()) })
	if len(errs) > 0 {
		t.Errorf("good rows: errors %q", errs)
	}
}
