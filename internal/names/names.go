// Package names turns a registry (a map from a name to what it names:
// formats, rules) into what people see of it: the sorted list for help
// text and shell completion, and an error with a "did you mean" for a
// mistyped name. Registries are the only lists; nothing else types the
// names out.
package names

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Sorted returns the names of a registry, sorted.
func Sorted[V any](registry map[string]V) []string {
	return slices.Sorted(maps.Keys(registry))
}

// List is the sorted names joined for a message: "csv, json, markdown".
func List[V any](registry map[string]V) string {
	return strings.Join(Sorted(registry), ", ")
}

// Lookup returns the entry for name, or an error naming the choices and,
// when one is close, suggesting it: `format "jsn" is not one of csv, json,
// markdown, table; did you mean "json"?`. what is the kind of name
// ("format").
func Lookup[V any](what, name string, registry map[string]V) (V, error) {
	v, ok := registry[name]
	if ok {
		return v, nil
	}
	msg := fmt.Sprintf("%s %q is not one of %s", what, name, List(registry))
	if s := Suggest(name, Sorted(registry)); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	}
	return v, fmt.Errorf("%s", msg)
}

// Suggest returns the candidate closest to s by edit distance when it is
// close enough to be a likely typo, or "".
func Suggest(s string, candidates []string) string {
	best, bestD := "", 1<<30
	for _, c := range candidates {
		if d := editDistance(s, c); d < bestD {
			best, bestD = c, d
		}
	}
	limit := max(1, len([]rune(s))/3)
	if bestD <= limit {
		return best
	}
	return ""
}

// editDistance is the Levenshtein distance, counting an adjacent swap as one
// edit (so "touchpionts" is one edit from "touchpoints").
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
