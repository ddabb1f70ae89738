package journey

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
)

// Patterns of the schema other than the id slug, with what the walker says
// about a value that does not fit (the schema keeps the pattern, so editors
// check it too).
const (
	durationPattern = `^[0-9]+(\.[0-9]+)?[mhdw]$`
	urlPattern      = `^(https?://[^\s/]+[^\s]*|[^/\\:][^:]*)$`
)

var urlRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(urlPattern) })

var patternExplain = map[string]func(string) string{
	durationPattern: func(s string) string {
		if _, err := ParseDuration(strings.TrimSpace(s)); err == nil && s == strings.TrimSpace(s) {
			return ""
		}
		if strings.HasPrefix(s, "-") {
			return "a duration cannot be negative: write how long the step takes, e.g. 2d"
		}
		if w := strings.Fields(s); len(w) == 2 {
			if u := unitWord(w[1]); u != "" {
				return fmt.Sprintf("write a number and a one-letter unit with no space: %s%s", w[0], u)
			}
		}
		if _, err := ParseDuration(s); err != nil {
			return err.Error()
		}
		return "write a number and a unit m, h, d or w, e.g. 30m, 1.5h, 2d, 3w"
	},
	urlPattern: func(s string) string {
		if urlRe().MatchString(s) {
			return ""
		}
		return "write an http:// or https:// URL, or a path relative to this file"
	},
}

// unitWord maps a spelled-out unit to its letter.
func unitWord(w string) string {
	w = strings.ToLower(strings.TrimSuffix(strings.ToLower(w), "s"))
	switch w {
	case "minute", "min", "mn":
		return "m"
	case "hour", "hr":
		return "h"
	case "day":
		return "d"
	case "week", "wk":
		return "w"
	}
	return ""
}

// enumSynonyms are words people use for an allowed value.
var enumSynonyms = map[string]string{
	"amber": "yellow", "orange": "yellow", "ok": "yellow", "neutral": "yellow",
	"good": "green", "fine": "green", "bad": "red", "poor": "red",
	"front": "frontstage", "back": "backstage", "high-priority": "high",
	"med": "medium", "mid": "medium", "normal": "medium",
	"todo": "idea", "proposed": "idea", "doing": "in-progress", "wip": "in-progress",
	"in progress": "in-progress", "started": "in-progress", "complete": "done", "completed": "done",
	"shipped": "done", "cancelled": "dropped", "canceled": "dropped", "rejected": "dropped",
	"text": "sms", "texts": "sms", "video-call": "video", "face-to-face": "in-person", "in person": "in-person",
	"telephone": "phone", "post": "mail", "letter": "mail", "website": "web", "mobile": "app",
}

// enumHint suggests the allowed value someone probably meant.
func enumHint(v string, enum []string) string {
	lv := strings.ToLower(strings.TrimSpace(v))
	for _, e := range enum {
		if lv == e && v != e {
			return fmt.Sprintf("; did you mean %q?", e)
		}
	}
	if m, ok := enumSynonyms[lv]; ok {
		for _, e := range enum {
			if e == m {
				return fmt.Sprintf("; did you mean %s?", e)
			}
		}
	}
	if m := suggest(lv, enum); m != "" {
		return fmt.Sprintf("; did you mean %s?", m)
	}
	return ""
}
