package measure

import (
	"strings"
	"testing"
)

const recordJourney = `cxmap: 1
id: permit
title: Building permit
kpis:
  - name: Applicant NPS   # from the yearly survey
    current: 5
    target: 20
lanes:
  - id: portal
    name: Permit portal
    zone: frontstage
  - id: desk
    name: Front desk
    zone: frontstage
stages:
  - id: apply
    name: Apply
    steps:
      # The first thing an applicant does.
      - id: find-rules
        action: Looks up which permits apply
        touchpoints:
          - lane: portal
          - lane: desk
        rating: red
        metrics:
          - name: csat
            current: 50
            target: 90    # agreed with the client
`

func TestRecordUpdatesInPlace(t *testing.T) {
	data := csvHead + `permit,,,nps,10,2026-03-01,a,
permit,,,nps,3,2026-03-02,b,
permit,find-rules,portal,csat,5,2026-03-01,a,
permit,find-rules,desk,csat,2,2026-03-02,b,
permit,find-rules,desk,csat,4,2026-03-02,c,
`
	c, err := collect(t, data, known(t))
	if err != nil {
		t.Fatal(err)
	}
	figs := c.Figures()
	out, rec, err := c.Record("permit.yaml", []byte(recordJourney), "permit", figs, DefaultThresholds)
	if err != nil {
		t.Fatal(err)
	}
	got := string(out)
	for _, want := range []string{
		"  - name: Applicant NPS   # from the yearly survey\n    current: 0\n    target: 20\n    n: 2\n",
		"          - name: csat\n            unit: '%'\n            current: 66.67\n            target: 90    # agreed with the client\n            n: 3\n            interval: [20.77, 93.85]\n            sources: [survey-data]\n",
		"          - name: CSAT\n            lane: desk\n            unit: '%'\n            current: 50\n            target: 80\n            n: 2\n",
		"      # The first thing an applicant does.\n",
		"  - id: survey-data\n    kind: survey\n    title: 'Survey: data'\n    date: 2026-03-02\n    n: 3\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing:\n%s\nin:\n%s", want, got)
		}
	}
	if rec.KPIs != 1 || rec.Sources != 1 || rec.Metrics != 3 {
		t.Errorf("recorded %+v", rec)
	}
	again, _, err := c.Record("permit.yaml", out, "permit", figs, DefaultThresholds)
	if err != nil || string(again) != got {
		t.Errorf("second record changed the file (%v):\n%s", err, again)
	}
}

func TestFindKPIByWord(t *testing.T) {
	src := strings.Replace(recordJourney, "  - name: Applicant NPS   # from the yearly survey\n", "  - name: NPS of applicants\n    current: 1\n  - name: Applicant NPS   # from the yearly survey\n", 1)
	c, err := collect(t, csvHead+"permit,,,nps,10,2026-03-01,a,\n", known(t))
	if err != nil {
		t.Fatal(err)
	}
	out, _, err := c.Record("permit.yaml", []byte(src), "permit", c.Figures(), DefaultThresholds)
	if err != nil {
		t.Fatal(err)
	}
	// Two KPIs have the word: neither is taken, a KPI named NPS is added.
	if !strings.Contains(string(out), "  - name: NPS\n    current: 100\n    target: 30\n") {
		t.Errorf("no new NPS KPI:\n%s", out)
	}
}
