// Package testgen writes synthetic but realistic journey files for
// benchmarks and scale tests: every field of the format is used, ratings and
// lanes vary, and the output is deterministic for a given seed.
package testgen

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
)

var (
	ratings  = []string{"green", "yellow", "red"}
	verbs    = []string{"Looks up", "Fills in", "Uploads", "Calls about", "Waits for", "Pays for", "Reads", "Signs", "Books", "Asks about"}
	objects  = []string{"the opening hours", "the application form", "supporting documents", "the status of the claim", "a confirmation email", "the invoice", "the terms and conditions", "an appointment", "the delivery slot", "a refund"}
	channels = []string{"web", "app", "phone", "email", "chat", "in-person"}
)

// Journey returns the YAML of one journey with the given number of steps,
// spread over stages of about eight steps.
func Journey(seed int64, steps int) []byte {
	r := rand.New(rand.NewSource(seed))
	var b strings.Builder
	id := fmt.Sprintf("journey-%d", seed)
	fmt.Fprintf(&b, "cxmap: 1\nid: %s\ntitle: Generated journey %d\nstate: current\nowner: cx-team\nclient: Example Corp\nupdated: 2026-10-01\ntags: [generated, bench]\n", id, seed)
	b.WriteString("description: >\n  A generated journey used to measure cxmap on large inputs.\n")
	b.WriteString("persona:\n  name: Busy customer\n  goal: Get it done in one go\n  expectations: [Clear steps, Fast answers]\n")
	b.WriteString("sources:\n  - id: interviews\n    kind: interview\n    title: Customer interviews\n  - id: analytics\n    kind: analytics\n    title: Web analytics\n")
	b.WriteString("lanes:\n")
	front := []string{"web", "app", "call-centre", "branch"}
	back := []string{"case-worker", "billing", "fulfilment"}
	support := []string{"crm", "payments", "warehouse"}
	for i, l := range front {
		fmt.Fprintf(&b, "  - id: %s\n    name: %s\n    zone: frontstage\n    channel: %s\n", l, title(l), channels[i%len(channels)])
	}
	for _, l := range back {
		fmt.Fprintf(&b, "  - id: %s\n    name: %s\n    zone: backstage\n", l, title(l))
	}
	for _, l := range support {
		fmt.Fprintf(&b, "  - id: %s\n    name: %s\n    zone: support\n", l, strings.ToUpper(l[:1])+l[1:])
	}
	b.WriteString("stages:\n")
	n := 0
	for st := 0; n < steps; st++ {
		fmt.Fprintf(&b, "  - id: stage-%d\n    name: Stage %d\n    steps:\n", st+1, st+1)
		for k := 0; k < 8 && n < steps; k++ {
			n++
			rating := ratings[r.Intn(3)]
			emotion := map[string]int{"green": 1 + r.Intn(2), "yellow": -r.Intn(2), "red": -1 - r.Intn(2)}[rating]
			fmt.Fprintf(&b, "      - id: step-%d\n", n)
			fmt.Fprintf(&b, "        action: %s %s\n", verbs[r.Intn(len(verbs))], objects[r.Intn(len(objects))])
			fmt.Fprintf(&b, "        touchpoints:\n          - lane: %s\n            does: Shows the customer what to do next\n            rating: %s\n", front[r.Intn(len(front))], ratings[r.Intn(3)])
			fmt.Fprintf(&b, "        backstage:\n          - lane: %s\n            does: Checks the request and updates the case\n          - lane: %s\n            does: Stores the record\n", back[r.Intn(len(back))], support[r.Intn(len(support))])
			fmt.Fprintf(&b, "        evidence: [Confirmation email]\n        rating: %s\n        critical: %v\n        emotion: %d\n        sources: [interviews, analytics]\n", rating, r.Intn(4) == 0, emotion)
			if rating != "green" {
				b.WriteString("        pains: [Takes too long, Unclear what happens next]\n")
				b.WriteString("        opportunities:\n          - idea: Send a status update at each stage\n            owner: digital-team\n")
			}
			fmt.Fprintf(&b, "        metrics:\n          - name: Completion rate\n            unit: \"%%\"\n            current: %d\n            target: 90\n            better: higher\n", 40+r.Intn(60))
		}
	}
	return []byte(b.String())
}

// Portfolio writes count journeys of steps steps each into dir.
func Portfolio(dir string, count, steps int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for i := 0; i < count; i++ {
		p := filepath.Join(dir, fmt.Sprintf("journey-%04d.yaml", i))
		if err := os.WriteFile(p, Journey(int64(i), steps), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Tiny is the smallest journey worth drawing in a test: id "tiny", one
// frontstage lane, two stages ("one", "two") of one step each.
const Tiny = `cxmap: 1
id: tiny
title: Tiny journey
lanes:
  - {id: web, name: Web, zone: frontstage}
stages:
  - id: one
    name: One
    steps:
      - id: a
        action: Does a thing
        touchpoints: [{lane: web, does: Shows it}]
  - id: two
    name: Two
    steps:
      - id: b
        action: Does another
`

// title is a lane id as a name: "call-centre" is "Call Centre" (ASCII ids,
// so each word's first byte is its first letter).
func title(id string) string {
	words := strings.Split(id, "-")
	for i, w := range words {
		if w != "" {
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}
