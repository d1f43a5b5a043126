package extract

// Countries named in passing: "candidates are Romania, Slovenia, Latvia,
// Estonia and Bulgaria". A country named only in such a list, in no event
// or relation, is no subject of the article, and makes no node.

// minList is the shortest list of countries whose items are named in
// passing.
const minList = 3

// markLists records the mentions of sentence si that are items of a list
// of at least minList countries: country names joined by commas, "and" or
// "or" and nothing else.
func (d *doc) markLists(si int) {
	toks, ms := d.sents[si].tokens, d.ments[si]
	joiner := func(from, to int) bool { // the tokens between two items
		if from >= to {
			return false
		}
		for k := from; k < to; k++ {
			if w := toks[k].lower; w != "," && w != "and" && w != "or" && w != "the" {
				return false
			}
		}
		return true
	}
	for i := 0; i < len(ms); {
		j := i
		for j < len(ms) && ms[j].ent != nil && ms[j].ent.typ == TypeCountry && ms[j].form == 'n' &&
			(j == i || joiner(ms[j-1].tok+ms[j-1].toks, ms[j].tok)) {
			j++
		}
		if j-i >= minList {
			if d.listed == nil {
				d.listed = map[Span]bool{}
			}
			for k := i; k < j; k++ {
				d.listed[ms[k].Span] = true
			}
		}
		if j == i {
			j++
		}
		i = j
	}
}

// onlyListed reports whether every mention of a country is an item of a
// list.
func (d *doc) onlyListed(e *entity) bool {
	if e.typ != TypeCountry || len(d.listed) == 0 {
		return false
	}
	for _, m := range e.mentions {
		if !d.listed[m] {
			return false
		}
	}
	return true
}
