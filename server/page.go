package server

import (
	"embed"
	"io/fs"
	"net/http"
)

// pageFiles are the web page served at / (index.html) and its bundle
// (app.js, style.css): built from web/ by `make web` and committed, so the
// server needs nothing but itself (web/README.md).
//
//go:embed web/app
var pageFiles embed.FS

// pageAssetPath is where the page's script and styles are served.
const pageAssetPath = "/app/"

// pageCSP is the content security policy of the page: its script and
// styles only from the server, requests only to the server (the GraphQL
// API), images only from the server, no fonts, frames, plugins or form
// posts. The scripts set styles only through the DOM (element.style),
// which style-src does not govern, so no inline style is allowed; the one
// <style> element Cytoscape.js would add is kept out (web/src/index.html).
const pageCSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'" +
	"; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

// pageHandler serves index.html at / and the bundle under pageAssetPath.
func pageHandler() (page, assets http.Handler) {
	sub, err := fs.Sub(pageFiles, "web/app")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	index, err := fs.ReadFile(sub, "index.html")
	if err != nil {
		panic(err)
	}
	page = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		w.Write(index)
	})
	return page, http.StripPrefix(pageAssetPath, http.FileServerFS(sub))
}
