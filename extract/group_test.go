package extract

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// dyads codes one sentence and returns its records as
// "source(country)>target(country):code", an inferred country marked "~".
func dyads(t *testing.T, text string) []string {
	t.Helper()
	res, err := Extract(Input{ID: "t", Text: text, Published: "20180601"})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range Records(res) {
		src := r.Source.Name + "(" + r.Source.Country + ")"
		if r.Source.CountryInferred {
			src = r.Source.Name + "(~" + r.Source.Country + ")"
		}
		dst := r.Target.Name + "(" + r.Target.Country + ")"
		if r.Target.CountryInferred {
			dst = r.Target.Name + "(~" + r.Target.Country + ")"
		}
		out = append(out, src+">"+dst+":"+r.CAMEO)
	}
	return out
}

// dyadCase is a named sentence and the records it must code, as dyads
// writes them.
type dyadCase struct {
	name string
	text string
	want []string
}

// runDyads runs each case as a subtest.
func runDyads(t *testing.T, tests []dyadCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, dyads(t, tt.text)); diff != "" {
				t.Errorf("records of %q (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestGroupActors(t *testing.T) {
	tests := []dyadCase{
		{"group placed by where it acts", "Gunmen kidnapped two aid workers in Nigeria.",
			[]string{"gunmen(NGA)>workers(NGA):181"}},
		{"group of no known country", "Rebels attacked a police station in the north.",
			[]string{"rebels()>():190"}},
		{"demonym names the group's country", "Ukrainian farmers blocked roads.",
			[]string{"farmers(UKR)>Ukraine(UKR):144"}},
		{"a body's fighters are the body", "Taliban fighters attacked an army base in Afghanistan.",
			[]string{"Taliban(AFG)>Afghanistan(AFG):190"}},
		{"group as target", "Kenyan police fired tear gas at protesters in Nairobi.",
			[]string{"Kenya(KEN)>protesters(KEN):175"}},
		{"compound noun is no group", "The army base was quiet.", nil},
		{"unknown body by its head word", "The Ogaden National Liberation Front (ONLF) attacked Ethiopia.",
			[]string{"Ogaden National Liberation Front()>Ethiopia(ETH):190"}},
		{"unknown body: a head and what it is of", "The Department of Education will investigate Yale.",
			[]string{"Department of Education()>():090"}},
		{"unknown body named after a region", "The California Farm Bureau Federation condemned the ban.",
			[]string{"California Farm Bureau Federation(USA)>():111"}},
		{"a group owned is no actor", "Syria withdrew its troops from Lebanon.",
			[]string{"Syria(SYR)>Lebanon(LBN):0874"}},
		{"a compound adjective is no name", "Israel seized Russian-made Katyusha rockets.",
			[]string{"Israel(ISR)>Israel(ISR):171"}},
		{"a threat is aimed at where it would strike", "Hamas threatened to resume attacks in Israel.",
			[]string{"Hamas(PSE)>Israel(ISR):130"}},
		{"refuge is sought from where it is found", "Some 800,000 Iraqi Kurds sought refuge in Germany.",
			[]string{"Iraq(IRQ)>Germany(DEU):1033"}},
		{"a mediation between two sides", "Qatar mediated between Saudi Arabia and the United Arab Emirates.",
			[]string{"Qatar(QAT)>United Arab Emirates(ARE):045", "Qatar(QAT)>Saudi Arabia(SAU):045"}},
		{"an alias keeps its own capitals", "Al-Shabaab attacked Mogadishu.",
			[]string{"al-Shabaab(SOM)>Mogadishu(SOM):190"}},
		{"a pronoun's government", "Putin said his government would impose sanctions on Ukraine.",
			[]string{"Russia(RUS)>Ukraine(UKR):130"}},
		{"a body of a country named after it", "The Government of Austria condemned the attack.",
			[]string{"Austria(AUT)>():111"}},
		{"committed to is no passive", "The Brazilian government is committed to cooperation.",
			[]string{"Brazil(BRA)>():030"}},
		{"an intent to cooperate is the act planned", "Syria is willing to withdraw its troops from Lebanon.",
			[]string{"Syria(SYR)>Lebanon(LBN):035"}},
		{"an office's portfolio is no part of the name", "The Assistant Secretary for Democracy, Human Rights, and Labor Lisa Peterson condemned the attack.",
			[]string{"Lisa Peterson()>():111"}},
		{"a known name after a portfolio", "The Special Envoy for Climate John Kerry condemned the attack.",
			[]string{"John Kerry(USA)>():111"}},
		{"a king of a country", "King Hassan of Morocco condemned the attack.",
			[]string{"Hassan(MAR)>():111"}},
		{"the head of a body acts for it", "The head of the World Health Organization urged China to share data.",
			[]string{"World Health Organization(IGO)>China(CHN):020"}},
		{"the government of the country spoken of", "Japan's exports rose. The government condemned the attack.",
			[]string{"government(JPN)>():111"}},
		{"a modifier is no group", "Government export agencies condemned the attack.",
			nil},
		{"inference needs an official, not a name", "Shoichi Saba criticized Japan.",
			[]string{"Shoichi Saba()>Japan(JPN):111"}},
		{"an office in apposition is no second actor", "Ali Aliyev, chairman of the Azerbaijani Civic Solidarity Party, met with Georgian Ambassador Zurab Pataradze.",
			[]string{"Ali Aliyev(AZE)>Zurab Pataradze(GEO):040", "Zurab Pataradze(GEO)>Ali Aliyev(AZE):040"}},
		{"a group led by a country", "US-led forces attacked the town.",
			[]string{"forces(USA)>():190"}},
		{"a participle after its noun describes it", "Liberian riot police used tear gas to disperse demonstrators protesting election results in Monrovia.",
			[]string{"riot police(LBR)>demonstrators(LBR):175"}},
		{"an old name's demonym", "Vietnamese troops shelled Kampuchean guerrilla camps.",
			[]string{"Vietnam(VNM)>Cambodia(KHM):194"}},
		{"a person acts through the office", "Holcomb's office declined to comment.",
			[]string{"Holcomb()>():011"}},
		{"what an appeal asks for is not done", "Britain urged Libya to hand over the suspects.",
			[]string{"United Kingdom(GBR)>Libya(LBY):020"}},
		{"what must be done is not done", "Germany said Libya must hand over the suspects.",
			[]string{"Germany(DEU)>Libya(LBY):100"}},
		{"negotiators of two countries", "U.S. and Russian negotiators held talks in Geneva.",
			[]string{"negotiators(RUS)>United States(USA):044", "United States(USA)>negotiators(RUS):044"}},
		{"what was struck holds whom it struck", "A camp for Congolese refugees was attacked by Burundian militiamen.",
			[]string{"Burundi(BDI)>refugees(COD):190"}},
		{"targets joined to the first", "Iraq attacked Iran and Kuwait.",
			[]string{"Iraq(IRQ)>Iran(IRN):190", "Iraq(IRQ)>Kuwait(KWT):190"}},
		{"a lone surname opening the sentence acts", "Papandreou agreed to resign.",
			[]string{"Papandreou()>():0341"}},
		{"a common word opening the sentence is no name", "Inflation rose and another agreed to resign.",
			nil},
		{"people of a place", "Paris dealers expressed disappointment at the communique.",
			[]string{"dealers(FRA)>():110"}},
		{"a need is no demand", "Bankers said the government will have to attract capital.",
			nil},
		{"a pair of countries concludes an agreement", "The U.S.-Kazakhstan agreement was signed in 2019.",
			[]string{"Kazakhstan(KAZ)>United States(USA):057", "United States(USA)>Kazakhstan(KAZ):057"}},
		{"a pair in one word concludes an agreement", "The Japan-China agreement was signed in 2019.",
			[]string{"China(CHN)>Japan(JPN):057", "Japan(JPN)>China(CHN):057"}},
		{"recognizing what an object names as a state", "Russia recognized two regions of Georgia as independent states.",
			[]string{"Russia(RUS)>Georgia(GEO):054"}},
		{"recognizing a quality grants nothing", "Russia recognized the bravery of the Georgian people.",
			nil},
		{"what one should do is appealed for", "China said Japan should keep moving forward.",
			[]string{"China(CHN)>Japan(JPN):020"}},
		{"what should happen asks no one", "China said this should help.",
			nil},
		{"what we should do is a resolve", "Chancellor Helmut Kohl said we should cut interest rates.",
			nil},
		{"what we must do is a resolve, not a demand", "Chancellor Helmut Kohl said we must hand over the suspects.",
			nil},
		{"what one's own country must do is a resolve", "Chancellor Helmut Kohl said Germany must hand over the suspects.",
			nil},
		{"a middle initial is no part of a known name", "Secretary of State Antony J. Blinken met Indian External Affairs Minister Subrahmanyam Jaishankar.",
			[]string{"Antony Blinken(USA)>Subrahmanyam Jaishankar(IND):040", "Subrahmanyam Jaishankar(IND)>Antony Blinken(USA):040"}},
		{"an intent to yield is aimed at home", "Opposition leaders agreed to postpone the demonstration in Baku.",
			[]string{"opposition leaders(AZE)>Azerbaijan(AZE):0352"}},
		{"what an appeal asks for, a few words on, is not done", "The United States asked France to stop selling weapons to Iraq.",
			[]string{"United States(USA)>France(FRA):020"}},
		{"one side meets each of the others, who need not meet one another", "Japan met with Russia, China and India in Moscow.",
			[]string{"Japan(JPN)>China(CHN):040", "China(CHN)>Japan(JPN):040", "Japan(JPN)>India(IND):040",
				"India(IND)>Japan(JPN):040", "Japan(JPN)>Russia(RUS):040", "Russia(RUS)>Japan(JPN):040"}},
		{"leaders who meet each meet each", "Russia, China and India met in Moscow.",
			[]string{"China(CHN)>India(IND):040", "China(CHN)>Russia(RUS):040", "India(IND)>China(CHN):040",
				"India(IND)>Russia(RUS):040", "Russia(RUS)>China(CHN):040", "Russia(RUS)>India(IND):040"}},
		{"the two leaders are not the spokesperson", "President Putin met with President Xi Jinping, Spokesperson Dmitry Peskov said. The two leaders signed an agreement on trade.",
			[]string{"Vladimir Putin(RUS)>Xi Jinping(CHN):057", "Xi Jinping(CHN)>Vladimir Putin(RUS):057",
				"Vladimir Putin(RUS)>Xi Jinping(CHN):040", "Xi Jinping(CHN)>Vladimir Putin(RUS):040"}},
		{"office of a country", "President of Ukraine and Prime Minister of Great Britain signed an agreement.",
			[]string{"United Kingdom(GBR)>Ukraine(UKR):057", "Ukraine(UKR)>United Kingdom(GBR):057"}},
		{"passive without agent keeps its target", "Journalist Moussa Tchangari was arrested in Niger.",
			[]string{"()>Moussa Tchangari():173"}},
		{"domestic act takes the target's country", "Striking workers demanded that the Serbian government resign.",
			[]string{"workers(~SRB)>Serbia(SRB):1041"}},
		{"no inference for cooperation", "Rebels praised Serbia.",
			[]string{"rebels()>Serbia(SRB):051"}},
		{"target inferred from the source", "Rebels in the Ivory Coast dismissed an appeal from President Laurent Gbago.",
			[]string{"rebels(CIV)>Laurent Gbago(~CIV):120"}},
		{"who made the offer is the target", "Pakistan rejected a fresh offer from Afghanistan.",
			[]string{"Pakistan(PAK)>Afghanistan(AFG):120"}},
		{"sides that agree agree with each other", "The Turkish and Greek sides agreed to share information.",
			[]string{"Greece(GRC)>Turkey(TUR):0314", "Turkey(TUR)>Greece(GRC):0314"}},
		{"sides that condemn do not condemn each other", "Turkey and Greece condemned the attack.",
			[]string{"Greece(GRC)>():111", "Turkey(TUR)>():111"}},
	}
	runDyads(t, tests)
}

func TestGroupStaysOutOfNodes(t *testing.T) {
	res, err := Extract(Input{ID: "t", Text: "Gunmen kidnapped two aid workers in Nigeria. Rebels attacked a police station in the north."})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range res.Nodes {
		if n.Type == typeGroup || strings.HasPrefix(n.ID, "group:") {
			t.Errorf("group node %s in the graph", n.ID)
		}
	}
	var grouped, unattributed int
	for _, e := range res.Edges {
		if e.Properties[PropGroups] != nil {
			grouped++
			if !strings.HasPrefix(e.Target, "country:") {
				t.Errorf("group edge %v does not end at a country", e)
			}
		}
	}
	for _, n := range res.Nodes {
		if gs, ok := n.Properties[PropUnattributed].([]GroupActor); ok {
			unattributed += len(gs)
		}
	}
	if grouped == 0 || unattributed == 0 {
		t.Errorf("group edges %d, unattributed groups %d; want both", grouped, unattributed)
	}
}
