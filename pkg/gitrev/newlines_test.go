package gitrev

import (
	"reflect"
	"testing"
)

func TestParseUnified(t *testing.T) {
	out := "diff --git a/j.yaml b/j.yaml\nindex 1..2 100644\n--- a/j.yaml\n+++ b/j.yaml\n" +
		"@@ -3 +3 @@ stages:\n-      - {id: a, rating: red}\n+      - {id: a, rating: yellow}\n" +
		"@@ -10,0 +11,2 @@\n+++ not a header\n+diff --git a/x b/x\n" +
		"@@ -20,3 +22,0 @@\n-a\n-b\n-c\n" +
		"diff --git a/new.yaml b/new.yaml\nnew file mode 100644\nindex 0..1\n--- /dev/null\n+++ b/new.yaml\n@@ -0,0 +1,2 @@\n+a\n+b\n" +
		"diff --git a/gone.yaml b/gone.yaml\ndeleted file mode 100644\n--- a/gone.yaml\n+++ /dev/null\n@@ -1 +0,0 @@\n-a\n" +
		"diff --git a/old.yaml b/moved.yaml\nsimilarity index 100%\nrename from old.yaml\nrename to moved.yaml\n" +
		"diff --git a/o.yaml b/\"r\\303\\251 q.yaml\"\nsimilarity index 90%\nrename from o.yaml\nrename to r\\303\\251 q.yaml\n--- a/o.yaml\n+++ \"b/r\\303\\251 q.yaml\"\n@@ -5 +5 @@\n-x\n+y\n"
	got, err := parseUnified([]byte(out))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]*Lines{
		"j.yaml":    {Ranges: [][2]int{{3, 3}, {11, 12}}},
		"new.yaml":  {All: true, Ranges: [][2]int{{1, 2}}},
		"ré q.yaml": {Ranges: [][2]int{{5, 5}}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v", got)
		for k, v := range got {
			t.Logf("%q: %+v", k, *v)
		}
	}
	if _, err := parseUnified([]byte("diff --git a/x b/x\n+++ b/x\n@@ nonsense @@\n")); err == nil {
		t.Error("a bad hunk header was accepted")
	}
}

func TestLinesHas(t *testing.T) {
	l := &Lines{Ranges: [][2]int{{3, 3}, {11, 12}}}
	for line, want := range map[int]bool{0: true, 2: false, 3: true, 4: false, 11: true, 12: true, 13: false} {
		if got := l.Has(line); got != want {
			t.Errorf("Has(%d) = %v, want %v", line, got, want)
		}
	}
	var none *Lines
	if none.Has(1) || none.Has(0) {
		t.Error("a file not changed has changed lines")
	}
	if !(&Lines{All: true}).Has(99) {
		t.Error("a new file's line is not new")
	}
	if (&Lines{}).Has(0) {
		t.Error("a pure rename has a changed whole-file line")
	}
}
