#!/usr/bin/env bash
# Makes the demo organisation's call recordings in apps/server/assets/demo-calls/ from scripted dialogue.
#
#   apps/server/scripts/make-demo-calls.sh            (needs espeak-ng and ffmpeg: apt-get install espeak-ng ffmpeg)
#
# Nine made-up sales calls (45–90 s each) across the trades the demo sells to — pest control, HVAC, solar,
# roofing, home security, lawn care, a med spa, insurance and a gym — covering every call outcome (booked,
# sold, follow_up, lost, no_decision), the call stages, and most of the objection taxonomy. Some reps handle
# the objections well (acknowledge, ask, answer with specifics); others ignore them, push for the close or
# talk for 20+ s at a time, so the analysis has coaching to give. The dialogue was written for this script.
#
# Same technique as make-call-fixtures.sh (its helper copied here, not sourced, as sourcing would remake
# the fixtures): each line is read by an espeak-ng voice, its leading and trailing silence trimmed, and
# placed in time; the rep is on the LEFT channel and the customer on the RIGHT channel of a stereo MP3
# (16 kHz, 24 kb/s CBR, plain stereo so neither speaker bleeds into the other channel; bit-exact, no
# metadata). Each call gets <name>.transcript.json with the real line timings in the ZSuppliedTranscript
# shape ({"segments":[{"speaker","start","end","text"}]}), and calls.json lists the calls for the seed:
#   [{ "file", "transcript", "rep" ("Riley Rep" | "Dana Manager"), "direction" ("outbound" | "inbound"),
#      "daysAgo", "hour", "leadPhone" }]
# Riley Rep speaks with en-us+m3, Dana Manager with en-us+f4; each customer has a voice of their own.
#
# Deterministic: the same espeak-ng and ffmpeg versions produce the same bytes (made with espeak-ng 1.51
# and ffmpeg 5.1 on Debian 12). Dialogue lines must not contain double quotes, backslashes or pipes (they
# are written into JSON as they are). The output folder is rebuilt from scratch on every run.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../assets/demo-calls"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
rm -rf "$out"
mkdir -p "$out"

SPEED=150          # espeak-ng words per minute
LEAD_IN=0.8        # seconds of silence before the first line
TAIL=0.8           # seconds of silence after the last line
RATE=22050         # espeak-ng's output rate
BITRATE=24k        # MP3 bit rate (both channels together); keeps all nine calls well under 2.5 MB

RILEY=en-us+m3     # Riley Rep's voice
DANA=en-us+f4      # Dana Manager's voice

ff() { ffmpeg -hide_banner -nostdin -v error -y "$@"; }

# The pause before line i: 0.5–0.9 s, varied by a fixed pattern so turn-taking does not sound metronomic.
pause_for() { awk -v i="$1" 'BEGIN { printf "%.2f", 0.5 + ((i * 3) % 5) * 0.1 }'; }

