#!/usr/bin/env bash
# Your first small wins, end to end, on an embedded SQLite file (no server):
# builds the CLI, creates a district with a school and a team, records a success and a lesson,
# celebrates one, then lists, filters and searches them, and shows the dashboard and the weekly digest.
#   bash Scripts/first-wins.sh [DATABASE]      (default: first-wins.sqlite)
set -euo pipefail
cd "$(dirname "$0")/.."

swift build --product smallwins >/dev/null
smallwins="$(swift build --show-bin-path)/smallwins"
export SMALLWINS_DATABASE="${1:-first-wins.sqlite}"
rm -f "$SMALLWINS_DATABASE" "$SMALLWINS_DATABASE-wal" "$SMALLWINS_DATABASE-shm"
run() {
  local shown=""
  for argument in "$@"; do
    if [[ "$argument" =~ [[:space:]\'\;\!] ]]; then shown+=" \"$argument\""; else shown+=" $argument"; fi
  done
  echo "\$ smallwins$shown"
  "$smallwins" "$@"
  echo
}

run init --team "Riverside District"
run team add "Village Elementary" --kind school --parent "Riverside District"
run team add "Grade 3" --parent "Village Elementary"
run member add "Maria Lopez" --email maria@riverside.org --team "Grade 3" --role lead
run member add "Sam Carter" --team "Grade 3"
run theme add "Fluency" --in "Riverside District" --description "Reading with accuracy, pace and expression"
run group add "Multilingual learners" --in "Riverside District"
run goal add "Every reader reads fluently by spring" --team "Village Elementary" \
  --looks-like "students reread to a partner" --sounds-like "I can read this!" --feels-like "confident" \
  --focus "Multilingual learners" --start 2026-08-24 --end 2027-06-11
run question add "Does partner reading help our multilingual learners?" --team "Grade 3" \
  --goal "Every reader reads fluently by spring"
run attempt add "Partner reading, ten minutes a day" --question "Does partner reading help our multilingual learners?" --status underway
run win add --kind lesson --team "Grade 3" --author "Maria Lopez" --day 2026-11-18 \
  --title "Partner reading fell flat" \
  --story "My pairs drifted off task; the stronger reader did all the reading." \
  --learned "Pairs need roles: a reader and a coach." --next "Try reader/coach cards on Monday." \
  --goal "Every reader reads fluently by spring" --attempt "Partner reading, ten minutes a day" \
  --theme Fluency --group "Multilingual learners"
run win add --team "Grade 3" --author "Maria Lopez" --day 2026-11-24 \
  --title "Coach cards worked" \
  --story "With reader/coach cards every pair stayed on task, and Ana read a whole page aloud." \
  --goal "Every reader reads fluently by spring" --attempt "Partner reading, ten minutes a day" \
  --theme Fluency --group "Multilingual learners" --shout-out "Sam Carter"
win=$("$smallwins" win list --all --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
run celebrate "$win" --by "Sam Carter" --confetti --message "Ana's face when she finished!"
run win list
run win list --theme Fluency --kind lesson
run win list --text "coach cards"
run win show "$win"
run dashboard --team "Village Elementary" --year 2026 --by month
run digest --team "Grade 3" --week 2026-11-24
echo "Your database is $SMALLWINS_DATABASE. Try: swift run smallwins win list --database $SMALLWINS_DATABASE"
