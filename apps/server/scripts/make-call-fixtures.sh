#!/usr/bin/env bash
# Makes the call-recording fixtures in apps/server/test/fixtures/calls/ from scripted dialogue.
#
#   apps/server/scripts/make-call-fixtures.sh            (needs espeak-ng and ffmpeg: apt-get install espeak-ng ffmpeg)
#
# Each call is a short two-party sales call read by two espeak-ng voices. The rep is on the LEFT channel
# and the customer on the RIGHT channel of a stereo MP3 (16 kHz, 32 kb/s, plain stereo: joint stereo, like
# Opus below about 32 kb/s, lets one speaker bleed into the other channel; bit-exact, no metadata), the
# way most phone systems record dual-channel calls. Lines follow each other with a fixed pause; each
# line's start and end (leading and trailing silence trimmed) go into <name>.transcript.json in the
# ZSuppliedTranscript shape ({"segments":[{"speaker","start","end","text"}]}), so the file is the ground
# truth for the recording. `not-audio.mp3` is a text file named like a recording (for the error path).
#
# Deterministic: the same espeak-ng and ffmpeg versions produce the same bytes (made with espeak-ng 1.51
# and ffmpeg 5.1 on Debian 12). Dialogue lines must not contain double quotes or backslashes (they are
# written into JSON as they are).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../test/fixtures/calls"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

SPEED=150          # espeak-ng words per minute
PAUSE=0.6          # seconds between one line's end and the next line's start
LEAD_IN=0.8        # seconds of silence before the first line
TAIL=0.8           # seconds of silence after the last line
RATE=22050         # espeak-ng's output rate

ff() { ffmpeg -hide_banner -nostdin -v error -y "$@"; }

# make_call NAME REP_VOICE CUSTOMER_VOICE  (lines on stdin: "rep|text" or "customer|text")
make_call() {
  local name="$1" rep_voice="$2" customer_voice="$3"
  local t="$LEAD_IN" i=0 speaker text voice wav bytes dur start end
  local -a rep_inputs=() customer_inputs=() rep_delays=() customer_delays=()
  local segments=""
  while IFS='|' read -r speaker text; do
    [ -z "$speaker" ] && continue
    if [[ "$text" == *'"'* || "$text" == *'\'* ]]; then
      echo "make-call-fixtures: no quotes or backslashes in lines: $text" >&2
      exit 1
    fi
    voice="$rep_voice"
    [ "$speaker" = customer ] && voice="$customer_voice"
    wav="$work/$name-$i.wav"
    espeak-ng -v "$voice" -s "$SPEED" -w "$work/raw.wav" "$text"
    # Trim leading and trailing silence so the timings are those of the speech itself.
    ff -i "$work/raw.wav" -fflags +bitexact -map_metadata -1 -af \
      "silenceremove=start_periods=1:start_threshold=-50dB,areverse,silenceremove=start_periods=1:start_threshold=-50dB,areverse" \
      -ar "$RATE" -ac 1 -c:a pcm_s16le -flags +bitexact "$wav"
    bytes=$(stat -c %s "$wav")
    dur=$(awk -v b="$bytes" -v r="$RATE" 'BEGIN { printf "%.2f", (b - 44) / (r * 2) }')
    start=$(awk -v t="$t" 'BEGIN { print sprintf("%.2f", t) + 0 }')
    end=$(awk -v s="$start" -v d="$dur" 'BEGIN { print sprintf("%.2f", s + d) + 0 }')
    local delay_ms
    delay_ms=$(awk -v s="$start" 'BEGIN { printf "%d", s * 1000 + 0.5 }')
    if [ "$speaker" = rep ]; then
      rep_inputs+=("$wav")
      rep_delays+=("$delay_ms")
    else
      customer_inputs+=("$wav")
      customer_delays+=("$delay_ms")
    fi
    [ -n "$segments" ] && segments+=$',\n'
    segments+="    {"$'\n'"      \"speaker\": \"$speaker\","$'\n'"      \"start\": $start,"$'\n'"      \"end\": $end,"$'\n'"      \"text\": \"$text\""$'\n'"    }"
    t=$(awk -v e="$end" -v p="$PAUSE" 'BEGIN { printf "%.2f", e + p }')
    i=$((i + 1))
  done
  local total
  total=$(awk -v t="$t" -v p="$PAUSE" -v tail="$TAIL" 'BEGIN { printf "%.2f", t - p + tail }')

  # One channel per speaker: each line delayed to its start, mixed, padded to the call's length.
  local -a args=()
  local filter="" n=0 k labels
  for side in rep customer; do
    local -n inputs="${side}_inputs" delays="${side}_delays"
    labels=""
    for k in "${!inputs[@]}"; do
      args+=(-i "${inputs[$k]}")
      filter+="[$n:a]adelay=${delays[$k]}:all=1[${side}$k];"
      labels+="[${side}$k]"
      n=$((n + 1))
    done
    filter+="${labels}amix=inputs=${#inputs[@]}:normalize=0:duration=longest,apad=whole_dur=${total},atrim=0:${total}[$side];"
  done
  filter+="[rep][customer]join=inputs=2:channel_layout=stereo:map=0.0-FL|1.0-FR[out]"
  ff "${args[@]}" -filter_complex "$filter" -map "[out]" -fflags +bitexact -map_metadata -1 \
    -c:a libmp3lame -b:a 32k -ar 16000 -joint_stereo 0 -flags +bitexact "$out/$name.mp3"

  printf '{\n  "segments": [\n%s\n  ]\n}\n' "$segments" >"$out/$name.transcript.json"
  echo "$name.mp3: ${total} s, $(stat -c %s "$out/$name.mp3") bytes, $i lines"
}

make_call pest-control-booked en-us+m3 en-us+f3 <<'EOF'
rep|Hi, this is Mike with Green Shield Pest Control. Is this Maria?
customer|Yes, this is Maria.
rep|You asked about ants in your kitchen. We treat the inside and the outside of the house.
customer|They are all over the counters. How soon can you come?
rep|I have Thursday at ten in the morning. The first visit is ninety nine dollars.
customer|Thursday at ten works. Please book it.
rep|Great, you are booked for Thursday at ten. You will get a text reminder the day before.
customer|Thank you, bye.
EOF

make_call solar-follow-up en-us+f4 en-us+m1 <<'EOF'
rep|Hi Tom, this is Sarah from Bright Sun Solar, following up on your roof estimate.
customer|Hi Sarah. Honestly, the price is too expensive for us right now.
rep|I understand. With financing, the monthly payment is lower than your power bill today.
customer|Maybe, but I need to talk to my wife before we decide anything.
rep|That makes sense. Can I call you both back on Friday evening?
customer|Friday after six is fine.
rep|Perfect. I will email you the numbers tonight and call you both on Friday at six.
EOF

make_call gym-cancellation-lost en-us+m7 en-us+f2 <<'EOF'
rep|Thanks for calling Peak Fitness, this is Jake. How can I help you today?
customer|Hi, I want to cancel my membership.
rep|Sorry to hear that. Can I ask why you want to cancel?
customer|I moved across town, and I do not have time to come anymore.
rep|We can pause your membership for three months at no cost instead.
customer|No thanks. Please just cancel it today.
rep|Okay, your membership is cancelled. You will get a confirmation email.
EOF

# Not a recording: meeting notes saved with an .mp3 name.
printf 'Call notes: Maria asked about ants in the kitchen. Call back Thursday.\n%.0s' {1..20} >"$out/not-audio.mp3"
