# earl's sentences in English: the reference catalog. Every message here exists in every other
# catalog with the same variables (tests/catalogs.rs). Figures arrive already formatted;
# $verdict is applies | does-not-apply | undetermined; yes/no selectors are "yes" | "no".
# Names, ids, list names and citations arrive as they are published and stay so.

## Joining lists

list-semicolon = {"; "}
list-comma = {", "}
list-or = {" or "}
list-and = {" and "}

## Steps (prose.rs): one message per step kind

the-entry = the entry
step-if-branch = If {$branch}: {$text}
outcome-not = not {$eccn}
step-tpp = TPP = {$tops} dense {$precision} TOPS{ $given ->
        [yes] {" "}given
       *[no] {""}
    } × {$bits} bits = {$tpp}{ $over ->
        [yes] {" "}(highest over the {$precisions} precisions listed)
       *[no] {""}
    }
step-tpp-as-given = TPP = {$tpp} as given
step-pd = PD = TPP {$tpp} / {$area} { $given ->
        [yes] mm²
       *[no] mm² applicable die area
    } = {$pd}
step-pd-as-given = PD = {$pd} as given
step-hbm-density = memory bandwidth density = {$bandwidth} GB/s / {$area} mm² = {$density} GB/s/mm²
step-io-bound = Aggregate bidirectional I/O is taken as the chip-to-chip figure {$chip_to_chip} GB/s plus up to {$host_link} GB/s of host link: between {$low} and {$high} GB/s.
step-no-3a090 = No ECCN 3A090 existed on the date asked: it was created by the rule effective 2022-10-07 (87 FR 62186).
step-exclusion = {$entry} { $verdict ->
        [applies] applies
        [does-not-apply] does not apply
       *[undetermined] cannot tell whether it applies
    }: {$rule}
step-paragraph-not-applicable = {$entry} ({$rule}): does not apply to this kind of item.
step-paragraph = {$entry} ({$rule}): { $verdict ->
        [applies] met
        [does-not-apply] not met
       *[undetermined] undetermined
    } — {$tests}.
comparison = {$metric} {$shown} {$op} {$threshold}: { $verdict ->
        [applies] met
        [does-not-apply] not met
       *[undetermined] cannot tell
    }
shown-between = between {$low} and {$high}
shown-unknown = unknown
shown-not-applicable = not applicable
step-unknown-irrelevant = {$metric} is unknown, but it cannot change this outcome: the paragraphs that decide it do not depend on {$metric}.
step-classified = Classification: {$outcome}.
step-classification-open = Classification undetermined: could be {$possible}; decided by {$deciding}.
step-rests-on-unverified = This result rests on figures the sources mark unverified: {$figures}.
contained-part = {$count} × {$name} ({$chip})
step-contains = {$system} contains {$parts}.
step-assembly = {$entry} ({$rule}): { $verdict ->
        [applies] applies — it contains {$by}.
        [undetermined] undetermined — it contains {$by}, whose classification is open.
       *[does-not-apply] does not apply — no contained chip meets it.
    }
step-treated-as = {$country} is treated as {$treated_as} under the EAR from {$from}.
control-reading = “{$reading}” ({$cite})
step-control-unsettled = Undetermined — the law is unsettled: {$rule} The readings differ: {$readings}.
step-control-figures-unknown = Cannot tell whether this applies (figures unknown): {$rule}
step-control = { $requirement ->
        [prohibited] Prohibited
       *[license] Licence required
    }: {$rule}
step-no-requirement = No licence requirement in earl's rules applies to this item for {$destination} on the date asked (rules as of regime {$regime}).
party-matched-as = {$name} (matched as “{$matched}”)
party-subject = “{$party}” matches {$who} on the {$list} list
step-party-listed = {$subject}{$since}: {$rule}
step-party-listed-later = {$subject}, but {$listing}, after the date asked: it was not yet listed then, so the listing is not applied.
step-party-listing-undated = {$subject}; {$listing} and earl does not know its effective date, so the entry may or may not have been listed on the date asked: {$rule}
listing-on = the entry was listed by {$notice}, effective {$date}
listing-by = the entry was listed by {$notice}, in force by {$date} at the latest
listing-in-year = the entry was listed by {$notice} (published in {$year})
listing-no-notice = the entry cites no Federal Register notice
listed-since-on = {" "}(listed by {$notice}, effective {$date})
listed-since-by = {" "}(listed by {$notice}, in force by {$date})
listed-since-in-year = {" "}(listed by {$notice}, {$year})
step-owned = {$party} { $verdict ->
        [applies] is
       *[other] may be (some owners' listing dates are unknown, or a holding is read from control without a stated percentage)
    } owned {$percent}% in the aggregate by parties on the {$list} list ({$chain}): {$rule}
step-owned-read = {$party} may be owned at or above the threshold by parties on the {$list} list: no percentage is stated, the holdings are read from control ({$chain}) — undetermined, never cleared: {$rule}
affiliate-share-stated = {$percent}% stated
affiliate-no-share-stated = no percentage stated
holding = {$owner} holds {$percent}% of {$owned}
holding-listed = {$owner} holds {$percent}% of {$owned}, {$list}
holding-consolidation = {$owner} consolidates {$owned} in its accounts (control with no percentage stated: majority ownership likely, undetermined)
holding-range = {$owner} holds between {$minimum}% and {$maximum}% of {$owned}
holding-control = {$owner} has an interest in {$owned} other than a stated shareholding (ownership share unknown, undetermined)
holding-with-list = {$holding}, {$list}
holding-from-graph = {$holding} [ownership graph: {$source}; {$period}]
holding-period = held from {$from} to {$to}, imported {$imported}
holding-period-unstated = dates not stated by the source, imported {$imported}
holding-date-unstated = (not stated)
affiliate-owner = {$name} ({$list})
affiliate = {$party} { $verdict ->
        [applies] is
       *[other] may be (a listing date unknown, or a holding read from control without a stated percentage)
    } an affiliate of {$owners}: {$stated}, via {$chain}. { $status ->
        [in_force] Under {$rule}, in force on the date asked, it is restricted as they are.
        [suspended] {$rule} is suspended on the date asked: not applied; the ownership remains a red flag.
       *[other] {$rule} is not in force on the date asked: not applied; the ownership remains a red flag.
    }
holding-question-differs = {$holding} (the question gave {$percent}%; the stricter reading is walked)
step-ownership-not-applied = {$party} is owned {$percent}% by parties on the {$list} list, but on the date asked the ownership rule did not apply (see its citation); the ownership remains a red flag.
step-owner-not-screenable = An owner on the chains above the end user is known only by its LEI ({$owner}): no list could be asked about it, so whether the ownership rules restrict the end user through it was not checked. Import its lei-record (`earl update --ownership` does) or give its name.
step-found-in-ownership-graph = {$asked} was found in the ownership graph as {$found}; its holdings there were used.
step-exception = License Exception {$code} can authorise it: {$rule}
step-exception-barred = License Exception {$code} would apply, but the party's {$list} listing bars licence exceptions.
step-review-overridden = Review policy {$policy} would apply, but a listed party's stricter policy replaces it (below): {$rule}
step-review-figures-unknown = Cannot tell whether this review policy applies (figures unknown): {$rule}
step-review = Review policy {$policy}: {$rule}
step-policy-override-replaces = The {$list} listing sets the stricter review policy: {$policy}. It replaces {$replaced}, and that policy's conditions and charges do not apply.
step-policy-override = The {$list} listing sets the review policy: {$policy}.
step-same-across-outcomes = Every possible classification leads to this same answer, so the unknown figures do not change it.
step-depends-on-classification = The answer depends on the classification, which turns on {$deciding}.
review-reading-first = {$policy} if {$entry} applies
review-reading-else = else {$policy} if {$entry} applies
review-reading-fallback = else {$policy} ({$entry})
review-reading-none = else none of these
step-review-undetermined = The review policy is undetermined: {$readings}. The undetermined steps above say what would decide it.
step-condition-if-review = If {$review} applies: {$rule}
step-condition-may-apply = May apply (the facts that decide it are not known): {$rule}
step-exception-undetermined = License Exception {$code} may be available: whether its terms are met cannot be told from the facts given. {$rule}
step-charge-undetermined = This charge may be due: the figures that decide it are not known exactly. {$rule}
step-listing-date-unknown = The {$list} entry for {$name} first cites {$notice} ({$year}); earl does not know that notice's effective date, so whether {$name} was listed on the date asked is undetermined.
step-listing-undated = The {$list} entry for {$name} cites no Federal Register notice, so earl cannot date the listing; it was applied as if in force on the date asked.
step-no-end-user = No end user was named, so no restricted-party list was screened.
step-hq-not-given = The end user's headquarters was not given: earl assumed it is not headquartered (nor its ultimate parent) in Country Group D:5 or Macau. If it is, a licence is required for advanced computing items to any destination.
step-ownership-not-given = { $in_force ->
        [applies] The end user's owners were not given, so ownership by listed parties was not checked.
       *[other] The end user's owners were not given.
    }
step-rules-vintage = earl's rules reflect sources up to {$as_of} ({$source}); changes after that date are not known to earl, so this answer may be out of date.
document-effective = , effective {$date}
newer-document = {$kind} “{$title}” ({$cite}, published {$published}{$effective}){$link}
step-newer-documents = earl's rules reflect sources up to {$as_of} ({$source}). BIS has published {$count} { $count ->
        [one] document
       *[other] documents
    } touching the parts earl encodes since then, which may change this answer and which earl has not encoded: {$documents}.

