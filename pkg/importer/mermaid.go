package importer

import (
	"bufio"
	"bytes"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/cxmap/cxmap/pkg/journey"
)

// Scores maps a Mermaid score (1 to 5) to the emotion and rating that
// `render -f mermaid` maps back to the same score (pkg/render/mermaid
// Score: the mean of emotion+3 and red 1 / yellow 3 / green 5, rounded
// down): 1 -2 red, 2 -1 yellow, 3 0 yellow, 4 1 green, 5 2 green.
var Scores = map[int]struct {
	Emotion int
	Rating  string
}{
	1: {-2, journey.Red}, 2: {-1, journey.Yellow}, 3: {0, journey.Yellow}, 4: {1, journey.Green}, 5: {2, journey.Green},
}

// unescape undoes pkg/render/mermaid's escaping: its look-alikes become the
// characters they stand for again, and a guarding zero-width space goes.
var unescape = strings.NewReplacer("＃", "#", "；", ";", "∶", ":", "%\u200b%", "%%")

func unesc(s string) string {
	return unescape.Replace(strings.TrimPrefix(strings.TrimSpace(s), "\u200b"))
}

// Mermaid imports a Mermaid `journey` diagram (the text of a .mmd file, or
// a markdown file with a ```mermaid block holding one): the title becomes
// the journey's, sections its stages, tasks its steps with the score as
// emotion and rating (Scores), and actors frontstage lanes with a
// touchpoint in each of their tasks. outPath is where the journey will be
// written (its id comes from the title, else from outPath's name).
func Mermaid(path string, data []byte, outPath string) (*Result, error) {
	m := &mermaidReader{path: path, j: &jFile{Cxmap: journey.FormatVersion}, laneIDs: ids{}, stageIDs: ids{}, stepIDs: ids{}, laneOf: map[string]string{}}
	if len(data) > journey.MaxFileSize {
		return nil, m.errAt(0, 0, "file is larger than the %d MiB limit", journey.MaxFileSize>>20)
	}
	lines, first, err := mermaidLines(data)
	if err != nil {
		return nil, m.errAt(0, 0, "%v", err)
	}
	j := m.j
	sawJourney := false
	for i, raw := range lines {
		n := first + i // 1-based line number in the file
		line := strings.TrimSpace(raw)
		if line == "" || strings.HasPrefix(line, "%%") {
			continue
		}
		indent := len(raw) - len(strings.TrimLeft(raw, " \t")) + 1
		lower := strings.ToLower(line)
		switch {
		case !sawJourney:
			if lower != "journey" {
				return nil, m.errAt(n, indent, "not a Mermaid journey: the diagram starts with %q, not \"journey\"", line)
			}
			sawJourney = true
		case strings.HasPrefix(lower, "title ") || lower == "title":
			j.Title = unesc(line[len("title"):])
		case strings.HasPrefix(lower, "acctitle") || strings.HasPrefix(lower, "accdescr"):
			// accessibility texts: not part of the journey
		case strings.HasPrefix(lower, "section ") || lower == "section":
			name := unesc(line[len("section"):])
			if name == "" || name == "-" {
				name = fmt.Sprintf("Stage %d", len(j.Stages)+1)
			}
			m.stage(name)
		default:
			if err := m.task(n, indent, line); err != nil {
				return nil, err
			}
		}
	}
	if !sawJourney {
		return nil, m.errAt(0, 0, "no Mermaid journey found (a line \"journey\", or a ```mermaid block starting with it)")
	}
	if m.tasks == 0 {
		return nil, m.errAt(0, 0, "the journey has no tasks (\"Task name: score: actors\" lines under a section)")
	}
	base := strings.TrimSuffix(filepath.Base(outPath), filepath.Ext(outPath))
	if j.Title == "" {
		j.Title = base
	}
	j.ID = journey.Slug(j.Title)
	if j.ID == "" {
		j.ID = journey.Slug(base)
	}
	if j.ID == "" {
		j.ID = "imported"
	}
	todo := []string{
		"lanes: the channel of each frontstage lane, and the backstage and support lanes Mermaid has no place for",
		"steps: what each touchpoint does, the pains, and the sources the scores rest on (each score became an emotion and a rating)",
	}
	header := []string{"Imported from " + filepath.Base(path) + " (Mermaid journey) by cxmap import.",
		"Scores 1-5 became emotion and rating; lint's placeholder-text marks what is still to be written."}
	return finish(j, header, outPath, todo)
}

