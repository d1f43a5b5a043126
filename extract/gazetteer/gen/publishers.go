package main

import (
	"path/filepath"
	"regexp"
	"strings"
)

var reHost = regexp.MustCompile(`^[a-z0-9-]+(\.[a-z0-9-]+)+$`)

// checkPublishers checks publishers.tsv: a lower-case key, once in the
// file; by one of source, host or header; a host that is a domain name; an
// iso3 that is a known country or empty (a news outlet issues nothing); a
// <country> slot only in a header, once, with an empty iso3.
func checkPublishers(dir string, iso3s map[string]bool, fail func(error)) {
	_, rows, err := readTSV(filepath.Join(dir, publisherFile), len(pubCols))
	if err != nil {
		fail(err)
		return
	}
	checkSorted(rows, fail)
	for _, r := range rows {
		key, by, iso3 := r.f[0], r.f[1], r.f[2]
		if key == "" || key != strings.ToLower(key) || strings.Contains(key, "|") {
			fail(r.errf("key %q must be one lower-case phrase", key))
		}
		slots := strings.Count(key, "<country>")
		switch by {
		case "source":
			if strings.ContainsAny(key, " <>") {
				fail(r.errf("source id %q has a space or a slot", key))
			}
		case "host":
			if !reHost.MatchString(key) {
				fail(r.errf("host %q is not a domain name", key))
			}
		case "header":
			if slots > 1 {
				fail(r.errf("header %q has more than one <country>", key))
			}
			if slots == 1 && iso3 != "" {
				fail(r.errf("header %q names its country itself: leave iso3 empty", key))
			}
		default:
			fail(r.errf("bad by %q (want source, host or header)", by))
		}
		if slots > 0 && by != "header" {
			fail(r.errf("%q: only a header has a <country> slot", key))
		}
		if iso3 != "" && !iso3s[iso3] {
			fail(r.errf("unknown iso3 %q", iso3))
		}
	}
}