## Review policies and metrics

policy-presumption-of-approval = presumption of approval
policy-case-by-case = case-by-case
policy-presumption-of-denial = presumption of denial
policy-policy-of-denial = policy of denial
metric-tpp = TPP
metric-pd = PD
metric-memory-bandwidth = memory bandwidth (GB/s)
metric-chip-to-chip = chip-to-chip bandwidth (GB/s)
metric-io-aggregate = aggregate bidirectional I/O (GB/s)
metric-hbm-density = memory bandwidth density (GB/s/mm²)
metric-frontier-share = share of the frontier chip's TPP
metric-shipment-tpp = shipment TPP (TPP × quantity)

## Human output (human.rs)

field = {$label}: {$value}
heading = {$title}:
heading-conditions = Conditions
heading-why = Why
heading-notices = Notices
heading-not-checked = Not checked — yours to check
mark-unverified = UNVERIFIED
yes = yes
no = no
none = none
unknown = unknown
verdict-prohibited = PROHIBITED — no licence or exception can authorise it
verdict-licence-possibly-prohibited = LICENCE REQUIRED, and possibly PROHIBITED — see what would decide it
verdict-undetermined-possibly-prohibited = UNDETERMINED, possibly PROHIBITED — see what would decide it
verdict-licence-exception = LICENCE REQUIRED, but License Exception {$exception} can authorise it (see its conditions)
verdict-licence-required = LICENCE REQUIRED
verdict-no-licence = no licence required by the rules earl evaluates
verdict-undetermined = UNDETERMINED — see what would decide it
destination-treated-as = {$destination} (treated as {$treated_as})
check-head = {$chip} → {$destination} from {$from} on {$date}: {$verdict}
classification-undetermined = undetermined
label-classification = classification
check-rules-in-force = rules in force on {$date}: {$count} { $count ->
       *[other] amendments
    }, the newest {$regime}{$scenario}
scenario-suffix = , scenario {$scenario}
label-decided-under = decided under
label-licence-exception = licence exception
label-review-policy = review policy
check-if-outcome = if {$outcome}: licence { $licence ->
        [required] required
        [not-required] not required
       *[undetermined] undetermined
    } · exception {$exception} · review {$review}
review-open = open: {$readings}
label-decided-by = decided by
match-alias = {" "}(as “{$alias}”)
check-match = “{$party}” matches {$name}{$alias} on {$list} — score {$score}
label-screened-against = screened against
label-warning = warning
check-charge = charge{ $may ->
        [yes] {" "}(may apply)
       *[no] {""}
    }: {$rate}% {$kind} — {$text}
charge-kind-tariff = tariff
charge-kind-revenue-share = revenue share
check-disclaimer = This is a determination under earl's encoded rules, not a clearance or legal advice.
screen-with-address = {" "}with an address in {$country} (or none)
screen-in-lists = {" "}(lists screened: {$lists} only)
screen-no-match = No match at or above {$threshold} for “{$query}”{$place} on {$date}.
below-threshold = below threshold
label-matched-alias = matched alias
label-countries = countries
label-listed = listed
label-effect = effect
effect-not-named = earl's rules do not name the {$list} list; read the entry and its source list
label-licence-policy = licence policy
label-why = why
screen-footer = Lists: {$source}, {$generated}. A match is a lead to review, not a determination.
screen-listed-on = by {$notice}, effective {$date}
screen-listed-by = by {$notice}, in force by {$date}
screen-listed-in-year = by {$notice} ({$year}; exact date not known to earl)
screen-listed-no-notice = no Federal Register notice cited
screen-listed = {$when} — { $verdict ->
        [applies] listed on the date asked
        [does-not-apply] not yet listed on the date asked
       *[undetermined] may or may not have been listed on the date asked
    }
