#!/usr/bin/env bash
# Builds and runs a new app that depends on SmallWinsSQLite alone, as GettingStarted.md shows with a path
# dependency, and fails if the build compiled PostgresNIO, SwiftNIO or the server: an app that wants only SQLite
# must not pay for them. Prints the build time.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
ln -s "$repo" "$work/SmallWins"
mkdir -p "$work/MyApp/Sources/MyApp"
cat > "$work/MyApp/Package.swift" <<'SWIFT'
// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "MyApp",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "../SmallWins")],
    targets: [
        .executableTarget(name: "MyApp", dependencies: [.product(name: "SmallWinsSQLite", package: "SmallWins")]),
    ]
)
SWIFT
cat > "$work/MyApp/Sources/MyApp/main.swift" <<'SWIFT'
import Foundation
import SmallWins
import SmallWinsSQLite

let path = FileManager.default.temporaryDirectory.appendingPathComponent("myapp-\(UUID()).sqlite").path
let store = try await SQLiteStore(path: path)
let district = try await store.create(Team(name: "Gorham Schools", kind: .district))
let maria = try await store.create(Member(name: "Maria Lopez", in: district.id))
_ = try await store.create(Membership(member: maria.id, team: district.id))
let session = try await MemberSession(member: maria.id, store: store)
let win = try await session.record(WinDraft(team: district.id, kind: .success, title: "It builds", story: "With SQLite alone.", day: Day.today()))
print("recorded \(win.title) by \(try await session.member(win.author).name)")
SWIFT
cd "$work/MyApp"
start=$(date +%s)
swift build --scratch-path "$work/build" 2>&1 | tail -1
echo "first build of an app using SmallWinsSQLite: $(( $(date +%s) - start )) s"
"$work/build/debug/MyApp"
# SwiftPM makes a folder for every target of the graph; a module it compiled has a .swiftmodule.
compiled=$(ls "$work/build/debug/Modules" | sed -n 's/\.swiftmodule$//p')
echo "compiled modules: $(echo $compiled)"
built=$(echo "$compiled" \
    | grep -E '^(PostgresNIO|NIOCore|NIOPosix|SmallWinsPostgres|SmallWinsServer|Hummingbird)$' | sort -u | tr '\n' ' ' || true)
if [ -n "$built" ]; then
    echo "an app using only SmallWinsSQLite compiled: $built" >&2
    exit 1
fi
echo "built neither PostgresNIO, SwiftNIO nor the server"
