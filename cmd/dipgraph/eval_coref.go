package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/extract/corenlp"
	"github.com/dipgraph/dipgraph/extract/expect"
)

// cmdEvalCoref measures what CoreNLP's coreference would add to the
// extractor's own pronoun resolution on whole annotated articles:
// dipgraph eval coref [-algorithms statistical,dcoref] [-rounds N] [-v]
// [-judged FILE] FILE. It prints
//
//   - the cost: each article sent alone, one after the other, to the
//     server(s) of DIPGRAPH_CORENLP_URL, with no parse cache; after a
//     warm-up pass over the first articles that loads the models, -rounds
//     passes (-dcoref-rounds for dcoref), each article going through
//     every pipeline in turn so that all meet the same load; per pipeline
//     the median and 90th percentile of the milliseconds an article, and
//     the median over the passes of articles a second (the articles over
//     the sum of their times). The pipelines are the
//     request dipgraph makes (extract.Sentences' sentences, the default
//     annotators), the same annotators on every body sentence (the text
//     coreference has to read), and each coreference pipeline on the
//     whole text;
//   - the comparison: every third-person pronoun the extractor resolves
//     (a mention of an entity that starts at the pronoun) or that CoreNLP
//     puts in a chain holding a proper name, with the extractor's entity
//     and the chain's representative mention (and the extractor's entity
//     that mention names, if any), counted apart for the sentences that
//     hold an annotated event (an event's "sentence" quote overlaps them);
//   - with -judged, the tally of a file of judgements by reading (article
//     id, byte offset of the pronoun, who is right), checked against the
//     pronouns this run lists.
//
// -v lists every pronoun compared, with the text around it, for judging.
func cmdEvalCoref(ctx context.Context, cfg config, x evalExtractor, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval coref", flag.ContinueOnError)
	fs.SetOutput(stderr)
	algos := fs.String("algorithms", corenlp.CorefStatistical+","+corenlp.CorefDeterministic, "coreference systems to measure, comma-separated")
	rounds := fs.Int("rounds", 3, "timed passes over the articles, after one warm-up pass; 0: no timing, the comparison alone")
	slowRounds := fs.Int("dcoref-rounds", 1, "timed passes of dcoref (the constituency parser is slow), at most -rounds")
	warm := fs.Int("warm", 5, "articles of the warm-up pass")
	verbose := fs.Bool("v", false, "list every pronoun compared, with its context")
	judged := fs.String("judged", "", "a TSV of judgements (id, offset, verdict) to tally")
	fs.Usage = func() { fmt.Fprint(stderr, evalUsage) }
	cases, file, err := readSuite(fs, args, expect.ReadArticleCases)
	if err != nil {
		return err
	}
	quotes, err := eventQuotes(file)
	if err != nil {
		return err
	}
	ins := make([]extract.Input, len(cases))
	for i, a := range cases {
		if ins[i], err = decodeArticle(a.InputJSON()); err != nil {
			return fmt.Errorf("%s: article %d (%s): %w", file, i+1, a.ID, err)
		}
	}
	algorithms := strings.Split(*algos, ",")
	for _, a := range algorithms {
		if corenlp.CorefAnnotators(a) == "" {
			return fmt.Errorf("eval coref: unknown algorithm %q", a)
		}
	}
	// no cache, one try, room for the slow constituency parser
	client := corenlp.New(corenlp.Config{URLs: cfg.corenlpURLs, PerServer: cfg.corenlpThreads, CacheSize: -1,
		Tries: 1, Timeout: 10 * time.Minute})
	parseWith := func(pick func(extract.Input) ([]extract.Span, error)) func(context.Context, int) error {
		return func(ctx context.Context, i int) error {
			_, err := parseArticle(ctx, client, ins[i], pick)
			return err
		}
	}
	type pipeline struct {
		name, annotators string
		coref            bool // a failure of one article is counted, not fatal
		run              func(context.Context, int) error
	}
	pipes := []pipeline{
		{"dipgraph (picked sentences)", corenlp.DefaultAnnotators, false, parseWith(extract.Sentences)},
		{"every body sentence", corenlp.DefaultAnnotators, false, parseWith(extract.BodySentences)},
	}
	docs := map[string][]*corenlp.CorefDocument{}
	for _, a := range algorithms {
		docs[a] = make([]*corenlp.CorefDocument, len(ins))
		pipes = append(pipes, pipeline{"coref " + a + " (whole text)", corenlp.CorefAnnotators(a), true, func(ctx context.Context, i int) error {
			doc, err := client.Coref(ctx, ins[i].Text, a)
			if err == nil {
				docs[a][i] = doc
			}
			return err
		}})
	}

	var bytes int
	for _, in := range ins {
		bytes += len(in.Text)
	}
	fmt.Fprintf(stdout, "%s: %d articles, %d bytes; servers %s; each article alone, in turn; warm-up %d articles, %d timed passes (dcoref %d)\n\n",
		file, len(ins), bytes, strings.Join(cfg.corenlpURLs, ","), min(*warm, len(ins)), *rounds, min(*slowRounds, *rounds))
	if *rounds > 0 {
		fmt.Fprintf(stdout, "%-32s %9s %9s %9s  %s\n", "pipeline", "ms/art", "p90 ms", "art/s", "annotators")
	}
	// warm-up, then passes in which every article goes through each
	// pipeline in turn, so that all of them meet the same load on a
	// shared machine; a pass's rate is its articles over the sum of
	// their times
	for _, p := range pipes {
		for i := range min(*warm, len(ins)) {
			if err := p.run(ctx, i); err != nil && (fatal(err) || !p.coref) {
				return fmt.Errorf("%s: warm-up: %w", p.name, err)
			}
		}
	}
	failed := make([]int, len(pipes))
	each := make([][]float64, len(pipes))
	rates := make([][]float64, len(pipes))
	for r := 0; r < *rounds; r++ {
		sum := make([]float64, len(pipes))
		for i := range ins {
			for k, p := range pipes {
				if r >= *slowRounds && strings.Contains(p.annotators, "dcoref") {
					continue
				}
				t := time.Now()
				err := p.run(ctx, i)
				if err != nil && (fatal(err) || !p.coref) {
					return fmt.Errorf("%s: article %s: %w", p.name, cases[i].ID, err)
				}
				if err != nil {
					// the server gave up (its timeout): the time spent counts,
					// the article has no chains
					failed[k]++
					fmt.Fprintf(stderr, "%s: article %s: %v\n", p.name, cases[i].ID, err)
				}
				ms := float64(time.Since(t).Microseconds()) / 1000
				each[k] = append(each[k], ms)
				sum[k] += ms
			}
		}
		for k := range pipes {
			if sum[k] > 0 {
				rates[k] = append(rates[k], float64(len(ins))/(sum[k]/1000))
			}
		}
	}
	if *rounds == 0 {
		// no timing: the chains alone, for the comparison
		for _, p := range pipes {
			if !p.coref {
				continue
			}
			for i := range ins {
				if err := p.run(ctx, i); err != nil {
					if fatal(err) {
						return err
					}
					fmt.Fprintf(stderr, "%s: article %s: %v\n", p.name, cases[i].ID, err)
				}
			}
		}
	}
	for k, p := range pipes {
		if *rounds == 0 {
			break
		}
		fmt.Fprintf(stdout, "%-32s %9.0f %9.0f %9.2f  %s", p.name, quantile(each[k], 0.5), quantile(each[k], 0.9), quantile(rates[k], 0.5), p.annotators)
		if failed[k] > 0 {
			fmt.Fprintf(stdout, " (%d of %d requests failed, their time counted)", failed[k], len(each[k]))
		}
		fmt.Fprintln(stdout)
	}

	// the extractor as dipgraph eval articles runs it
	results := make([]extract.Result, len(ins))
	err = x.all(ins, func(i int, res extract.Result, err error) error {
		if err != nil {
			return fmt.Errorf("%s: article %d (%s): %w", file, i+1, cases[i].ID, err)
		}
		results[i] = res
		return nil
	})
	if err != nil {
		return err
	}
	var listed []pronounCase
	for _, a := range algorithms {
		var all []pronounCase
		for i, in := range ins {
			all = append(all, comparePronouns(cases[i].ID, in, results[i], docs[a][i], quotes[cases[i].ID])...)
		}
		writePronounTally(stdout, a, all)
		if n := slices.Index(docs[a], nil); n >= 0 {
			missing := 0
			for _, d := range docs[a] {
				if d == nil {
					missing++
				}
			}
			fmt.Fprintf(stdout, "  (%d articles got no chains from %s: it failed on them)\n", missing, a)
		}
		if listed == nil {
			listed = all
		}
		if *verbose {
			for _, pc := range all {
				pc.write(stdout)
			}
		}
	}
	if *judged != "" {
		return tallyJudged(stdout, *judged, listed)
	}
	return nil
}

