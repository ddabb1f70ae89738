package testgen

import (
	"fmt"
	"regexp"
	"strings"
)

var (
	stepStart = regexp.MustCompile(`(?m)^      - id: step-(\d+)\n`)
	ratingRe  = regexp.MustCompile(`(?m)^        rating: \w+\n`)
	emotionRe = regexp.MustCompile(`(?m)^        emotion: -?\d+\n`)
	laneRe    = regexp.MustCompile(`(?m)^          - lane: (\S+)\n            does: Shows`)
)

// Pair returns a current state of steps steps (Journey(seed, steps)) and a
// future state of it that exercises every step class of the comparison
// (pkg/diff): steps rated better, rated worse on new evidence only
// (re-rated), rated worse on another channel with a new source (the
// regression of issue 20's pay-fee step), given only a new pain, removed,
// replaced by a new step, and left alone. The future names current.yaml as
// its baseline.
func Pair(seed int64, steps int) (current, future []byte) {
	current = Journey(seed, steps)
	src := string(current)
	src = strings.Replace(src, fmt.Sprintf("id: journey-%d\n", seed), fmt.Sprintf("id: journey-%d-future\n", seed), 1)
	src = strings.Replace(src, fmt.Sprintf("title: Generated journey %d\n", seed), fmt.Sprintf("title: Generated journey %d (future state)\n", seed), 1)
	src = strings.Replace(src, "state: current\n", "state: future\nbaseline: current.yaml\n", 1)
	locs := stepStart.FindAllStringSubmatchIndex(src, -1)
	var b strings.Builder
	b.WriteString(src[:locs[0][0]])
	for i, loc := range locs {
		end := len(src)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		block := src[loc[0]:end]
		// A stage header between two steps stays with the later one.
		tail := ""
		if k := strings.Index(block, "\n  - id: stage-"); k >= 0 {
			block, tail = block[:k+1], block[k+1:]
		}
		switch i % 8 {
		case 1: // better
			block = ratingRe.ReplaceAllString(block, "        rating: green\n")
			block = emotionRe.ReplaceAllString(block, "        emotion: 2\n")
		case 2: // worse, new evidence only
			block = ratingRe.ReplaceAllString(block, "        rating: red\n")
			block = emotionRe.ReplaceAllString(block, "        emotion: -2\n")
			block = strings.Replace(block, "sources: [interviews, analytics]", "sources: [interviews]", 1)
		case 3: // worse on another channel, with a new source
			block = ratingRe.ReplaceAllString(block, "        rating: red\n")
			block = emotionRe.ReplaceAllString(block, "        emotion: -2\n")
			block = laneRe.ReplaceAllStringFunc(block, func(m string) string {
				if strings.Contains(m, "lane: web\n") {
					return strings.Replace(m, "lane: web", "lane: app", 1)
				}
				return laneRe.ReplaceAllString(m, "          - lane: web\n            does: Shows")
			})
			block = strings.Replace(block, "sources: [interviews, analytics]", "sources: [analytics]", 1)
		case 4: // a new pain only
			if strings.Contains(block, "pains: [") {
				block = strings.Replace(block, "pains: [", "pains: [The confirmation never arrives, ", 1)
			} else {
				block = strings.Replace(block, "        metrics:\n", "        pains: [The confirmation never arrives]\n        metrics:\n", 1)
			}
		case 5: // removed, or replaced by a new step
			if i%16 == 5 {
				block = ""
			} else {
				block = strings.Replace(block, "id: step-", "id: new-step-", 1)
			}
		}
		b.WriteString(block)
		b.WriteString(tail)
	}
	return current, []byte(b.String())
}
