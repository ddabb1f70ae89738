package lint

import "testing"

func TestRatingEmotionMismatch(t *testing.T) {
	rate := func(rating, emotion string) string {
		return edit(t, edit(t, base, "rating: red", "rating: "+rating), "emotion: -2", "emotion: "+emotion)
	}
	testRule(t, "rating-emotion-mismatch", []ruleCase{
		{name: "green -2", src: rate("green", "-2"),
			want: []string{`34:18-34:20: warning: step "find-rules" is rated green but its emotion is -2; change the rating or the emotion so they agree (green: 0..2)`}},
		{name: "red +2", src: rate("red", "2"),
			want: []string{`34:18-34:19: warning: step "find-rules" is rated red but its emotion is +2; change the rating or the emotion so they agree (red: -2..0)`}},
		{name: "yellow +2", src: rate("yellow", "2"),
			want: []string{`34:18-34:19: warning: step "find-rules" is rated yellow but its emotion is +2; change the rating or the emotion so they agree (yellow: -2..1)`}},
		{name: "green 0", src: rate("green", "0")},
		{name: "yellow +1", src: rate("yellow", "1")},
		{name: "red 0", src: rate("red", "0")},
		{name: "no emotion", src: edit(t, base, "        emotion: -2\n", "")},
		{name: "unrated", src: edit(t, base, "        rating: red\n", "")},
	})
}