// quantile is the q-quantile of vs (nearest rank), 0 for none.
func quantile(vs []float64, q float64) float64 {
	if len(vs) == 0 {
		return 0
	}
	s := slices.Clone(vs)
	sort.Float64s(s)
	return s[min(int(q*float64(len(s))), len(s)-1)]
}

// eventQuotes reads the "sentence" of every annotated event of file, by
// article id.
func eventQuotes(file string) (map[string][]string, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string][]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for n := 1; sc.Scan(); n++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var a struct {
			ID     string `json:"id"`
			Events []struct {
				Sentence string `json:"sentence"`
			} `json:"events"`
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", file, n, err)
		}
		for _, e := range a.Events {
			if e.Sentence != "" {
				out[a.ID] = append(out[a.ID], e.Sentence)
			}
		}
	}
	return out, sc.Err()
}

// thirdPerson matches the pronouns compared.
var thirdPerson = regexp.MustCompile(`(?i)\b(?:he|she|it|they|his|her|its|their|him|them)\b`)

// pronounCase is one pronoun as the extractor and CoreNLP read it.
type pronounCase struct {
	id         string
	text       string // the article's
	start, end int
	sentence   extract.Span // the extractor's body sentence holding it
	inEvent    bool         // an annotated event's quote overlaps that sentence
	ext        *extract.Node
	chain      *corenlp.CorefChain // a chain with a proper name
	chainNode  *extract.Node       // the extractor's entity the chain's names are
}