lists-generated = generated {$date}
lists-generation-date-unknown = generation date unknown
classify-excluded = not 3A090 — excluded by {$exclusion}
classify-undetermined = UNDETERMINED — could be {$possible}
classify-as-of = as of {$date} under rule version {$regime}{$scenario}
classify-contains = contains {$count} × {$name} ({$chip}): {$paragraph}
classify-part-not-3a090 = not 3A090 or undetermined
classify-metrics = TPP {$tpp}{$precision} · PD {$pd} · datacenter: {$datacenter} · memory bandwidth {$bandwidth}
label-rests-on-unverified = rests on unverified figures
rule-texts-in-english = Some of the rules' own wording (conditions, notices, what earl did not check, list effects) has no translation yet and is quoted in English as earl encodes it; citations are as published.

## Outcome classes (the charts, the page's timeline) and where a rule stands

outcome-class-no_licence = no licence required
outcome-class-exception = licence exception available
outcome-class-presumption_of_approval = licence: presumption of approval
outcome-class-case_by_case = licence: case-by-case review
outcome-class-licence_no_policy = licence: no review policy stated
outcome-class-presumption_of_denial = licence: presumption of denial
outcome-class-policy_of_denial = licence: policy of denial
outcome-class-prohibited = prohibited
outcome-class-undetermined = undetermined (figures unknown)
status-enforced = enforced
status-published_not_enforced = published, not enforced
status-announced = announced
status-proposed = proposed
status-introduced = introduced
status-passed_committee = passed committee
status-passed_one_chamber = passed one chamber
status-enacted = enacted
status-withdrawn = withdrawn

## The web page (assets/index.html and app.js); {$name} is filled in by the page's script

page-language = Language
page-title = earl — US export rules for AI chips
page-tagline = US export rules for AI chips, as code. Every answer is as of a date and cites its steps. Not legal advice or a clearance.
page-token = Bearer token
page-token-hint = This server requires a token for its API.
page-check-heading = Does this shipment need a licence?
page-chip = Chip
page-destination = Destination
page-destination-placeholder = CN or China
page-end-user = End user
page-end-user-placeholder = optional: screened against the lists
page-end-user-hq = End user HQ
page-end-user-hq-placeholder = optional country
page-date = Date
page-scenario = Scenario
page-rules-in-force = rules in force
page-check-button = Check
page-screen-heading = Screen a party
page-name = Name
page-country = Country
page-optional = optional
page-screen-button = Screen
page-explore-heading = Scenarios and history
page-explore-hint = The outcome for each chip and destination under a scenario, outlined where it differs from the rules in force on the date above (or today); and how one chip's outcome changed with each rule.
page-chips = Chips
page-destinations = Destinations
page-matrix-button = Show matrix
page-timeline-button = Show timeline
page-decision-prohibited = Prohibited: no licence can authorise it
page-decision-possibly_prohibited = Possibly prohibited: the known facts cannot rule it out
page-decision-no_license_required = No licence required
page-decision-license_exception = Licence required, but a licence exception applies
page-decision-presumption_of_approval = Licence required: presumption of approval
page-decision-case_by_case = Licence required: case-by-case review
page-decision-presumption_of_denial = Licence required: presumption of denial
page-decision-policy_of_denial = Licence required: policy of denial
page-decision-license_required = Licence required
page-decision-undetermined = Undetermined: the known figures cannot decide
page-classification = Classification
page-date-and-rules = Date and rules
page-rules-as-of = {$date}, rules as of {$regime}
page-licence-exception = Licence exception
page-review-policy = Review policy
page-end-user-matches = End-user matches
page-charges = Charges
page-score = score {$score}
page-no-match-at-threshold = none at or above the threshold
page-no-end-user = no end user named
page-affiliates-heading = Affiliate of listed parties (ownership graph)
page-affiliate = {$party} — listed owners: {$owners}; {$verdict}; {$rule}: {$status}
page-affiliate-owner = {$list}: {$name}
page-affiliate-applies = the rule's share is met
page-affiliate-undetermined = may be an affiliate (a listing date unknown, or a holding read from control without a stated percentage)
page-rule-in-force = in force on the date asked: restricted as they are
page-rule-suspended = suspended on the date asked: not applied; the ownership remains a red flag
page-rule-not-in-force = not in force on the date asked: not applied; the ownership remains a red flag
page-owner-match = {$list}: {$name} (owner {$party})
page-classification-undetermined = undetermined: {$possible}
page-possible-outcomes = Outcomes still possible (the known figures cannot decide the classification)
page-if-licence-required = if {$classification}: licence required
page-if-licence-exception = if {$classification}: licence required, licence exception {$exception}
page-if-no-licence = if {$classification}: no licence required
page-if-undetermined = if {$classification}: undetermined
page-deciding = What would decide it
page-why = Why (each step cited)
page-not-checked = Not checked
page-checking = Checking…
page-screening = Screening…
page-comparing = Comparing…
page-drawing = Drawing…
page-matched-as = as “{$name}”
page-pairs = Pairs: {$pairs}
page-unmatched-query = Unmatched in the query: {$tokens}
page-weighed-low = Weighed low: {$tokens}
page-transliterated = Transliterated: {$items}
page-screen-summary = Matches at or above {$threshold}: {$count} — lists of {$generated} ({$source})
page-more = {$count} more
page-no-scenarios = No scenarios are loaded.
page-chart-failed = the chart could not be shown
page-matrix-alt = Outcomes under scenario {$scenario} compared with the rules in force on {$date}
page-timeline-alt = Licensing determination over time for {$chip} to {$destination}
page-lists-age-unknown = age unknown: the file carries no date
page-lists-age = {$days} days old
page-lists-unknown-date = on an unknown date
page-lists = Screening list: {$source}, generated {$generated} ({$age}; {$total} entries).
page-newer-documents = BIS documents published since the rules were encoded may change these answers: {$count}
page-effective = effective {$date}
page-lists-failed = The lists in use cannot be shown: {$reason}
page-api = API
page-licence-policy = Licence policy: {$policy}
page-review-heading = Review hits
page-review-hint = The hits recorded in the audit trail that no reviewer's disposition covers, oldest first. Recording a disposition needs a server started with a bearer token.
page-review-load = Load the queue
page-review-loading = Loading…
page-review-per-list = Awaiting review, per list: {$lists}
page-review-party = Party
page-review-entry = List entry
page-review-list = List
page-review-entry-id = Entry id
page-review-first-recorded = First recorded
page-review-records = Records
page-review-decision = Decision
page-review-reviewer = Reviewer
page-review-reason = Reason
page-review-expires = Last day it holds
page-review-submit = Record the disposition
page-review-recording = Recording…
page-review-recorded = Disposition {$id} recorded: {$decision}, “{$party}” ≈ {$name} [{$entry}].
page-review-refused = Not recorded ({$status} {$code}): {$message}
page-review-not-read = {$count} records could not be read, and any hit in them is missing from this queue: {$records}

