#!/usr/bin/env bash
# Installs cxmap for the GitHub Action (action.yml): the release archive for
# this runner's OS and architecture, verified against the release's
# checksums.txt; or, when the version is not a release number, `go install`
# at that commit or branch; or, for "local", a build of the action's own
# checkout. Puts cxmap on GITHUB_PATH and writes `version` and `path` to
# GITHUB_OUTPUT.
#
# Environment: INPUT_VERSION (latest, 1.2.3, v1.2.3, a commit or branch,
# local), RUNNER_OS (Linux, macOS, Windows), RUNNER_ARCH (X64, ARM64),
# RUNNER_TEMP, GITHUB_PATH, GITHUB_OUTPUT, GITHUB_ACTION_PATH.
# CXMAP_RELEASE_URL overrides https://github.com/cxmap/cxmap/releases
# (tests point it at a file:// directory).
set -euo pipefail
# shellcheck source=scripts/action/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

die() { echo "::error title=cxmap install::$(gh_data "$*")" >&2; exit 1; }

# A line break in the version would start a new log line (which the runner
# could read as a workflow command): refused without echoing it.
has_control "${INPUT_VERSION:-}" && die "the version input holds a line break or another control character; give one version on one line (latest, 1.2.3, a commit, local)"
version=${INPUT_VERSION:-latest}
case "$version" in
-*) die "the version input starts with -; give latest, 1.2.3, a commit, a branch or local" ;;
esac
releases=${CXMAP_RELEASE_URL:-https://github.com/cxmap/cxmap/releases}
module=github.com/cxmap/cxmap/cmd/cxmap
action_path=${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/../.." && pwd)}

case "${RUNNER_OS:-$(uname -s)}" in
Linux) os=linux ;;
macOS | Darwin) os=darwin ;;
Windows | MINGW* | MSYS* | CYGWIN*) os=windows ;;
*) die "unsupported runner OS ${RUNNER_OS:-$(uname -s)}" ;;
esac
case "${RUNNER_ARCH:-$(uname -m)}" in
X64 | x86_64 | amd64) arch=amd64 ;;
ARM64 | arm64 | aarch64) arch=arm64 ;;
*) die "unsupported runner architecture ${RUNNER_ARCH:-$(uname -m)} (releases are built for X64 and ARM64)" ;;
esac
exe=cxmap
[ "$os" = windows ] && exe=cxmap.exe

work=$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/cxmap-install.XXXXXX")
bindir="$work/bin"
mkdir -p "$bindir"

sha256() {
	if command -v sha256sum >/dev/null; then
		sha256sum "$1" | cut -d' ' -f1
	else
		shasum -a 256 "$1" | cut -d' ' -f1
	fi
}

if [ "$version" = local ]; then
	echo "Building cxmap from $action_path"
	(cd "$action_path" && go build -o "$bindir/$exe" ./cmd/cxmap)
elif [ "$version" = latest ] || [[ "$version" =~ ^v?[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$ ]]; then
	if [ "$version" = latest ]; then
		# github.com/OWNER/REPO/releases/latest redirects to .../tag/vX.Y.Z
		tag=$(curl -fsSL -o /dev/null -w '%{url_effective}' "$releases/latest") || die "cannot find the latest release at $releases/latest"
		tag=${tag##*/}
		[[ "$tag" =~ ^v[0-9] ]] || die "cannot find the latest release at $releases/latest (got $tag)"
		version=$tag
	fi
	v=${version#v}
	ext=tar.gz
	[ "$os" = windows ] && ext=zip
	archive="cxmap_${v}_${os}_${arch}.${ext}"
	echo "Downloading $archive (cxmap v$v)"
	curl -fsSL -o "$work/$archive" "$releases/download/v$v/$archive" || die "cannot download $releases/download/v$v/$archive"
	curl -fsSL -o "$work/checksums.txt" "$releases/download/v$v/checksums.txt" || die "cannot download $releases/download/v$v/checksums.txt"
	want=$(awk -v f="$archive" '$2 == f || $2 == "*" f { print $1 }' "$work/checksums.txt")
	[ -n "$want" ] || die "checksums.txt of v$v has no line for $archive"
	got=$(sha256 "$work/$archive")
	[ "$got" = "$want" ] || die "checksum mismatch for $archive: got $got, checksums.txt says $want"
	echo "Checksum verified: $got"
	mkdir -p "$work/x"
	if [ "$ext" = zip ]; then
		if command -v unzip >/dev/null; then
			unzip -q "$work/$archive" -d "$work/x"
		else
			7z x -y -o"$work/x" "$work/$archive" >/dev/null
		fi
	else
		tar -xzf "$work/$archive" -C "$work/x"
	fi
	[ -f "$work/x/$exe" ] || die "$archive holds no $exe"
	mv "$work/x/$exe" "$bindir/$exe"
	chmod +x "$bindir/$exe"
else
	echo "Installing cxmap with go install $module@$version"
	command -v go >/dev/null || die "version $version is not a release, and go is not installed to build it (add actions/setup-go)"
	GOBIN="$bindir" go install "$module@$version"
fi

"$bindir/$exe" version
installed=$("$bindir/$exe" version --json | sed -n 's/^ *"version": "\(.*\)",*$/\1/p')
echo "$bindir" >>"${GITHUB_PATH:-/dev/null}"
{
	echo "version=$installed"
	echo "path=$bindir/$exe"
} >>"${GITHUB_OUTPUT:-/dev/null}"
