package extract

import "strings"

// cameoCode is one code of the CAMEO codebook with its Goldstein weight.
type cameoCode struct {
	name      string
	goldstein float64
}

// cameoCodes holds the CAMEO codes the extractor emits, with the names of
// the CAMEO 1.1b3 codebook and the Goldstein weights of the CAMEO
// conversion table used by GDELT 1.0.
var cameoCodes = map[string]cameoCode{
	"01": {"Make public statement", 0}, "010": {"Make statement, not specified below", 0},
	"018": {"Make empathetic comment", 3.4},
	"02":  {"Appeal", 3}, "020": {"Make an appeal or request, not specified below", 3},
	"03": {"Express intent to cooperate", 4}, "030": {"Express intent to cooperate, not specified below", 4},
	"04": {"Consult", 1}, "040": {"Consult, not specified below", 1}, "041": {"Discuss by telephone", 1},
	"042": {"Make a visit", 1.9}, "043": {"Host a visit", 2.8}, "044": {"Meet at a third location", 2.5},
	"045": {"Mediate", 5}, "046": {"Engage in negotiation", 7},
	"05": {"Engage in diplomatic cooperation", 3.5}, "050": {"Engage in diplomatic cooperation, not specified below", 3.5},
	"051": {"Praise or endorse", 3.4}, "057": {"Sign formal agreement", 8},
	"06": {"Engage in material cooperation", 6}, "07": {"Provide aid", 7}, "08": {"Yield", 5},
	"0871": {"Declare truce, ceasefire", 9}, "09": {"Investigate", -2},
	"10": {"Demand", -5}, "11": {"Disapprove", -2}, "111": {"Criticize or denounce", -2}, "112": {"Accuse", -2},
	"12": {"Reject", -4}, "13": {"Threaten", -6}, "14": {"Protest", -6.5},
	"15": {"Exhibit force posture", -7.2}, "16": {"Reduce relations", -4}, "17": {"Coerce", -7},
	"18": {"Assault", -9}, "19": {"Fight", -10}, "190": {"Use conventional military force, not specified below", -10},
	"192": {"Occupy territory", -9.5}, "194": {"Fight with artillery and tanks", -10},
	"195": {"Employ aerial weapons", -10}, "20": {"Use unconventional mass violence", -10},
}

// cameoRoot returns the two-digit root of a code.
func cameoRoot(code string) string {
	if len(code) < 2 {
		return ""
	}
	return code[:2]
}

// QuadClass maps a CAMEO code (or root) to the four classes of GDELT: 1
// verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material
// conflict; 0 for no code.
func QuadClass(code string) int {
	r := cameoRoot(code)
	switch {
	case r == "":
		return 0
	case r <= "05":
		return 1
	case r <= "09":
		return 2
	case r <= "14":
		return 3
	}
	return 4
}

// goldstein returns the weight of a code, or of its nearest parent.
func goldstein(code string) float64 {
	for c := code; len(c) >= 2; c = c[:len(c)-1] {
		if g, ok := cameoCodes[c]; ok {
			return g.goldstein
		}
	}
	return 0
}

// cameoName returns the codebook name of a code or its parent.
func cameoName(code string) string {
	for c := code; len(c) >= 2; c = c[:len(c)-1] {
		if g, ok := cameoCodes[c]; ok {
			return g.name
		}
	}
	return strings.TrimSpace(code)
}

// plover maps a CAMEO code to the PLOVER event type and, where the code
// says it, the mode, following the crosswalk of the PLOVER codebook. Public
// statements (01) have no PLOVER type.
func plover(code string) (typ, mode string) {
	switch code {
	case "041":
		return "CONSULT", "phone"
	case "042":
		return "CONSULT", "visit"
	case "043":
		return "CONSULT", "host"
	case "044":
		return "CONSULT", "third-party"
	case "045":
		return "CONSULT", "mediate"
	case "046":
		return "CONSULT", "negotiate"
	case "051", "052", "053":
		return "SUPPORT", "praise"
	case "054":
		return "SUPPORT", "recognize"
	case "055":
		return "SUPPORT", "apologize"
	case "057":
		return "AGREE", "sign"
	case "0871":
		return "RETREAT", "ceasefire"
	case "0874":
		return "RETREAT", "withdraw"
	case "0841":
		return "CONCEDE", "release"
	case "085", "081":
		return "CONCEDE", "ease-sanctions"
	case "163":
		return "SANCTION", "embargo"
	case "161":
		return "SANCTION", "break-relations"
	case "166":
		return "SANCTION", "expel"
	case "173":
		return "COERCE", "arrest"
	case "174":
		return "COERCE", "deport"
	case "171":
		return "COERCE", "seize"
	case "176":
		return "COERCE", "cyber"
	case "181":
		return "ASSAULT", "abduct"
	case "182":
		return "ASSAULT", "beat"
	case "183":
		return "ASSAULT", "bombing"
	case "186":
		return "ASSAULT", "assassinate"
	case "192":
		return "ASSAULT", "occupy"
	case "193":
		return "ASSAULT", "firearms"
	case "194":
		return "ASSAULT", "artillery"
	case "195":
		return "ASSAULT", "aerial"
	case "204":
		return "ASSAULT", "wmd"
	}
	switch cameoRoot(code) {
	case "02", "10":
		if cameoRoot(code) == "10" {
			return "REQUEST", "demand"
		}
		return "REQUEST", ""
	case "03":
		return "AGREE", "promise"
	case "04":
		return "CONSULT", ""
	case "05":
		return "SUPPORT", ""
	case "06":
		return "COOPERATE", ""
	case "07":
		return "AID", ""
	case "08":
		return "CONCEDE", ""
	case "09":
		return "ACCUSE", "investigate"
	case "11":
		return "ACCUSE", ""
	case "12":
		return "REJECT", ""
	case "13":
		return "THREATEN", ""
	case "14":
		return "PROTEST", ""
	case "15":
		return "MOBILIZE", ""
	case "16":
		return "SANCTION", ""
	case "17":
		return "COERCE", ""
	case "18", "19", "20":
		return "ASSAULT", ""
	}
	return "", ""
}
