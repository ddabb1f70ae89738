package textsafe

import "strings"

var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`,
	"<", "&lt;", ">", "&gt;", "#", `\#`,
	"@", "@&#8203;",
	"\r\n", "<br>", "\n", "<br>", "\r", "<br>",
)

// Markdown shows text as written in GitHub-flavoured Markdown, inside a
// table cell, a heading or a list item: markup characters are escaped, a
// pipe cannot end a table cell, a line break becomes <br>, and an @ is
// followed by a zero-width space (&#8203;) so that "@user" or "@org/team"
// does not notify anyone when the Markdown is posted as a comment. Control
// characters are shown as Block shows them.
func Markdown(s string) string { return mdEscaper.Replace(Block(s)) }

var codeEscaper = strings.NewReplacer("`", "'", "|", `\|`, "\n", " ")

// Code makes text safe inside `code` in Markdown: a backtick would end the
// span and GitHub still splits table cells on |; mentions do not work
// inside code, so an @ stays as it is.
func Code(s string) string { return codeEscaper.Replace(Line(s)) }