# make_call NAME REP_VOICE CUSTOMER_VOICE  (lines on stdin: "rep|text" or "customer|text")
make_call() {
  local name="$1" rep_voice="$2" customer_voice="$3"
  local t="$LEAD_IN" i=0 speaker text voice wav bytes dur start end
  local -a rep_inputs=() customer_inputs=() rep_delays=() customer_delays=()
  local segments=""
  while IFS='|' read -r speaker text; do
    [ -z "$speaker" ] && continue
    if [[ "$speaker" != rep && "$speaker" != customer ]]; then
      echo "make-demo-calls: speaker must be rep or customer: $speaker" >&2
      exit 1
    fi
    if [[ "$text" == *'"'* || "$text" == *'\'* || "$text" == *'|'* ]]; then
      echo "make-demo-calls: no quotes, backslashes or pipes in lines: $text" >&2
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
    [ "$i" -gt 0 ] && t=$(awk -v t="$t" -v p="$(pause_for "$i")" 'BEGIN { printf "%.2f", t + p }')
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
    t="$end"
    i=$((i + 1))
  done
  local total
  total=$(awk -v t="$t" -v tail="$TAIL" 'BEGIN { printf "%.2f", t + tail }')

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
    -c:a libmp3lame -b:a "$BITRATE" -ar 16000 -joint_stereo 0 -flags +bitexact "$out/$name.mp3"

  printf '{\n  "segments": [\n%s\n  ]\n}\n' "$segments" >"$out/$name.transcript.json"
  echo "$name.mp3: ${total} s, $(stat -c %s "$out/$name.mp3") bytes, $i lines"
}

# list_call NAME REP DIRECTION DAYS_AGO HOUR LEAD_PHONE  — one entry of calls.json
entries=""
list_call() {
  [ -n "$entries" ] && entries+=$',\n'
  entries+="  {"$'\n'"    \"file\": \"$1.mp3\","$'\n'"    \"transcript\": \"$1.transcript.json\","$'\n'
  entries+="    \"rep\": \"$2\","$'\n'"    \"direction\": \"$3\","$'\n'"    \"daysAgo\": $4,"$'\n'
  entries+="    \"hour\": $5,"$'\n'"    \"leadPhone\": \"$6\""$'\n'"  }"
}

# 1. Pest control, inbound, booked. Riley handles both objections well.
#    Objections: price/found_cheaper, authority/landlord_owner.
make_call pest-control-ants-booked "$RILEY" en-us+f2 <<'EOF'
rep|Thanks for calling Green Shield Pest Control, this is Riley. How can I help you today?
customer|Hi, I have ants all over my kitchen, and I wanted to get a price.
rep|Sorry to hear that. How long has it been going on, and where do you see them most?
customer|About two weeks. They come in by the back door and go straight for the counters.
rep|That sounds like sugar ants. We treat around the outside and put bait inside. The first visit is one hundred twenty nine dollars.
customer|Hmm. Another company quoted me ninety dollars for the same thing.
rep|Fair enough, I would compare too. Does their price include a free return visit if the ants come back?
customer|I don't think they mentioned that.
rep|Ours does. If you see ants within sixty days, we come back at no charge, so you only pay once.
customer|Okay, that helps. But I rent, so I might need my landlord to okay it.
rep|Good thinking. I can email you a short note to forward to your landlord today. Want me to hold a spot while you check?
customer|Sure. What do you have?
rep|I have Thursday at ten in the morning, or Friday at two.
customer|Thursday at ten works.
rep|Great, you are booked for Thursday at ten. The technician will text you before he arrives.
EOF
list_call pest-control-ants-booked "Riley Rep" inbound 1 10 "+14045550131"

# 2. HVAC, inbound, sold. Dana answers the fee question plainly and ties the plan to today's repair.
#    Objections: price/hidden_fees, timing/seasonal.
make_call hvac-furnace-repair-sold "$DANA" en-us+m1 <<'EOF'
rep|Comfort Air Heating and Cooling, this is Dana. What is going on with your system?
customer|Your tech came out yesterday. He says my furnace needs a new flame sensor.
rep|Right, I have his notes here. The repair is one hundred forty five dollars, parts and labor.
customer|Are there any hidden fees on top of that? Last time I got a bill full of charges nobody mentioned.
rep|I understand. That price is the total, tax included. If he finds anything else, he has to get your okay before doing any extra work.
customer|Okay, good. He also pushed some maintenance plan. I would rather wait until spring for that.
rep|That is fair. Can I share one thing first? The plan is nine dollars a month, and it takes fifteen percent off today's repair.
customer|So about twenty dollars off?
rep|Twenty two dollars. It pays for itself this winter, your spring air conditioner tune up is included, and you can cancel any time.
customer|Alright, let's do it. Put both on my card.
rep|Great. I will take the card now and email you the receipt. The tech will be back tomorrow between eight and ten.
customer|Sounds good, thanks.
EOF
list_call hvac-furnace-repair-sold "Dana Manager" inbound 2 9 "+14045550132"

# 3. Solar, outbound, follow_up. Riley answers doubt with a 30-second pitch instead of a question, then
#    recovers on the spouse objection and sets a dated callback.
#    Objections: trust/skeptical_results, authority/spouse_partner.
make_call solar-savings-follow-up "$RILEY" en-us+f3 <<'EOF'
rep|Hi, is this Karen? This is Riley with Bright Sun Solar, about the panels you asked about last week. Do you have a few minutes?
customer|Oh, right. Sure, a few minutes.
rep|Your roof faces south with almost no shade, so it is a great fit. Twenty two panels would save you about one hundred forty dollars a month.
customer|Honestly, I am skeptical. My neighbor got panels, and he says his bill barely changed.
rep|Well, every home is different, and we use the newest panels on the market with a twenty five year warranty, plus the federal tax credit covers thirty percent of the cost, and with our financing most customers pay less each month than they paid for power, and we handle all the permits and the inspection, so there is really nothing for you to do except enjoy the savings.
customer|Okay. Well, I cannot decide anything without my husband anyway.
rep|That makes sense, it is a big decision. What would he want to see?
customer|Real numbers. From our actual bills, not an estimate.
rep|I can do that. If you email me your last twelve bills, I will build the savings from them. Could I call you both on Friday at six?
customer|Friday at six is fine.
rep|Perfect. I will text you my email now, and I will call you back on Friday at six with your husband.
EOF
list_call solar-savings-follow-up "Riley Rep" outbound 3 17 "+14045550133"

# 4. Roofing, outbound, lost. Riley talks past both objections and keeps pushing for a time.
#    Objections: need/no_problem_now, trust/scam_concern.
make_call roofing-hail-inspection-lost "$RILEY" en-us+m1 <<'EOF'
rep|Hi, this is Riley with Summit Roofing. We are working in your neighborhood after last week's hail storm.
customer|Okay. What is this about?
rep|We are doing free roof inspections, and most homes on your street have hail damage that insurance will pay to fix.
customer|My roof is fine, there is nothing wrong with it. It is only six years old, and we have never had a leak.
rep|A lot of damage is not visible from the ground, so we would get up there and take photos. We can come by tomorrow morning.
customer|Every time there is a storm, people knock on doors around here. How do I know this is not a scam?
rep|We do this every day, and we work directly with your insurance company, so you only pay your deductible, and in a lot of cases we can even help with that. I can put you down for nine tomorrow.
customer|You did not answer my question. Are you even licensed in this county?
rep|Yes, we are fully licensed. So is nine or eleven better for you?
customer|Neither. I am not interested. Please take me off your list.
rep|Okay, sorry to bother you. Have a good day.
EOF
list_call roofing-hail-inspection-lost "Riley Rep" outbound 4 11 "+14045550134"

# 5. Home security, inbound, sold. Dana asks before answering and gives specifics on both objections.
#    Objections: competitor/under_contract, trust/privacy.
make_call home-security-cameras-sold "$DANA" en-us+m7 <<'EOF'
rep|SafeHaven Home Security, this is Dana. How can I help?
customer|Hi. Someone tried our back door last weekend, and I want better cameras.
rep|I am sorry, that must have been scary. Is everyone okay? And what do you have now?
customer|We are fine. We have an alarm with another company, but there are eight months left on the contract.
rep|That happens a lot. Do you know what it would cost to cancel early?
customer|About two hundred dollars, I think.
rep|We cover up to three hundred dollars of an early cancellation fee, so switching would not cost you extra.
customer|Okay. My other worry is the cameras. I do not want strangers watching video from inside my house.
rep|Completely fair. Your video is encrypted, and only you can see it. Our staff cannot open it unless you share a clip, and you can turn the indoor cameras off from the app.
customer|And you do not sell the data to anybody?
rep|Never, and that is in writing in the agreement. The doorbell, two outdoor cameras, and monitoring come to thirty four dollars a month.
customer|That is reasonable. Let's do it.
rep|Great. I will send you the agreement to sign now, and the installer can come Saturday at nine.
EOF
list_call home-security-cameras-sold "Dana Manager" inbound 5 14 "+14045550135"

# 6. Lawn care, outbound, lost. Riley pitches for 30 seconds over a do-it-yourselfer and ignores the price
#    objection.  Objections: need/diy, price/too_expensive.
make_call lawn-care-program-lost "$RILEY" en-us+f1 <<'EOF'
rep|Hi, this is Riley from Green Acres Lawn Care. Is this Priya?
customer|Yes. Who is calling?
rep|We are booking spring lawn programs in your area. Can I tell you about our plan?
customer|I guess, but I do my own lawn. I mow and fertilize it myself.
rep|Our program is seven visits a year, with crabgrass control in early spring, fertilizer and weed control in late spring, grub prevention in the summer, then aeration and overseeding in the fall, plus a winter feeding, and every visit is done by a licensed technician who checks your soil, and it is all backed by our guarantee, so if weeds come back between visits, we come back for free.
customer|What does all that cost?
rep|It is sixty five dollars per visit.
customer|That is way too expensive. I spend maybe a hundred dollars a year on fertilizer.
rep|We have a lot of happy customers in your neighborhood. Should I sign you up for the first visit next week?
customer|No thanks, I am not interested.
rep|Okay. If you ever change your mind, keep us in mind.
EOF
list_call lawn-care-program-lost "Riley Rep" outbound 6 16 "+14045550136"

# 7. Med spa, inbound, booked. Dana digs into the bad experience and lowers the step to a free consult.
#    Objections: trust/bad_past_experience, timing/not_now.
make_call med-spa-filler-consult-booked "$DANA" en-us+f5 <<'EOF'
rep|Thank you for calling Glow Med Spa, this is Dana. How can I help you?
customer|Hi, I was reading your website about fillers for smile lines.
rep|Happy to help. Have you had fillers before, or would this be your first time?
customer|I tried it once at another place, and it was a bad experience. It looked lumpy, and I was bruised for two weeks.
rep|I am really sorry. Do you know who did the injection, a nurse or a doctor?
customer|I am not even sure. It was a quick appointment at a salon.
rep|That makes a big difference. Here every treatment is done by a nurse injector with at least five years of experience, and we start with a free consultation, with no needles on the first visit.
customer|That is good to hear. But I do not want to do anything right now. Maybe later in the year.
rep|No pressure at all. The consultation is just a conversation and a plan, and you decide on timing after. Would you like to come in next week?
customer|Okay, a consult I can do. Tuesday afternoon?
rep|I have Tuesday at four thirty with Nurse Allen.
customer|That works.
rep|Great, you are booked for Tuesday at four thirty. You will get a confirmation text with our address.
EOF
list_call med-spa-filler-consult-booked "Dana Manager" inbound 8 12 "+14045550137"

# 8. Insurance, outbound, no_decision. Riley keeps pitching after the customer asks to be called later and
#    never pins down a time.  Objections: competitor/current_provider, timing/call_back_later.
make_call auto-insurance-quote-no-decision "$RILEY" en-us+m2 <<'EOF'
rep|Hi, is this Greg? This is Riley with Harbor Insurance. You asked for an auto quote on our website.
customer|Oh, yeah, I did. I am actually driving right now, though.
rep|I will be quick. Is it just the two cars you listed, and who are you insured with today?
customer|Just the two. We have been with State Farm for about ten years. They have been fine.
rep|Got it. Based on what you entered, we can cover both cars for one hundred eighteen dollars a month, with the same limits.
customer|I would have to check what we pay now. Honestly, this is not a good time. Can you call me back later?
rep|Sure. A lot of people who switch to us from State Farm save around twenty percent, and we include accident forgiveness and roadside help at no extra cost.
customer|Okay, but I really cannot talk right now.
rep|No problem. I will try you again sometime.
customer|Sure. I will think about it. Bye.
EOF
list_call auto-insurance-quote-no-decision "Riley Rep" outbound 10 15 "+14045550138"

# 9. Gym, inbound, sold. Dana lists every amenity in one breath before asking anything, then handles the
#    budget objection well with a plan that fits.  Objection: price/budget.
make_call gym-membership-sold "$DANA" en-us+m1 <<'EOF'
rep|Thanks for calling Iron Peak Fitness, this is Dana. How can I help?
customer|Hi, I toured your gym on Saturday, and I am thinking about joining.
rep|Great. What are you hoping to work on?
customer|Mostly getting back in shape. I used to lift in college.
rep|You will love it here. The all access membership gets you the full weight floor, twenty classes a week including spin, yoga and boxing, the pool and the sauna, two personal training sessions to start, guest passes every month, plus you can use all four of our locations across the city, and it is seventy nine dollars a month.
customer|That sounds great, but seventy nine is more than my budget. Money is tight this year.
rep|Thanks for telling me. What would feel comfortable each month?
customer|Maybe around forty dollars.
rep|Our basic plan is thirty nine dollars a month, with the full weight floor and locker rooms, just no classes or pool. Since you mostly lift, that may be all you need.
customer|Yeah, that is really all I would use. Let's do the basic plan.
rep|Great choice. I will take the first month on your card now, and you can upgrade any time.
customer|Sounds good. It is a Visa.
rep|Perfect, you are all set. Welcome to Iron Peak.
EOF
list_call gym-membership-sold "Dana Manager" inbound 12 18 "+14045550139"

printf '[\n%s\n]\n' "$entries" >"$out/calls.json"
echo "calls.json: $(grep -c '"file"' "$out/calls.json") calls, $(du -cb "$out"/*.mp3 | tail -1 | cut -f1) bytes of audio"
