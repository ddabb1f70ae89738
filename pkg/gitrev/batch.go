package gitrev

import (
	"bufio"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"
)

// Blob is what a revision holds at a path.
type Blob struct {
	// Data is the file's content; nil unless the object is a file within
	// the limit.
	Data []byte
	// Size is the object's size in bytes; Kind its git type (blob, tree,
	// commit for a submodule), "" when missing.
	Size int64
	Kind string
	// Missing: no such path in that revision. NotFile: a directory or a
	// submodule there. TooLarge: a file over the limit (Data is nil and
	// nothing of it was read).
	Missing, NotFile, TooLarge bool
}

// Batch reads blobs through two long-lived git processes: `cat-file
// --batch-check` answers each object's type and size, and only a file
// within the limit is then asked of `cat-file --batch`. A huge blob is
// never read at all.
type Batch struct {
	repo  Repo
	check *pipe
	cat   *pipe
}

// pipe is one git process spoken to line by line.
type pipe struct {
	cmd *exec.Cmd
	in  io.WriteCloser
	out *bufio.Reader
	err error
}

// Batch starts reading blobs; Close ends the git processes.
func (r Repo) Batch() *Batch { return &Batch{repo: r} }

func (r Repo) start(args ...string) *pipe {
	p := &pipe{}
	if _, err := exec.LookPath("git"); err != nil {
		p.err = &Error{"git is not installed or not on PATH"}
		return p
	}
	p.cmd = exec.Command("git", args...)
	p.cmd.Dir = r.Dir
	var err error
	if p.in, err = p.cmd.StdinPipe(); err != nil {
		p.err = err
		return p
	}
	stdout, err := p.cmd.StdoutPipe()
	if err != nil {
		p.err = err
		return p
	}
	p.out = bufio.NewReaderSize(stdout, 64<<10)
	if err := p.cmd.Start(); err != nil {
		p.err = &Error{"cannot start git: " + err.Error()}
	}
	return p
}

// ask sends one object name and reads the header line of the answer.
func (p *pipe) ask(spec string) (string, error) {
	if p.err != nil {
		return "", p.err
	}
	if _, err := io.WriteString(p.in, spec+"\n"); err != nil {
		p.err = &Error{"git cat-file stopped: " + err.Error()}
		return "", p.err
	}
	line, err := p.out.ReadString('\n')
	if err != nil {
		p.err = &Error{"git cat-file stopped: " + err.Error()}
		return "", p.err
	}
	return strings.TrimSuffix(line, "\n"), nil
}

func (p *pipe) close() {
	if p == nil || p.cmd == nil || p.cmd.Process == nil {
		return
	}
	p.in.Close()
	io.Copy(io.Discard, p.out)
	p.cmd.Wait()
}

// Read returns what commit holds at path (relative to the top of the work
// tree), reading the content only when it is a file of at most limit bytes.
func (b *Batch) Read(commit, path string, limit int64) (Blob, error) {
	if strings.ContainsAny(path, "\n\r") {
		return Blob{}, &Error{fmt.Sprintf("path %q holds a line break: cannot be read from git", path)}
	}
	spec := commit + ":" + path
	if b.check == nil {
		b.check = b.repo.start("cat-file", "--batch-check")
	}
	head, err := b.check.ask(spec)
	if err != nil {
		return Blob{}, err
	}
	kind, size, ok := parseHeader(head)
	switch {
	case !ok:
		return Blob{Missing: true}, nil
	case kind != "blob":
		return Blob{NotFile: true, Size: size, Kind: kind}, nil
	case size > limit:
		return Blob{TooLarge: true, Size: size, Kind: kind}, nil
	}
	if b.cat == nil {
		b.cat = b.repo.start("cat-file", "--batch")
	}
	head, err = b.cat.ask(spec)
	if err != nil {
		return Blob{}, err
	}
	if _, n, ok := parseHeader(head); !ok || n != size {
		return Blob{}, &Error{fmt.Sprintf("%s changed while it was read", spec)}
	}
	data := make([]byte, size+1) // content and git's closing newline
	if _, err := io.ReadFull(b.cat.out, data); err != nil {
		b.cat.err = &Error{"git cat-file stopped: " + err.Error()}
		return Blob{}, b.cat.err
	}
	return Blob{Data: data[:size], Size: size, Kind: kind}, nil
}

// parseHeader reads "<oid> <type> <size>"; "<spec> missing" (or
// "ambiguous") is not ok.
func parseHeader(h string) (kind string, size int64, ok bool) {
	f := strings.Fields(h)
	if len(f) != 3 {
		return "", 0, false
	}
	n, err := strconv.ParseInt(f[2], 10, 64)
	if err != nil {
		return "", 0, false
	}
	return f[1], n, true
}

// Close ends the git processes.
func (b *Batch) Close() {
	b.check.close()
	b.cat.close()
}