## The charts (svg.rs)

chart-legend = Legend
chart-diff-title = Export licensing outcome under {$to}
chart-diff-subtitle = Cells outlined in black changed from {$from} — {$changed} of {$cells} cells changed.
chart-destination-axis = Destination (ISO code; exports from the United States)
chart-chip-axis = Chip
chart-outlined = outlined: outcome differs from {$from} (licence, exception, review policy, conditions or charges)
chart-with-scenario = {" "}with scenario {$scenario}
chart-timeline-title = {$chip} to {$destination}: licensing determination, {$start} to {$end}{$scenario}
chart-timeline-subtitle = Exports from the United States, no end user named. Each step is a date a rule or Country Group change altered the outcome (listed below).
chart-determination-axis = Determination (more restrictive ↓)
chart-july = Jul {$year}
chart-date-axis = Date (rule versions in force)
chart-outcome-band = Outcome band
chart-changes = Changes
chart-start = start of timeline
chart-change = {$date} — {$outcome} — {$cause}

## Licences and shipments (prose.rs): the fresh check's warnings and the refusals

fresh-check-decided-by = {" "}(decided by {$deciding})
fresh-check-prohibited = a fresh check finds this export prohibited on {$date}{$by}: no licence can authorise it, so shipments under licence {$number} will be refused; recorded as asked
fresh-check-possibly-prohibited = a fresh check cannot rule out that this export is prohibited on {$date}{$by}: shipments under licence {$number} will be refused until that is decided; recorded as asked
fresh-check-no-licence-needed = a fresh check finds that this export needs no licence on {$date}{$by}; licence {$number} is recorded as asked, but authorises nothing that needed one
fresh-check-undetermined = a fresh check leaves undetermined whether this export needs a licence on {$date}{$by}; licence {$number} is recorded as asked
none-named = (none)
refusal-unknown-licence = No licence {$number} is recorded (see `earl licence list`).
refusal-duplicate-licence = Licence {$number} is already recorded; a licence is recorded once.
refusal-before-issue = The shipment date {$date} is before licence {$number} was issued ({$issued}).
refusal-expired = Licence {$number} expired on {$expires}; the shipment is dated {$date}.
refusal-over-quantity = The shipment of {$asked} units exceeds what licence {$number} has left: {$remaining} units.
refusal-over-value = The shipment's value, US${$asked}, exceeds what licence {$number} has left: US${$remaining}.
refusal-value-needed = Licence {$number} limits the value shipped: give the shipment's --value.
refusal-mismatch = Licence {$number} is for {$licensed}, not {$asked}.
refusal-end-user-mismatch = Licence {$number} names the end user {$licensed}, not {$asked}.
refusal-prohibited = A fresh check of the shipment finds it prohibited: no licence, {$number} included, can authorise it.
refusal-possibly-prohibited = A fresh check of the shipment cannot rule out that it is prohibited (see the check's deciding facts): licence {$number} cannot be relied on until that is decided.
refusal-listed-since = The end user {$party} matches {$listed_as} on the {$list} list, listed after licence {$number} was issued (or on a date earl cannot place before it): the licence may no longer be what the shipment needs.
refusal-owners-listed-since = The end user {$party} is {$percent}% owned by parties on the {$list} list (the Affiliates rule) on the shipment's date, but was not when licence {$number} was issued on {$issued} (an owner listed since, a holding acquired since, or the rule in force since): whether the licence still authorises the shipment is not settled; ask BIS before shipping.
refusal-cap = Refused under {$entry} ({$rule} — {$cite}): {$asked} more units of {$chip} would bring shipments to {$places} under the lane to {$total}, above {$share}% of the {$us_units} units shipped to US end users by the shipment's date ({$allowed} allowed).

## Scenarios, diff and timeline (explore.rs)

point-scenario = scenario {$scenario} over the rules of {$date}
point-rule-version = rule version {$spec} ({$date})
point-rules-of = rules of {$date}
event-lapses = {$id} lapses — {$title} [{$cite}]
event-country-group = {$country} { $action ->
        [add] joins
       *[other] leaves
    } Country Group {$group} [{$cite}]
brief-licence-required = licence required
brief-no-licence = no licence
brief-licence-undetermined = licence undetermined
brief-prohibited = prohibited
brief-possibly-prohibited = possibly prohibited
brief-exception = exception {$code}
brief-conditions = {$count} { $count ->
        [one] condition
       *[other] conditions
    }
scenarios-head = {$count} { $count ->
       *[other] scenarios
    } (use with --scenario ID, or as A/B of earl diff):
scenario-effective-until = effective {$from} until {$until}
scenario-effective = effective {$from}
scenario-no-date = no effective date: applies to any date asked
scenario-status = status: {$status}; {$when}
diff-head = earl diff: A = {$a}  →  B = {$b}
diff-subtitle = Exports from the United States, no end user named; outcomes compared: licence, exception, review policy, conditions, charges.
diff-only-in-b = Applied in B only
diff-only-in-a = Applied in A only
diff-summary = {$chips} chips × {$destinations} destinations = {$cells} cells; {$changed} changed.
label-because-of = because of
diff-country-group = Country Group: {$country} {$action} {$group} on {$date} — {$cite}
timeline-head = {$chip} → {$destination}: exports from the United States, no end user named{$scenario}; {$count} rule versions checked from {$first} to {$until}, {$periods} distinct periods.
timeline-today = today
label-changed-by = changed by
timeline-period = {$from} → {$until}   {$outcome}

## Jurisdiction: is the item subject to the EAR (15 CFR 734.3, 734.4, 734.9)
step-tpp-range = TPP between {$low} and {$high} (no throughput published; the range its sources give, {$source})
step-subject = The item is subject to the EAR.
step-not-subject = Not subject to the EAR: no prong of 15 CFR 734.3 reaches the item, so no EAR licence requirement applies to it.
step-subject-undetermined = Whether the item is subject to the EAR is undetermined, so whether a licence is required is undetermined too; what applies if it is subject follows.
step-production = Production facts: made in {$made_in}; controlled US-origin content {$us_content}; direct product of US-origin technology or software: {$us_tech}.
fact-sourced = {$value} ({$source})
fact-sourced-unverified = {$value} ({$source}, unverified)
fact-yes = yes
fact-no = no
fact-or = {" "}or{" "}
prong-us-located = Located in the United States
prong-us-origin = US-origin
prong-de-minimis-level = De minimis (controlled US content above {$level}%)
prong-de-minimis = De minimis
prong-direct-product = Foreign direct product
prong-presumed = Presumed subject by BIS
step-prong-applies = {$prong}: subject to the EAR — {$rule}
step-prong-does-not-apply = {$prong}: does not reach the item — {$rule}
step-prong-unsettled = {$prong}: undetermined — the reach of the rule is unsettled: {$rule} The readings differ: {$readings}.
step-prong-fact-unknown = {$prong}: undetermined — a fact that decides it is unknown: {$rule}
verdict-not-subject = NOT SUBJECT TO THE EAR — no EAR licence requirement reaches it (see the path)
verdict-jurisdiction-undetermined = {" "}(whether it is subject to the EAR is undetermined)

## earl match
match-score = {$score} — {$matched ->
    [yes] match
   *[no] no match
} (threshold {$threshold})
match-pair = {$query} ≈ {$list} ({$similarity}, {$method})
match-unmatched-first = unmatched in the first: {$tokens}
match-unmatched-second = unmatched in the second: {$tokens}
match-transliterated = transliterated ({$script}, {$method}): {$from} → {$to}

## earl about
about-rules = rules:          sources to {$as_of} ({$versions} rule versions; newest {$newest})
about-newest-rule = {$id} effective {$effective}
about-none = none
about-scenarios = scenarios:      {$count}
about-chips = chips:          {$count} (sources to {$as_of})
about-country-groups = country groups: eCFR issue {$issue} + {$changes} dated changes
about-listing-dates = listing dates:  {$count} Federal Register documents
about-screening = screening:      Consolidated Screening List, {$generated} ({$entries} entries), from {$file}
about-content-hash = content hash:   {$hash}
about-newer-documents = BIS documents published since the rules' {$as_of} that may change this answer (not encoded by earl):
about-effective = , effective {$date}

## Hit review (earl review; reviewed and re-raised hits)
label-entry = entry
decision-false-positive = false positive
decision-true-match = true match
decision-escalated = escalated
review-confirmed = reviewed as a true match by {$reviewer} on {$date} (disposition {$id}): {$reason}
review-escalated = escalated by {$reviewer} on {$date} (disposition {$id}), still open: {$reason}
review-reraised-changed = raised again: the entry changed since {$reviewer} set it aside as a false positive on {$date} (disposition {$id}; entry hash {$reviewed} is now {$current})
review-reraised-expired = raised again: disposition {$id} ({$reviewer}, {$date}: false positive) expired on {$expires}, before {$judged}
heading-reviewed = Reviewed — set aside as false positives; no licence decision rests on them:
reviewed-hit = “{$party}” ≈ {$name} on {$list} [{$entry}]: false positive per {$reviewer} on {$date} (disposition {$id}{$expires}): {$reason}
reviewed-expires = , until {$date}
disposition-line = {$id}  {$decision}  “{$party}”{$country} ≈ {$name} [{$entry}] — {$reviewer}, {$date}{$expires}: {$reason}
disposition-country = {" "}({$country})
disposition-revoked = {"   "}revoked by {$reviewer} on {$date} (record {$id}): {$reason}
review-none = No dispositions are recorded.
revocation-recorded = Disposition {$disposition} revoked (record {$id}): its match is raised again.
queue-empty = No recorded hit awaits review.
queue-head = { $count ->
    [one] One recorded hit awaits review ({$lists}):
   *[other] {$count} recorded hits await review ({$lists}):
}
queue-hit = {$recorded}  “{$party}” ≈ {$name} on {$list} [{$entry}] — score {$score}; records {$records}
queue-no-entry-id = no entry id recorded: screen again

owners-imported = Imported {$file} ({$format}, {$rows} rows, SHA-256 {$sha}) as dataset {$dataset}: {$percent} holdings with a stated percentage, {$read} read otherwise (a range, or control without a percentage); {$skipped} records skipped. The graph holds {$after} edges (before: {$before}); its version is {$version}.
owners-found = {$asked} is in the ownership graph as {$found} (graph version {$version}).
owners-not-found = {$asked} is not in the ownership graph (version {$version}): its ownership is unknown to earl, not "no owners".
owners-up = Owners, upwards:
owners-down = Holdings, downwards:
owners-none = none in the graph
owners-list = {$edges} edges from {$imports} imports; graph version {$version}.
owners-affiliates = {$count} affiliates of listed parties on {$date} ({$owners} owners in the graph screened; graph version {$version}).
owners-diff = {$old} → {$new}: {$added} holdings added, {$removed} removed, {$changed} changed, {$unchanged} unchanged.

## The licence ledger (earl licence, earl ship, earl ledger)
licences-none = No licences recorded.
licence-line = Licence {$number}: {$item} → {$destination}{$end_user} (issued {$issued}{$expires}){$expired}
licence-end-user = , end user {$name}
licence-expires = , expires {$date}
licence-expired = {" "}— EXPIRED
licence-quantity = quantity: {$shipped} shipped of {$limit} · remaining {$remaining}
licence-unlimited = unlimited
licence-value = value: US${$shipped} shipped of US${$limit} · remaining US${$remaining}
licence-conditions = conditions: {$conditions}
licence-shipment = shipment #{$seq}: {$quantity} units on {$date}{$value}
shipment-value = , US${$value}
shipment-recorded = Recorded: {$quantity} × {$item} → {$destination} on {$date} {$under}{$left}
shipment-to-us = to US end users
shipment-under = under licence {$licence}
shipment-left = ; {$remaining} units left
shipment-note = note: {$note}
ledger-head-chip = CHIP
ledger-head-us = US UNITS
ledger-head-china = CN+MO UNITS
ledger-head-lane = UNDER LANE
ledger-head-headroom = LANE HEADROOM
ledger-lane = The Jan 2026 lane (91 FR 1684): aggregate China and Macau shipments of a chip at most 50% of those to US end users; units count chips, a system's by its contents.

## The audit trail (earl audit list, verify, tail) and the lists in use (earl lists)
audit-shown = {$count} records shown ({$path})
audit-verify-ok = ok: {$count} records, chain intact ({$path}); last hash {$hash}
audit-verify-empty = none (empty trail)
audit-verify-altered = ALTERED: first bad record {$seq} of {$count}: {$reason}
audit-tail = record {$seq} of {$path}: hash {$hash}
audit-tail-keep = keep this elsewhere: a later `earl audit verify` shows the same hash at record {$seq}, or the trail was cut or rewritten
audit-tail-none = {$path}: no records yet
lists-line = {$file} — {$generated} ({$basis}), {$count} entries, sha256 {$sha256}
lists-basis-bundled = the bundled snapshot's documented date
lists-basis-envelope = from the file's own date field
lists-basis-unknown = the file carries no date

## The catalogs (earl chips, earl systems)
chips-head-id = ID
chips-head-vendor = VENDOR
chips-head-name = NAME
chips-head-dc = DC
chips-head-memory = MEM GB/s
chips-footer = {$count} chips. TPP and PD are computed from the catalog's dense throughput and die area; * = rests on a figure marked unverified.
catalog-as-of = Catalog as of {$as_of} ({$source}).
systems-head-form = FORM
systems-head-contains = CONTAINS
systems-head-confidence = CONFIDENCE
systems-china-variant = {" "}(China variant)
systems-footer = {$count} systems. Counts are accelerator packages, each with its source (`earl systems --json`).
systems-as-of = Systems as of {$as_of} ({$source}).

## earl impact
impact-head = earl impact: {$rules} to {$destination}, exports from the United States
impact-scenario-dates-both = from {$from} until {$until}
impact-scenario-dates-from = from {$from}
impact-scenario-dates-until = until {$until}
impact-scenario-dates-any = on any date
impact-scenario-not-in-force = Note: scenario {$scenario} is in force {$dates}, not on {$date}: every figure below is the rules' alone.
impact-scenario-no-change = Note: scenario {$scenario} changes nothing here: laid over the rules in force on {$date}, it decides no line differently (decided by {$decided_by}), so every figure below equals the answer without it.
impact-col-chip = chip
impact-col-units = units
impact-col-h100 = H100-eq
impact-col-fp16 = FP16 dense
impact-col-fp8 = FP8 dense
impact-col-determination = determination
impact-missing = missing
impact-licensable = licensable
impact-not-licensable = not licensable
impact-total = Total: {$units} units, {$tpp} TPP = {$h100} H100 equivalents (one H100 SXM = {$h100_tpp} TPP in the catalog).
impact-dense = Dense FP16: {$fp16}; dense FP8: {$fp8}.
impact-not-counted = Not counted (the catalog lists no throughput at that precision): {$precisions}.
impact-licensable-line = Licensable: {$units} of {$total} units ({$share_units}), {$tpp} TPP ({$share_tpp}).
impact-licensable-definition = A unit is licensable when, under the rules (and scenario) asked, its export to the destination needs no licence, or a licence exception can authorise it, or a licence is required under a review policy that is not a presumption or policy of denial (case-by-case, presumption of approval, or none stated), and it is not prohibited. Units under a presumption or policy of denial, prohibited, or whose classification the figures cannot decide are not licensable.
impact-no-charges = No fee or tariff applies under these rules.
impact-charges = Fees and tariffs (rate × price × units):
impact-charge-amount = {$rate} × {$price} × {$units} units = {$amount}
impact-charge-no-price = no --price given, amount not computed
impact-charge-may = {" "}(may apply: the figures that decide it are not known exactly; not in the total)
impact-total-due = Total due: {$amount}
impact-give-price = Give --price for: {$chips}
impact-reference = Reference figures (source, date, confidence):
impact-unit-chip = units ({$chip})
impact-compare-chip = the shipment's TPP is {$ratio} of this figure ({$value} {$chip} ≈ {$h100} H100 equivalents)
impact-compare = the shipment's TPP is {$ratio} of this figure
impact-compare-context = context only: a share of world compute has no common unit with a shipment
impact-note = note: {$note}

## How current the lists in use are
staleness-old = screening lists from {$generated} are {$age} days old (more than {$max}); download a fresh consolidated list
staleness-undated = the screening lists in {$file} carry no generation date, so earl cannot tell how current they are (the file was last modified {$modified}); use trade.gov's JSON download, which is dated, or `earl update`
staleness-modified-on = on {$date}
staleness-modified-unknown = at an unknown time

## Keeping answers current (currency.rs): earl lists, earl lists diff, earl audit rescreen and recheck
quoted = “{$text}”
lists-in-use = In use: {$source}, generated {$date}, {$days} days old.
lists-in-use-undated = In use: {$source}, generation date unknown (the file carries none), so its age is unknown.
lists-provenance = {$source} ({$generated}, {$count} entries, sha256 {$hash}…)
lists-diff-from = from {$provenance}
lists-diff-to = to   {$provenance}
lists-diff-same = The two versions hold the same entries.
lists-diff-counts = {$added} added, {$removed} removed, {$changed} changed
lists-diff-field = {$before} → {$after}
records-and-more = {$shown} and {$more} more
reexamine-party-change = {$name} — {$list}: {$entry} (as “{$matched}”, score {$score}); records {$records}
not-read-record = record {$record}: {$reason}
not-read-more = … and {$more} more (see --json)
rescreen-head = {$parties} parties in {$records} records ({$occurrences} occurrences) screened against {$source} (sha256 {$hash}…): {$screened} screened now, {$reused} already screened against these lists.
rescreen-unchanged-by-update = {$names} of the names screened against the earlier lists (sha256 {$hash}…) keep their result: the update ({$added} entries added or changed, {$removed} removed or changed) does not reach them.
rescreen-none-changed = No party's matches changed.
rescreen-new-hits = Now listed (matches the records did not have):
rescreen-reraised = Raised again (matches a reviewer had set aside as false positives):
rescreen-cleared = No longer matched (matches the records had):
rescreen-not-read = {$count} records could not be read:
recheck-head = {$records} recorded checks ({$questions} distinct questions) answered again under the rules and lists in use ({$source}).
recheck-ownership-graph = Owners were also looked up in the ownership graph, version {$graph}.
recheck-none-changed = No answer changed.
recheck-outcome = { $licence ->
        [required] licence required
        [not-required] no licence required
       *[undetermined] undetermined
    }{ $prohibited ->
        [yes] {", prohibited"}
       *[no] {""}
    }
recheck-changed = record {$record} ({$date}): {$before} → {$after}; because of {$because}
recheck-because-details = the answer's details
recheck-not-rechecked = {$count} records could not be rechecked:

## The CLI's own status lines (status.rs), after "earl: "
batch-screened = {$rows} rows: {$hits} with matches, {$failed} could not be screened
batch-checked = {$rows} rows: {$checked} checked ({$required} need a licence{ $undetermined ->
        [0] {""}
       *[other] , {$undetermined} undetermined
    }), {$failed} could not be checked
audit-exported = exported {$count} records
written-matrix = Matrix written to {$path}
written-chart = Chart written to {$path}

## The lists' count-drop warnings (currency.rs) and `earl update`'s report
count-drop-vanished = list {$list} is empty or missing (had {$before} entries)
count-drop = list {$list} dropped from {$before} to {$now} entries (−{$percent}%, more than {$max}%)
list-warning-against-bundled = {$drop} in {$file}, against the bundled lists
list-warning-partial-accepted = screened against lists with no rows of the {$missing}, as accepted (--accept-partial-lists): a party listed only there is not found
essential-list-el = Entity List (EL)
essential-list-sdn = SDN list (SDN)
essential-lists-both = {$first} and the {$second}
update-lists-in-use = Lists in use now: {$file} from {$url} ({$count} entries; generated {$generated}), fetched {$fetched}; sha256 {$hash}
update-generated-unknown = on an unknown date: the file carries none
update-previously = Previously: {$source}
update-accepted-drop = accepted (--accept-drop): {$drop}
update-documents = {$count} BIS documents published since {$since} touch the parts earl encodes ({$pages} pages read):
update-document = {$date} {$kind} — {$title} ({$citation})
update-no-documents = No documents*.json in the directory: the Federal Register documents were not updated.

## The CLI's refusals of bad input (errors.rs), after "earl: "
error-unknown-chip = unknown chip `{$name}` (see `earl chips`)
error-unknown-chip-suggest = unknown chip `{$name}`; closest catalog names: {$suggestions} (see `earl chips`)
error-unknown-country = unknown country `{$name}` (give an ISO 3166-1 alpha-2 code such as CN, or a name)
error-unknown-country-suggest = unknown country `{$name}`; did you mean {$suggestions}? (give an ISO 3166-1 alpha-2 code such as CN, or a name)
error-ambiguous-country = ambiguous country `{$name}`: it may mean {$candidates} (give an ISO 3166-1 alpha-2 code such as CN, or a name)
error-bad-date = invalid date `{$text}`: expected YYYY-MM-DD
error-bad-date-detail = invalid date `{$text}`: expected YYYY-MM-DD ({$detail})
error-unknown-scenario = unknown scenario `{$name}` (known: {$known}; or give a scenario file)
error-unknown-point = `{$spec}` is not a date (YYYY-MM-DD), a rule version id (see data/rules.toml, e.g. 2026-01-15-h200-lane) or a scenario id (known: {$known})
error-not-assignment = {$flag} `{$arg}`: expected {$form}, e.g. {$example}
error-bad-units = --units `{$arg}`: `{$n}` is not a whole number of units (expected a positive integer)
error-zero-units = --units `{$arg}`: the number of units must be at least 1
error-bad-price = --price `{$arg}`: `{$price}` is not a price in US dollars (e.g. 27000 or 27000.50)
error-name-empty = {$subject} is empty
error-name-too-long = {$subject} is longer than {$max} characters
error-name-control = {$subject} `{$name}` holds {$char} at character {$at} (a control character or line break): remove it
error-name-bidi = {$subject} `{$name}` holds {$char} at character {$at} (a bidirectional control, which changes how the name is displayed but not what is screened): remove it
error-name-no-letter = {$subject} `{$name}` has no letter or digit: there is nothing to screen
name-subject-name = the name
name-subject-to-screen = the name to screen
name-subject-first = the first name
name-subject-second = the second name
name-subject-end-user = the end user name
name-subject-owner-name = the owner name
name-subject-party = the party name
name-subject-owner = the owner
name-subject-owned = the owned
error-rows-not-checked = {$failed} of {$rows} rows could not be checked (see above)
error-rows-not-screened = {$failed} of {$rows} rows could not be screened (see above)
error-unreadable-row = {$file}: line {$line}: unreadable row: {$error}
error-unreadable = unreadable row: {$error}
# A file the user named (English prints each error's own Display, which says the same; `error`: the system's reason)
error-cannot-open = {$file}: cannot open: {$error}
error-cannot-read = {$file}: cannot read: {$error}
error-cannot-create = {$file}: cannot create: {$error}
error-unknown-column = {$file}: line 1, column {$column}: unknown column `{$name}`; the columns are: {$expected}
error-unknown-column-hint = {$file}: line 1, column {$column}: unknown column `{$name}` (did you mean `{$hint}`?); the columns are: {$expected}
error-column-twice = {$file}: line 1: column `{$name}` appears twice
error-missing-column = {$file}: line 1: missing column `{$name}` (the columns are: {$expected})
error-missing-pair-column = {$file}: line 1: missing column `{$name}` (columns a and b are compared)
error-row = {$file}: line {$line}: {$reason}
error-not-whole-number = {$column} `{$text}` is not a whole number
error-not-number = {$column} `{$text}` is not a number
error-not-yes-no = {$column} `{$text}` is not yes or no (leave it out when the fact is not known)
error-quantity-not-units = quantity is not a whole number of units
error-licence-and-us = a row is either under a licence or `us`, not both
error-owns-itself = `{$name}` is said to own itself
error-not-share = column `percent`: `{$text}` is not a share more than 0 and at most 100
error-not-date = column `{$column}`: `{$text}` is not a date (YYYY-MM-DD)
error-to-before-from = column `to`: {$to} is before `from` {$from}
error-at = {$file}:{$line}: {$reason}
error-review-unknown-column = unknown column `{$name}` (columns: {$required}, optionally {$optional})
error-header-lacks = the header lacks `{$name}`
error-not-decision = `decision` is false-positive, true-match or escalated
note-absent-columns = {$file}: no column {$columns} — taken as empty in every row
# The system's reasons earl words (English shows the system's own sentence instead)
io-not-found = No such file or directory
io-permission-denied = Permission denied

## A figure outside its bound (earl_core::bounds): what it is, and why the bound is there.
error-out-of-bounds = {$flag}: {$value} is outside the bounds for {$what} ({$low} and at most {$max}): {$reason}
bound-more-than = more than {$min}
bound-at-least = at least {$min}
bound-what-tops = throughput in TOPS
bound-what-tpp = TPP
bound-what-die-area = die area in mm²
bound-what-pd = performance density
bound-what-memory-bandwidth = memory bandwidth in GB/s
bound-what-chip-to-chip = chip-to-chip bandwidth in GB/s
bound-what-package-area = package area in mm²
bound-what-memory = memory in GB
bound-what-power = power in W
bound-reason-tops = 10 million TOPS is 80 times a whole-wafer processor's peak (Cerebras WSE-3, 125 PFLOPS sparse FP16); 3A090 aggregates at most a circuit board
bound-reason-tpp = the largest throughput accepted (10 million TOPS) at the longest bit length (64) is 640 million
bound-reason-die-area = a 300 mm wafer is 70,686 mm², and a circuit board of such dies is under a square metre (10⁶ mm²); a logic die under 1 mm² cannot carry a datacenter accelerator
bound-reason-pd = the densest chip in chips.md is at most 45.8; 10,000 is over 200 times that
bound-reason-memory-bandwidth = 100 PB/s is five times the on-wafer SRAM bandwidth of a whole-wafer processor (21 PB/s) and over 10,000 times any HBM package
bound-reason-chip-to-chip = 10 PB/s is over 1,000 times the fastest accelerator links (1.8 TB/s NVLink 5)
bound-reason-package-area = an HBM stack is about 100 mm²; 100,000 mm² is larger than any package
bound-reason-memory = a petabyte is thousands of times any accelerator's memory
bound-reason-power = a megawatt is a whole data-hall row, not a chip

## earl update's refusals of a list.
error-list-dropped = refused the list from {$origin}: {$drops}; a truncated download looks like this. If the lists really shrank, run again with --accept-drop
error-list-empty = refused the list from {$origin}: it holds no entries
error-cannot-write = {$file}: cannot write: {$error}
error-cannot-write-file = cannot write {$file}: {$error}
error-bad-count = --contains `{$arg}`: `{$n}` is not a whole number of chips
error-threshold-range = the threshold must be between 0 and 1, got {$value}
error-http-status = {$url}: the server answered HTTP {$status}

## The command line's usage errors, from the argument parser's parts (English prints the parser's own message, which says the same). `arg`: an argument as the parser names it (`--to <TO>`, `<CHIP>`); `usage`: the usage line.
usage-error = error: {$wrong}
usage-unknown-argument = unexpected argument '{$arg}' found
usage-unknown-subcommand = unrecognized subcommand '{$name}'
usage-missing-arguments = the following required arguments were not provided:
usage-value-missing = a value is required for '{$arg}' but none was supplied
usage-invalid-value = invalid value '{$value}' for '{$arg}'
usage-possible-values = [possible values: {$values}]
# `reason`: the argument's own parser's, in English
usage-bad-value = invalid value '{$value}' for '{$arg}': {$reason}
usage-used-twice = the argument '{$arg}' cannot be used multiple times
usage-conflict = the argument '{$arg}' cannot be used with '{$other}'
usage-conflict-many = the argument '{$arg}' cannot be used with:
usage-conflict-unnamed = the argument '{$arg}' cannot be used with one or more of the other specified arguments
usage-extra-value = unexpected value '{$value}' for '{$arg}' found; no more were expected
usage-missing-subcommand = '{$name}' requires a subcommand but one was not provided
usage-subcommands = [subcommands: {$values}]
usage-tip = tip: {$tip}
usage-quoted = '{$name}'
usage-similar-argument = a similar argument exists: {$names}
usage-similar-arguments = some similar arguments exist: {$names}
usage-similar-subcommand = a similar subcommand exists: {$names}
usage-similar-subcommands = some similar subcommands exist: {$names}
usage-similar-value = a similar value exists: {$names}
usage-similar-values = some similar values exist: {$names}
usage-pass-as-value = to pass '{$arg}' as a value, use '{$command}'
usage-usage = Usage: {$usage}
usage-more = For more information, try '{$help}'.

## Round 8: the ledger's bounds (`what`: the column or flag, `quantity`, `--value`…), a column's refused cell.
error-units-out-of-bounds = {$what} {$quantity}: a quantity is a whole number of units from 1 to 1000000000 (10^9, more than a year's world output of AI accelerators)
error-value-out-of-bounds = {$what} {$value}: a value is a number of US dollars from 0 to 10000000000000 (10^13, more than any licence authorises)
error-in-column = column `{$column}`: {$error}
error-holding-twice = the holding of `{$owner}` in `{$owned}` for the same dates is given twice
# The CSV reader's reasons (English prints the reader's own sentence; `column` counts from 1)
csv-not-utf8 = field {$column} is not UTF-8 text
csv-field-count = the row has {$found} fields where the rows before it have {$expected}

## earl serve's refusals before it listens (`reason`: the address resolver's, in English)
error-token-file-unreadable = {$file}: cannot read the token file: {$error}
error-token-file-empty = {$file}: the token file is empty
error-token-var-empty = EARL_TOKEN is set but empty
error-token-required = refusing to listen on {$addr}, which is not a loopback address, without a token: set EARL_TOKEN or pass --token-file FILE (or listen on 127.0.0.1)
error-bad-address = cannot use the address `{$addr}`: {$reason}
warning-short-token = warning: the token is shorter than {$min} characters and can be guessed

## earl update's network failures and refusals (`error`: the HTTP library's, the loader's or the parser's own sentence, in English)
error-cannot-fetch = cannot fetch {$url}: {$error} (offline? for an air-gapped site, download the files elsewhere and use `earl update --from-dir DIR`)
error-cut-short-after = {$url}: the download was cut short after {$bytes} bytes: {$error}
error-cut-short = {$url}: the download was cut short: {$error}
error-short-of = {$url}: the download was cut short: {$got} of {$expected} bytes
error-http-answer = the server answered HTTP {$status}
error-gave-up = {$url}: {$last} (tried {$attempts} times)
error-answer-not-utf8 = {$url}: the answer is not UTF-8
error-answer-not-json = {$url}: the answer is not JSON: {$error}
error-list-refused = refused the list from {$origin}: {$error}
error-documents-refused = refused the documents: {$error}
error-too-many-pages = refused the documents from {$base}: more than {$max} pages
error-no-lists-file = {$dir}: no consolidated.json or consolidated.csv (trade.gov's CSL download)
error-no-gleif-files = {$dir}: no gleif*.json (GLEIF API documents)
error-not-json = {$file}: not valid JSON: {$error}

## The audit trail's and the ownership graph's refusals (`reason`: the store's own sentence, in English)
error-trail = audit trail: {$reason}
error-trail-is-directory = audit trail: {$path}: is a directory; the audit trail needs a database file path
error-trail-missing = audit trail: {$path}: no audit trail here
error-trail-not-sqlite = audit trail: {$path}: not an SQLite database
error-trail-foreign = audit trail: {$path}: an SQLite database that is not an earl audit trail; refusing to modify it
error-trail-needs-migration = audit trail: {$path}: audit trail schema version {$found}: run `earl audit migrate` to upgrade it to version 3 (verified before and after, with a backup)
error-needs-trail-dispositions = dispositions are kept in the audit trail: drop --no-audit
error-needs-trail-review-queue = the review queue is read from the audit trail: drop --no-audit
error-needs-trail-ledger = licences and shipments are kept in the audit trail: drop --no-audit
error-no-ownership-graph = no ownership graph: import one with `earl owners import FILE`
error-no-disposition = no disposition {$id} is recorded
error-already-revoked = disposition {$id} is already revoked

## The API's errors that are only an HTTP status (earl-server's `ApiError::from_status`)
api-status-not-found = no such endpoint; see GET /v1/openapi.json
api-status-method-not-allowed = this endpoint does not accept that method
api-status-timeout = the request took too long and was abandoned
api-status-payload-too-large = the request body is too large
api-status-unsupported-media-type = send the body as application/json
api-status-unauthorized = a bearer token is required
api-status-bad-request = the request was not accepted
api-status-internal = the server failed to answer; the failure was logged
