// Package parse holds the shape of a parsed sentence as the extractor reads
// it: tokens with byte offsets into the article text, their part of speech,
// lemma and named-entity class, and the sentence's enhanced++ Universal
// Dependencies. A parser client (extract/corenlp) produces these values and
// the rules of package extract consume them; neither side depends on the
// other through anything but this package.
//
// Invariants:
//   - Offsets are byte offsets into the text the sentence was cut from (the
//     article text as given), half-open: text[Token.Start:Token.End] is the
//     token's surface form unless the parser normalised it (quotes,
//     brackets), in which case Token.Text holds the parser's form.
//   - Token indices in Dep are 0-based positions in Sentence.Tokens; a
//     governor of -1 is the root.
//   - A Sentence is a value: no pointers into other sentences, so parses can
//     be cached, recorded as JSON and compared.
//
// It imports only the standard library and is imported by extract, by the
// parser client and by the tools that record parses; it must never import
// extract, graph, server, net/http or a parser library.
package parse