// mermaidReader is the journey a Mermaid diagram builds, line by line.
type mermaidReader struct {
	path                       string
	j                          *jFile
	laneIDs, stageIDs, stepIDs ids
	laneOf                     map[string]string // actor name -> lane id
	cur                        *stage
	tasks                      int
}

func (m *mermaidReader) errAt(line, col int, format string, a ...any) error {
	e := &Error{File: m.path, Row: line, Msg: fmt.Sprintf(format, a...)}
	if col > 0 {
		e.Col = strconv.Itoa(col)
	}
	return e
}

// stage starts a stage; the tasks that follow are its steps.
func (m *mermaidReader) stage(name string) {
	m.j.Stages = append(m.j.Stages, stage{ID: m.stageIDs.make(name, "stage"), Name: name})
	m.cur = &m.j.Stages[len(m.j.Stages)-1]
}

// task reads "Task name: score: actors" (line n, from column indent) into
// a step: the score becomes its emotion and rating, each actor a
// frontstage lane it touches.
func (m *mermaidReader) task(n, indent int, line string) error {
	parts := strings.Split(line, ":")
	if len(parts) < 2 {
		return m.errAt(n, indent, "a task is written \"Task name: score: actors\" (score 1 to 5), found %q", line)
	}
	task := unesc(parts[0])
	scoreText := strings.TrimSpace(parts[1])
	score, err := strconv.Atoi(scoreText)
	if err != nil || score < 1 || score > 5 {
		col := indent + len(parts[0]) + 1 + (len(parts[1]) - len(strings.TrimLeft(parts[1], " ")))
		return m.errAt(n, col, "the score of task %q must be a whole number from 1 to 5, found %q", task, scoreText)
	}
	if task == "" || task == "-" {
		task = fmt.Sprintf("Step %d", m.tasks+1)
	}
	if m.cur == nil {
		// Tasks before any section: one stage named after the title.
		name := m.j.Title
		if name == "" {
			name = "Journey"
		}
		m.stage(name)
	}
	sc := Scores[score]
	emotion := sc.Emotion
	st := step{ID: m.stepIDs.make(task, "step"), Action: task, Rating: sc.Rating, Emotion: &emotion}
	if len(parts) > 2 {
		m.actors(&st, strings.Join(parts[2:], ":"))
	}
	m.cur.Steps = append(m.cur.Steps, st)
	m.tasks++
	return nil
}

// actors adds a touchpoint of st for each actor in the comma-separated
// list, once each, with a lane per actor.
func (m *mermaidReader) actors(st *step, list string) {
	for _, a := range strings.Split(list, ",") {
		a = unesc(a)
		if a == "" {
			continue
		}
		id, ok := m.laneOf[a]
		if !ok {
			id = m.laneIDs.make(a, "lane")
			m.laneOf[a] = id
			m.j.Lanes = append(m.j.Lanes, lane{ID: id, Name: a, Zone: journey.Frontstage})
		}
		dup := false
		for _, tp := range st.Touchpoints {
			dup = dup || tp.Lane == id
		}
		if !dup {
			st.Touchpoints = append(st.Touchpoints, contact{Lane: id})
		}
	}
}

// mermaidLines is the journey diagram's lines: the whole file, or the
// first ```mermaid block whose diagram is a journey. first is the file
// line of lines[0].
func mermaidLines(data []byte) (lines []string, first int, err error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var all []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), journey.MaxFileSize)
	for sc.Scan() {
		all = append(all, strings.TrimRight(sc.Text(), "\r"))
	}
	if err := sc.Err(); err != nil {
		return nil, 0, err
	}
	for i := 0; i < len(all); i++ {
		if !strings.HasPrefix(strings.TrimSpace(all[i]), "```mermaid") {
			continue
		}
		end := i + 1
		for end < len(all) && !strings.HasPrefix(strings.TrimSpace(all[end]), "```") {
			end++
		}
		block := all[i+1 : end]
		for _, l := range block {
			if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(t, "%%") {
				if strings.EqualFold(t, "journey") {
					return block, i + 2, nil
				}
				break
			}
		}
		i = end
	}
	return all, 1, nil
}
