#!/usr/bin/env bash
# Helpers shared by the Action's scripts (install.sh, run.sh): how text
# from the inputs or from git reaches the log and the job summary.
#
# The scripts print as few names as they can: file names reach the log only
# through cxmap's own output (lint -f github, diff -f markdown), which
# escapes them. What the shell still prints goes through these functions,
# which follow cxmap's rules character for character:
#   gh_data      pkg/findings/github.go githubData (a workflow command's message)
#   gh_property  pkg/findings/github.go githubProperty (file=, title=, ...)
#   md_escape    internal/textsafe Markdown (a table cell, heading or list item)
# internal/disttest/action_test.go checks them against the Go code.
#
# Written for bash 3.2 (macOS's /bin/bash) and later: no mapfile, no
# ${x//p/r} on text (bash 5.2's patsub_replacement gives & a meaning
# there), one byte at a time in the C locale instead.

# has_control S: true when S holds a line break or another control
# character (C0 or DEL), which an input naming one thing never needs.
has_control() {
	local LC_ALL=C
	case "$1" in
	*[[:cntrl:]]*) return 0 ;;
	esac
	return 1
}

# gh_data S: S escaped as the runner unescapes a workflow command's message:
# % CR LF.
gh_data() {
	local LC_ALL=C s=$1 out='' c i
	for ((i = 0; i < ${#s}; i++)); do
		c=${s:i:1}
		case "$c" in
		%) out+='%25' ;;
		$'\r') out+='%0D' ;;
		$'\n') out+='%0A' ;;
		*) out+=$c ;;
		esac
	done
	printf '%s' "$out"
}

# gh_property S: S escaped as a workflow command's property value, where
# : and , also delimit.
gh_property() {
	local LC_ALL=C s=$1 out='' c i
	for ((i = 0; i < ${#s}; i++)); do
		c=${s:i:1}
		case "$c" in
		%) out+='%25' ;;
		$'\r') out+='%0D' ;;
		$'\n') out+='%0A' ;;
		:) out+='%3A' ;;
		,) out+='%2C' ;;
		*) out+=$c ;;
		esac
	done
	printf '%s' "$out"
}

# md_escape S: S shown as written in GitHub-flavoured Markdown: markup
# characters escaped with a backslash, < > as entities, a line break
# (CRLF, CR, LF) as <br>, a tab as a space, another control character as
# \xNN, and @ followed by a zero-width space (&#8203;) so that no one is
# mentioned. (textsafe also shows C1 controls and U+2028/9; the scripts
# refuse every control character in the inputs they print, so only
# cxmap's own output lines reach this with any.)
md_escape() {
	local LC_ALL=C s=$1 out='' c i x
	for ((i = 0; i < ${#s}; i++)); do
		c=${s:i:1}
		case "$c" in
		\\ | '|' | '*' | '_' | '`' | '[' | ']' | '#') out+="\\$c" ;;
		'<') out+='&lt;' ;;
		'>') out+='&gt;' ;;
		'@') out+='@&#8203;' ;;
		$'\r')
			[ "${s:i+1:1}" = $'\n' ] && i=$((i + 1))
			out+='<br>'
			;;
		$'\n') out+='<br>' ;;
		$'\t') out+=' ' ;;
		[[:cntrl:]])
			printf -v x '\\\\x%02x' "'$c"
			out+=$x
			;;
		*) out+=$c ;;
		esac
	done
	printf '%s' "$out"
}
