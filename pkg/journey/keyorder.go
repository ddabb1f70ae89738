package journey

// KeyOrder is the canonical order of the keys of each kind of mapping in a
// journey or catalog file: the order docs/format.md's tables give them in
// (a test keeps the two equal, and checks every key the schema allows is
// listed). `cxmap fmt` writes keys in this order, and pkg/yamledit inserts a
// new key at its place in it. It is the only list of that order.
var KeyOrder = map[string][]string{
	"journey":     {"cxmap", "id", "title", "state", "owner", "client", "updated", "tags", "description", "persona", "personas", "kpis", "baseline", "uses", "sources", "lanes", "stages"},
	"catalog":     {"cxmap-catalog", "id", "title", "description", "lanes", "personas", "sources"},
	"persona":     {"id", "name", "goal", "expectations"},
	"source":      {"id", "kind", "title", "url", "date", "n"},
	"lane":        {"id", "name", "zone", "channel"},
	"stage":       {"id", "name", "steps"},
	"step":        {"id", "action", "personas", "duration", "touchpoints", "backstage", "evidence", "rating", "critical", "emotion", "sources", "pains", "quotes", "opportunities", "metrics", "next"},
	"contact":     {"lane", "does", "rating"},
	"opportunity": {"id", "idea", "owner", "priority", "impact", "effort", "status"},
	"metric":      {"name", "unit", "current", "target", "better", "sources"},
	"quote":       {"text", "source", "persona"},
}

// MappingKind names the kind of mapping (a key of KeyOrder) found at keys,
// the path of keys from the file's root to the mapping with list indexes
// left out (["stages", "steps"] is a step). catalog tells a catalog's root
// from a journey's. "" when the path is not one of the format's mappings.
func MappingKind(keys []string, catalog bool) string {
	if len(keys) == 0 {
		if catalog {
			return "catalog"
		}
		return "journey"
	}
	last := keys[len(keys)-1]
	switch len(keys) {
	case 1:
		switch last {
		case "persona", "personas":
			return "persona"
		case "kpis":
			return "metric"
		case "sources":
			return "source"
		case "lanes":
			return "lane"
		case "stages":
			return "stage"
		}
	case 2:
		if keys[0] == "stages" && last == "steps" {
			return "step"
		}
	case 3:
		if keys[0] != "stages" || keys[1] != "steps" {
			return ""
		}
		switch last {
		case "touchpoints", "backstage":
			return "contact"
		case "quotes":
			return "quote"
		case "opportunities":
			return "opportunity"
		case "metrics":
			return "metric"
		}
	}
	return ""
}

// KeyOrderAt is the canonical key order of the mapping at keys (see
// MappingKind), nil when there is none.
func KeyOrderAt(keys []string, catalog bool) []string {
	return KeyOrder[MappingKind(keys, catalog)]
}