// verdict says how the two readings compare.
func (pc pronounCase) verdict() string {
	switch {
	case pc.ext != nil && pc.chain != nil && pc.chainNode != nil && pc.chainNode.ID == pc.ext.ID:
		return "same"
	case pc.ext != nil && pc.chain != nil:
		return "differ"
	case pc.ext != nil:
		return "extractor-only"
	}
	return "corenlp-only"
}

// comparePronouns lists the third-person pronouns of in that res resolves
// or doc chains with a proper name.
func comparePronouns(id string, in extract.Input, res extract.Result, doc *corenlp.CorefDocument, quotes []string) []pronounCase {
	sents, _ := extract.BodySentences(in)
	var evSpans []extract.Span
	for _, q := range quotes {
		if sp, ok := findQuote(in.Text, q); ok {
			evSpans = append(evSpans, sp)
		}
	}
	type owned struct {
		sp   extract.Span
		node *extract.Node
	}
	var ments []owned
	for i := range res.Nodes {
		n := &res.Nodes[i]
		sps, _ := n.Properties[extract.PropMentions].([]extract.Span)
		for _, sp := range sps {
			ments = append(ments, owned{sp, n})
		}
	}
	// nodeAt is the entity whose mention starts at the pronoun
	nodeAt := func(a int) *extract.Node {
		for _, m := range ments {
			if m.sp.Start == a {
				return m.node
			}
		}
		return nil
	}
	// chainNode is the entity the chain's names are: the one a mention of
	// the representative overlaps, else the one most of its other
	// non-pronoun mentions overlap
	chainNode := func(ch *corenlp.CorefChain) *extract.Node {
		votes := map[*extract.Node]int{}
		for k, cm := range ch.Mentions {
			if cm.Type == "PRONOMINAL" {
				continue
			}
			for _, m := range ments {
				if m.sp.Start < cm.End && cm.Start < m.sp.End && !thirdPerson.MatchString(in.Text[m.sp.Start:m.sp.End]) {
					votes[m.node]++
					if k == ch.Representative {
						votes[m.node] += 1000
					}
				}
			}
		}
		var best *extract.Node
		for n, v := range votes {
			if best == nil || v > votes[best] || v == votes[best] && n.ID < best.ID {
				best = n
			}
		}
		return best
	}
	var out []pronounCase
	for _, loc := range thirdPerson.FindAllStringIndex(in.Text, -1) {
		pc := pronounCase{id: id, text: in.Text, start: loc[0], end: loc[1], ext: nodeAt(loc[0])}
		if doc != nil {
			for ci := range doc.Chains {
				ch := &doc.Chains[ci]
				for _, m := range ch.Mentions {
					if m.Start == loc[0] && m.End == loc[1] && m.Type == "PRONOMINAL" && ch.Proper() {
						pc.chain = ch
					}
				}
			}
		}
		if pc.ext == nil && pc.chain == nil {
			continue
		}
		if pc.chain != nil {
			pc.chainNode = chainNode(pc.chain)
		}
		for _, s := range sents {
			if s.Start <= loc[0] && loc[0] < s.End {
				pc.sentence = s
			}
		}
		for _, e := range evSpans {
			if e.Start < pc.sentence.End && pc.sentence.Start < e.End {
				pc.inEvent = true
			}
		}
		out = append(out, pc)
	}
	return out
}

// findQuote finds q in text, spaces matching any run of white space.
func findQuote(text, q string) (extract.Span, bool) {
	if i := strings.Index(text, q); i >= 0 {
		return extract.Span{Start: i, End: i + len(q)}, true
	}
	words := strings.Fields(q)
	if len(words) == 0 {
		return extract.Span{}, false
	}
	for i := range words {
		words[i] = regexp.QuoteMeta(words[i])
	}
	re, err := regexp.Compile(strings.Join(words, `\s+`))
	if err != nil {
		return extract.Span{}, false
	}
	if loc := re.FindStringIndex(text); loc != nil {
		return extract.Span{Start: loc[0], End: loc[1]}, true
	}
	return extract.Span{}, false
}

