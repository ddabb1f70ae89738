#!/usr/bin/env bash
# The Action's last step (action.yml), after actions/upload-artifact has
# uploaded the pictures run.sh drew: one line in the job summary linking
# the artifact, with how many pictures it holds. Nothing is committed: the
# pictures live in the run's artifact only.
#
# Environment: ARTIFACT_URL (upload-artifact's artifact-url output),
# ARTIFACT_NAME (the pictures-artifact input), PICTURES (run.sh's pictures
# output: the directory uploaded), GITHUB_STEP_SUMMARY.
set -uo pipefail
# shellcheck source=scripts/action/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

summary=${GITHUB_STEP_SUMMARY:-/dev/null}
url=${ARTIFACT_URL:-}
name=${ARTIFACT_NAME:-cxmap-diff-pictures}
# The URL goes into a Markdown link as it is: only a plain https URL of
# characters that need no escaping there is taken.
case "$url" in
https://*) ;;
*)
	echo "::warning title=cxmap::the pictures' artifact has no https URL; they are in the run's artifacts"
	exit 0
	;;
esac
if has_control "$url" || has_control "$name" || [ -n "$(printf '%s' "$url" | LC_ALL=C tr -d 'A-Za-z0-9:/._~%?=&#+-')" ]; then
	echo "::warning title=cxmap::the pictures' artifact URL or name is not plain; they are in the run's artifacts"
	exit 0
fi
n=0
svg=0
if [ -n "${PICTURES:-}" ] && [ -d "$PICTURES" ]; then
	for f in "$PICTURES"/*; do
		[ -e "$f" ] || continue
		n=$((n + 1))
		case "$f" in
		*.svg) svg=$((svg + 1)) ;;
		esac
	done
fi
what="$svg journeys"
[ "$svg" = 1 ] && what="1 journey"
{
	echo
	echo "🖼️ **Pictures of the changes** ($what, SVG and PNG, each marking what is new, removed and re-rated): [$(md_escape "$name")]($url)"
} >>"$summary"
