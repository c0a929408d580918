package web

import (
	"compress/gzip"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"path"
	"strings"
)

// compressible are the types worth gzipping (the build precompresses
// them; others are already compressed or tiny).
var compressible = map[string]bool{".js": true, ".mjs": true, ".css": true, ".html": true, ".json": true, ".svg": true, ".map": true, ".txt": true}

// minGzip: smaller bodies gain nothing from on-the-fly compression.
const minGzip = 1024

// serveFile serves name when it is a regular file in the tree; false when
// there is none (directories count as none: no listings).
func (h *Handler) serveFile(w http.ResponseWriter, r *http.Request, root *os.Root, name string) bool {
	f, st, ok := open(root, name)
	if !ok {
		return false
	}
	defer f.Close()
	hd := w.Header()
	ext := path.Ext(name)
	if ct := mime.TypeByExtension(ext); ct != "" {
		hd.Set("Content-Type", ct)
	}
	hd.Set("Cache-Control", cacheControl(name))
	if !compressible[ext] {
		hd.Set("ETag", etag(st, ""))
		http.ServeContent(w, r, name, st.ModTime(), f)
		return true
	}
	hd.Add("Vary", "Accept-Encoding")
	if !acceptsGzip(r) {
		hd.Set("ETag", etag(st, ""))
		http.ServeContent(w, r, name, st.ModTime(), f)
		return true
	}
	// A precompressed sibling written by the build, when it is not older
	// than the file it compresses.
	if gz, gst, ok := open(root, name+".gz"); ok {
		defer gz.Close()
		if !gst.ModTime().Before(st.ModTime()) {
			hd.Set("Content-Encoding", "gzip")
			hd.Set("ETag", etag(st, "-gz"))
			http.ServeContent(w, r, name, st.ModTime(), gz)
			return true
		}
	}
	if st.Size() < minGzip {
		hd.Set("ETag", etag(st, ""))
		http.ServeContent(w, r, name, st.ModTime(), f)
		return true
	}
	serveGzip(w, r, f, st)
	return true
}

// open opens a regular file inside the root.
func open(root *os.Root, name string) (*os.File, os.FileInfo, bool) {
	f, err := root.Open(name)
	if err != nil {
		return nil, nil, false
	}
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		_ = f.Close()
		return nil, nil, false
	}
	return f, st, true
}

// serveGzip compresses on the fly: no ranges, conditional GETs by ETag.
func serveGzip(w http.ResponseWriter, r *http.Request, f io.Reader, st os.FileInfo) {
	tag := etag(st, "-gzf")
	hd := w.Header()
	hd.Set("ETag", tag)
	hd.Set("Last-Modified", st.ModTime().UTC().Format(http.TimeFormat))
	if matchETag(r.Header.Get("If-None-Match"), tag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	hd.Set("Content-Encoding", "gzip")
	hd.Del("Content-Length")
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	zw, _ := gzip.NewWriterLevel(w, gzip.BestSpeed)
	_, _ = io.Copy(zw, f)
	_ = zw.Close()
}

// cacheControl: Vite's content-hashed assets/ directories are immutable;
// everything else (index.html, remoteEntry.js, mfe/manifest.json, icons)
// is revalidated by ETag on each use.
func cacheControl(name string) string {
	if strings.HasPrefix(name, "assets/") || strings.Contains(name, "/assets/") {
		return CacheImmutable
	}
	return CacheRevalidate
}

// etag is strong for one file version: its size and modification time
// (the build rewrites every file it changes).
func etag(st os.FileInfo, variant string) string {
	return fmt.Sprintf(`"%x-%x%s"`, st.Size(), st.ModTime().UnixNano(), variant)
}

// matchETag reports whether an If-None-Match list names tag (or is *).
func matchETag(header, tag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(t), "W/"))
		if t == "*" || t == tag {
			return true
		}
	}
	return false
}

// acceptsGzip reads Accept-Encoding, honouring gzip;q=0.
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(enc), "gzip") {
			continue
		}
		q := strings.ReplaceAll(params, " ", "")
		return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
	}
	return false
}