// writePronounTally prints the counts of the comparison for one system.
func writePronounTally(w io.Writer, algo string, all []pronounCase) {
	kinds := []string{"same", "differ", "extractor-only", "corenlp-only"}
	count := func(ev bool) map[string]int {
		c := map[string]int{}
		for _, pc := range all {
			if !ev || pc.inEvent {
				c[pc.verdict()]++
				c["all"]++
			}
		}
		return c
	}
	fmt.Fprintf(w, "\npronouns (he she it they his her its their him them) the extractor resolves or coref %s chains with a name:\n", algo)
	for _, ev := range []bool{false, true} {
		c := count(ev)
		label := "all sentences"
		if ev {
			label = "event sentences"
		}
		fmt.Fprintf(w, "  %-16s %4d:", label, c["all"])
		for _, k := range kinds {
			fmt.Fprintf(w, "  %s %d", k, c[k])
		}
		fmt.Fprintln(w)
	}
}

// write prints one pronoun for judging: where, how each reads it, and the
// text before it in its sentence and the one before, the pronoun marked.
func (pc pronounCase) write(w io.Writer) {
	ext, rep, repNode := "-", "-", "-"
	if pc.ext != nil {
		ext = pc.ext.ID
	}
	if pc.chain != nil {
		rep = strconv.Quote(pc.chain.Mentions[pc.chain.Representative].Text)
		if pc.chainNode != nil {
			repNode = pc.chainNode.ID
		}
	}
	ev := "-"
	if pc.inEvent {
		ev = "EVENT"
	}
	from := max(0, min(pc.sentence.Start, pc.start)-200)
	for from > 0 && from < len(pc.text) && pc.text[from]&0xC0 == 0x80 {
		from--
	}
	ctx := strings.Join(strings.Fields(pc.text[from:pc.start]+"[["+pc.text[pc.start:pc.end]+"]]"+pc.text[pc.end:max(pc.end, pc.sentence.End)]), " ")
	fmt.Fprintf(w, "%s\t%d\t%s\t%s\text=%s\tcoref=%s (%s)\n\t%s\n", pc.id, pc.start, pc.verdict(), ev, ext, rep, repNode, ctx)
}

// tallyJudged reads judgements, one "id<TAB>offset<TAB>verdict" a line
// (verdict: extractor, corenlp, both or neither: who named the right
// antecedent), and prints their tally, for all and for event sentences.
// A judged pronoun this run does not list is an error.
func tallyJudged(w io.Writer, file string, listed []pronounCase) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	byKey := map[string]pronounCase{}
	for _, pc := range listed {
		byKey[pc.id+"\t"+strconv.Itoa(pc.start)] = pc
	}
	tally := map[bool]map[string]int{false: {}, true: {}}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) < 3 {
			return fmt.Errorf("%s:%d: want id, offset, verdict", file, n)
		}
		pc, ok := byKey[fields[0]+"\t"+fields[1]]
		if !ok {
			return fmt.Errorf("%s:%d: %s at %s is not among the pronouns compared", file, n, fields[0], fields[1])
		}
		v := fields[2]
		if v != "extractor" && v != "corenlp" && v != "both" && v != "neither" {
			return fmt.Errorf("%s:%d: verdict %q (want extractor, corenlp, both or neither)", file, n, v)
		}
		tally[false][v]++
		tally[false]["all"]++
		tally[false][pc.verdict()+" "+v]++
		if pc.inEvent {
			tally[true][v]++
			tally[true]["all"]++
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\njudged by reading (%s): who names the right antecedent\n", file)
	for _, ev := range []bool{false, true} {
		t := tally[ev]
		label := "all"
		if ev {
			label = "in event sentences"
		}
		fmt.Fprintf(w, "  %-18s %3d: extractor only %d, corenlp only %d, both %d, neither %d; extractor right %d, corenlp right %d\n",
			label, t["all"], t["extractor"], t["corenlp"], t["both"], t["neither"], t["extractor"]+t["both"], t["corenlp"]+t["both"])
	}
	fmt.Fprintf(w, "  by reading:")
	for _, k := range []string{"same", "differ", "extractor-only", "corenlp-only"} {
		fmt.Fprintf(w, "  %s:", k)
		for _, v := range []string{"extractor", "corenlp", "both", "neither"} {
			fmt.Fprintf(w, " %s %d", v, tally[false][k+" "+v])
		}
		fmt.Fprint(w, ";")
	}
	fmt.Fprintln(w)
	return nil
}
