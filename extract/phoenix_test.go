package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestPhoenixPeople checks dated roles read from the Phoenix dictionaries
// (gazetteer/phoenix_people.tsv): the country and sector of a person
// before, during and after an office, and that people.tsv wins.
func TestPhoenixPeople(t *testing.T) {
	for _, tc := range []struct {
		name, text, date string
		want             ActorCode
	}{
		{"before office: a dated elite role", "Prosper Avril", "1985-01-01", ActorCode{"HTI", "ELI", "Prosper Avril", true}},
		{"head of state in office", "Prosper Avril", "1989-06-01", ActorCode{"HTI", "GOV", "Prosper Avril", true}},
		{"after office", "Prosper Avril", "1995-06-01", ActorCode{"HTI", "ELI", "Prosper Avril", true}},
		{"prime minister in office", "Helen Clark", "2005-06-01", ActorCode{"NZL", "GOV", "Helen Clark", true}},
		{"alias", "Helen Elizabeth Clark", "2005-06-01", ActorCode{"NZL", "GOV", "Helen Clark", true}},
		{"open role", "Urmas Paet", "2012-06-01", ActorCode{"EST", "GOV", "Urmas Paet", true}},
		// people.tsv knows Mubarak too: ours wins, with its offices
		{"ours wins, in office", "Hosni Mubarak", "1997-06-01", ActorCode{"EGY", "GOV", "Hosni Mubarak", true}},
		{"ours wins, after office", "Hosni Mubarak", "2015-06-01", ActorCode{"EGY", "ELI", "Hosni Mubarak", true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ResolveActor(tc.text, "", tc.date)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("ResolveActor(%q, %q) mismatch (-want +got):\n%s", tc.text, tc.date, diff)
			}
		})
	}
}

// TestPhoenixOrgs checks bodies and agents read from the Phoenix
// dictionaries (phoenix_orgs.tsv, phoenix_agents.tsv), and that a name of
// ours is never taken over.
func TestPhoenixOrgs(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       ActorCode
	}{
		{"igo by acronym", "SAFTA", ActorCode{"IGO", "", "SAFTA", true}},
		{"armed group with its country", "the Sudan People's Liberation Army", ActorCode{"SDN", "REB", "Sudan People's Liberation Army", true}},
		{"ours wins", "the United Nations", ActorCode{"IGO", "", "United Nations", true}},
		{"agent of Phoenix only", "Algerian landowners", ActorCode{"DZA", "CVL", "Algeria", true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ResolveActor(tc.text, "", "")
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("ResolveActor(%q) mismatch (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}
