// earl's page: forms that call the /v1/ API and show its answers. Every value from the server
// is inserted as text (never as HTML), so a name in a list cannot inject markup.
"use strict";

/** Screening matches listed before the rest are folded away. */
const MATCHES_SHOWN = 8;

/** The page's language (set by the server from ?lang= or Accept-Language), asked of the API too. */
const LANG = document.documentElement.lang || "en";

/** The page's messages in its language, from earl's catalogs (embedded by the server). */
const MESSAGES = JSON.parse(document.getElementById("messages").textContent || "{}");

/** A message with its {$name} placeholders filled; a missing one shows its id, never nothing. */
function t(id, args) {
  const text = MESSAGES[id];
  if (text === undefined) return `[${id}]`;
  return text.replace(/\{\$([a-z_]+)\}/g, (whole, name) => (args && args[name] !== undefined ? String(args[name]) : whole));
}

/** Latin names, ids and citations kept whole inside right-to-left text. */
const bdi = (text) => el("bdi", {}, text);

/** How each decision reads is page-decision-<decision>; this is its colour class. */
const DECISION_TONES = {
  prohibited: "deny",
  possibly_prohibited: "deny",
  no_license_required: "ok",
  license_exception: "ok",
  presumption_of_approval: "warn",
  case_by_case: "warn",
  presumption_of_denial: "deny",
  policy_of_denial: "deny",
  license_required: "warn",
  undetermined: "unknown",
};

/** The one-word decision of a determination (the server's `decision` for matrix cells). */
function decisionOf(d) {
  if (d.prohibited === true) return "prohibited";
  if (d.prohibited === null) return "possibly_prohibited";
  if (d.license_required === null || d.license_required === undefined) return "undetermined";
  if (d.license_required === false) return "no_license_required";
  if (d.license_exception) return "license_exception";
  return d.review_policy || "license_required";
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v;
    else node.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    node.append(typeof c === "string" || typeof c === "number" ? String(c) : c);
  }
  return node;
}

function headers(json) {
  // Errors are worded in the page's language where earl can (their codes never change).
  const h = { "Accept-Language": LANG };
  if (json) h["Content-Type"] = "application/json";
  const token = document.getElementById("token").value.trim();
  if (token) h["Authorization"] = "Bearer " + token;
  return h;
}

/** Calls the API; resolves to the JSON answer or throws an Error carrying the server's message. */
/** The endpoints whose answers carry sentences, and so take ?lang=; the others refuse it. */
const SPEAKING = ["/v1/check", "/v1/classify"];

async function api(path, body) {
  if (SPEAKING.includes(path)) path += "?lang=" + encodeURIComponent(LANG);
  const init = body === undefined ? { headers: headers(false) } : { method: "POST", headers: headers(true), body: JSON.stringify(body) };
  const response = await fetch(path, init);
  const answer = await response.json().catch(() => ({ error: { message: response.statusText } }));
  if (response.status === 401) document.getElementById("token-box").hidden = false;
  if (!response.ok) throw refusal(response, answer);
  return answer;
}

/** The server's refusal as an Error: its message, with the HTTP status and the stable code kept. */
function refusal(response, answer) {
  const error = new Error(answer.error ? answer.error.message : response.statusText);
  error.status = response.status;
  error.code = answer.error ? answer.error.code : "";
  return error;
}

function showError(target, error) {
  target.replaceChildren(el("p", { class: "error", role: "alert" }, error.message));
}

// A step's sentence takes its direction from its first letter (dir="auto"): the rules' own
// wording is English inside an Arabic page; a citation is always left to right.
function steps(title, list, className) {
  if (!list || list.length === 0) return null;
  return el("div", { class: "steps " + (className || "") },
    el("h3", {}, title),
    el("ol", {}, list.map((s) => el("li", {},
      el("span", { class: "text", dir: "auto" }, s.text),
      el("span", { class: "cite", dir: "ltr" }, s.cite, s.confidence === "UNVERIFIED" ? ` [${t("mark-unverified")}]` : null),
    ))),
  );
}

function field(label, value) {
  const shown = value === null || value === undefined || value === "" ? "—" : value;
  return [el("dt", {}, label), el("dd", {}, typeof shown === "string" || typeof shown === "number" ? bdi(String(shown)) : shown)];
}

/** What the answer says the lists lack (a list missing or cut short against the bundled one, a
 * partial list accepted, a sharp drop since the last load): a "no match" against such lists is
 * no clear, so the warnings come before the matches. */
function listWarnings(answer) {
  const texts = (answer.list_warnings || []).concat(answer.count_drop_warnings || []);
  return texts.map((text) => el("p", { class: "warn list-warning", dir: "auto" }, text));
}

/** The classification as the facts give it: undetermined (with the paragraphs still possible)
 * when the known figures cannot decide it, never "not 3A090". */
function classificationOf(d) {
  if (d.paragraph || d.eccn) return d.paragraph || d.eccn;
  // Open even when every possible classification gives the same answer (no possible_outcomes).
  const open = (d.because || []).find((s) => s.kind === "classification_open");
  if (open) return t("page-classification-undetermined", { possible: open.possible.join(", ") });
  return t("outcome-not", { eccn: d.system ? "4A090" : "3A090" });
}

/** What each classification still possible leads to, when the figures cannot decide it. */
function possibleOutcomes(list) {
  if (!list || list.length === 0) return null;
  const licence = (o) => {
    if (o.license_required === null || o.license_required === undefined) return t("page-if-undetermined", { classification: o.classification });
    if (o.license_required === false) return t("page-if-no-licence", { classification: o.classification });
    if (o.license_exception) return t("page-if-licence-exception", { classification: o.classification, exception: o.license_exception });
    return t("page-if-licence-required", { classification: o.classification });
  };
  const policy = (p) => t("policy-" + p.replaceAll("_", "-"));
  // Null with readings open means "open", never "none": each reading with its entry.
  const review = (o) => {
    if (o.review_policy) return policy(o.review_policy);
    if (!o.review_open) return null;
    const { readings, fallback } = o.review_open;
    const said = readings.map((r, i) => t(
      fallback && i === readings.length - 1 ? "review-reading-fallback"
        : i === 0 ? "review-reading-first" : "review-reading-else",
      { policy: policy(r.policy), entry: r.entry }));
    if (!fallback) said.push(t("review-reading-none"));
    return t("review-open", { readings: said.join(t("list-semicolon")) });
  };
  return el("div", { class: "steps possible-outcomes" },
    el("h3", {}, t("page-possible-outcomes")),
    el("ul", {}, list.map((o) => {
      const r = review(o);
      return el("li", {}, bdi(licence(o)), r ? [" — ", bdi(r)] : null);
    })),
  );
}

/** What would settle an undetermined answer: figures, listing dates, readings of the law. */
function deciding(list) {
  if (!list || list.length === 0) return null;
  return el("div", { class: "steps deciding" },
    el("h3", {}, t("page-deciding")),
    el("ul", {}, list.map((text) => el("li", { dir: "auto" }, text))),
  );
}

function renderCheck(d) {
  const decision = decisionOf(d);
  const tone = DECISION_TONES[decision] || "unknown";
  const words = DECISION_TONES[decision] ? t("page-decision-" + decision) : decision;
  const charges = (d.charges || []).map((c) => el("span", { dir: "ltr" }, `${c.text} (${c.cite})`));
  const matches = (d.end_user_matches || []).map((m) => el("span", {}, bdi(`${m.list}: ${m.name}`), ` (${t("page-score", { score: Number(m.score).toFixed(2) })})`,
    m.review ? el("span", { class: "review-note" }, " — ", reviewNote(m.review)) : null))
    // An end user restricted through its owners: their hits, never "none at or above the threshold".
    .concat((d.owner_matches || []).map((m) => el("span", { class: "owner-match" }, t("page-owner-match", { list: m.list, name: m.name, party: m.party }))));
  const list = (items) => el("span", {}, items.flatMap((item, i) => (i ? ["; ", item] : [item])));
  const destination = d.treated_as ? t("destination-treated-as", { destination: d.destination, treated_as: d.treated_as }) : d.destination;
  return [
    el("p", { id: "decision", class: "decision " + tone, "data-decision": decision }, words),
    ...listWarnings(d),
    el("dl", { class: "facts" },
      field(t("page-chip"), d.chip_name),
      field(t("page-classification"), classificationOf(d)),
      field(t("page-destination"), destination),
      field(t("page-date-and-rules"), t("page-rules-as-of", { date: d.date, regime: d.regime }) + (d.scenario ? t("scenario-suffix", { scenario: d.scenario }) : "")),
      field(t("page-licence-exception"), d.license_exception),
      field(t("page-review-policy"), d.review_policy ? t("policy-" + d.review_policy.replaceAll("_", "-")) : null),
      field(t("page-end-user-matches"), matches.length ? list(matches) : d.end_user ? t("page-no-match-at-threshold") : t("page-no-end-user")),
      field(t("page-charges"), charges.length ? list(charges) : null),
    ),
    reviewedList(d.reviewed, "hit", (hit) => hit.party),
    possibleOutcomes(d.possible_outcomes),
    deciding(d.deciding),
    steps(t("heading-conditions"), d.conditions, "conditions"),
    steps(t("page-why"), d.because, "because"),
    steps(t("heading-notices"), d.notices, "notices"),
    steps(t("page-not-checked"), d.not_checked, "not-checked"),
  ];
}

async function submitCheck(event) {
  event.preventDefault();
  const target = document.getElementById("check-result");
  const value = (id) => document.getElementById(id).value.trim();
  const body = { chip: value("chip"), to: value("to") };
  for (const [key, id] of [["end_user", "end-user"], ["end_user_hq", "end-user-hq"], ["date", "date"], ["scenario", "scenario"]]) {
    if (value(id)) body[key] = value(id);
  }
  target.replaceChildren(el("p", { class: "hint" }, t("page-checking")));
  try {
    target.replaceChildren(...renderCheck(await api("/v1/check", body)).filter(Boolean));
  } catch (e) {
    showError(target, e);
  }
}

function explainMatch(m) {
  const e = m.explain || {};
  const pairs = (e.pairs || []).map((p) => `${p.query} ↔ ${p.list} (${Number(p.similarity).toFixed(2)}, ${p.method})`);
  const low = (e.low_weight_tokens || []).map((t) => t.text);
  const translit = (e.transliterations || []).map((t) => `${t.from} → ${t.to} (${t.method})`);
  return el("li", { class: "match" },
    el("div", { class: "match-head" },
      el("span", { class: "score" }, Number(m.score).toFixed(2)),
      el("span", { class: "list" }, bdi(m.list)),
      el("strong", {}, bdi(m.name)),
      m.matched_name !== m.name ? el("span", { class: "hint" }, " ", bdi(t("page-matched-as", { name: m.matched_name }))) : null,
    ),
    el("p", { class: "effect", dir: "auto" }, m.effect ? m.effect.text : ""),
    m.review ? el("p", { class: "review-note" }, reviewNote(m.review)) : null,
    m.license_policy ? el("p", {}, t("page-licence-policy", { policy: m.license_policy })) : null,
    el("p", { class: "explain" }, t("page-pairs", { pairs: pairs.join("; ") || t("none") })),
    (e.unmatched_query_tokens || []).length ? el("p", { class: "explain" }, t("page-unmatched-query", { tokens: e.unmatched_query_tokens.join(", ") })) : null,
    low.length ? el("p", { class: "explain" }, t("page-weighed-low", { tokens: low.join(", ") })) : null,
    translit.length ? el("p", { class: "explain" }, t("page-transliterated", { items: translit.join("; ") })) : null,
  );
}

async function submitScreen(event) {
  event.preventDefault();
  const target = document.getElementById("screen-result");
  const params = new URLSearchParams({ q: document.getElementById("screen-q").value.trim() });
  const country = document.getElementById("screen-country").value.trim();
  if (country) params.set("country", country);
  target.replaceChildren(el("p", { class: "hint" }, t("page-screening")));
  try {
    const r = await api("/v1/screen?" + params);
    const summary = t("page-screen-summary", { count: r.matches.length, threshold: r.threshold, generated: r.lists.generated, source: r.lists.source_file });
    const shown = r.matches.slice(0, MATCHES_SHOWN).map(explainMatch);
    const rest = r.matches.slice(MATCHES_SHOWN);
    const more = rest.length
      ? el("details", {}, el("summary", {}, t("page-more", { count: rest.length })), el("ol", { class: "matches", start: MATCHES_SHOWN + 1 }, rest.map(explainMatch)))
      : null;
    const reviewed = reviewedList(r.reviewed, "match", () => r.query);
    const affiliates = affiliateList(r.affiliate_of);
    target.replaceChildren(...[...listWarnings(r), el("p", { id: "screen-summary" }, summary), affiliates, el("ol", { class: "matches" }, shown), more, reviewed].filter(Boolean));
  } catch (e) {
    showError(target, e);
  }
}

/** The listed owners the ownership graph puts behind the screened name (the answer's
 * `affiliate_of`): a hit with no list entry of its own, shown before the matches so that an
 * affiliate never reads as "no match". */
function affiliateList(affiliates) {
  if (!affiliates || affiliates.length === 0) return null;
  return el("div", { class: "steps affiliates" },
    el("h3", {}, t("page-affiliates-heading")),
    el("ol", {}, affiliates.map((a) => el("li", { class: "affiliate", "data-rule-status": a.rule_status }, t("page-affiliate", {
      party: a.party,
      owners: a.listed_owners.map((o) => t("page-affiliate-owner", { list: o.list, name: o.name })).join("; "),
      rule: a.rule,
      status: t("page-rule-" + a.rule_status.replaceAll("_", "-")),
      verdict: t("page-affiliate-" + a.verdict.replaceAll("_", "-")),
    })))),
  );
}

/** What a reviewer's disposition says of a hit that stays among the hits (the answer's
 * `review`): confirmed as a true match, escalated, or raised again with why. */
function reviewNote(review) {
  const n = review.note;
  const args = { reviewer: n.reviewer, date: n.date, id: n.disposition, reason: n.reason };
  if (review.status === "confirmed") return t("review-confirmed", args);
  if (review.status === "escalated") return t("review-escalated", args);
  if (review.why.kind === "expired") return t("review-reraised-expired", { ...args, expires: review.why.expires, judged: review.why.judged_on });
  return t("review-reraised-changed", { ...args, reviewed: review.why.reviewed_hash, current: review.why.current_hash });
}

/** The matches a reviewer set aside as false positives (the answer's `reviewed`: the match
 * under `key`, the reviewer's note under `review`), apart from the hits. Review notes are the
 * catalog's sentences in the page's language (arguments isolated right to left), so they take
 * the page's direction, not their first letter's (no dir="auto"). */
function reviewedList(reviewed, key, partyOf) {
  if (!reviewed || reviewed.length === 0) return null;
  return el("div", { class: "steps reviewed" },
    el("h3", {}, t("heading-reviewed")),
    el("ol", {}, reviewed.map((r) => {
      const hit = r[key];
      const n = r.review;
      const expires = n.expires ? t("reviewed-expires", { date: n.expires }) : "";
      return el("li", { class: "reviewed-hit" }, t("reviewed-hit", {
        party: partyOf(hit), name: hit.name, list: hit.list, entry: hit.entry_id,
        reviewer: n.reviewer, date: n.date, id: n.disposition, expires, reason: n.reason,
      }));
    })),
  );
}

const DISPOSITION_DECISIONS = ["false-positive", "true-match", "escalated"];

/** The review queue (GET /v1/review/queue): the recorded hits no disposition covers, oldest
 * first, each with a form that records a disposition (POST /v1/review, with the token). */
async function loadQueue() {
  const target = document.getElementById("review-result");
  target.replaceChildren(el("p", { class: "hint" }, t("page-review-loading")));
  try {
    const q = await api("/v1/review/queue");
    const lists = Object.entries(q.per_list).map(([list, count]) => `${list} ${count}`).join(", ");
    const parts = [q.hits.length
      ? el("p", { id: "review-summary" }, t("page-review-per-list", { lists }))
      : el("p", { id: "review-summary" }, t("queue-empty"))];
    // A record the queue could not read may hold a hit no disposition covers: say so.
    if (q.not_read.length) {
      parts.push(el("p", { class: "warn" }, t("page-review-not-read", {
        count: q.not_read.length, records: q.not_read.map((n) => `${n.record}: ${n.reason}`).join("; "),
      })));
    }
    parts.push(el("ol", { class: "queue" }, q.hits.map(queuedHit)));
    target.replaceChildren(...parts);
  } catch (e) {
    showError(target, e);
  }
}

function queuedHit(hit) {
  const answer = el("div", { class: "review-answer", "aria-live": "polite" });
  const entry = el("span", {}, bdi(hit.entry), hit.matched_name !== hit.entry ? [" ", bdi(t("page-matched-as", { name: hit.matched_name }))] : null,
    ` (${t("page-score", { score: Number(hit.score).toFixed(2) })})`);
  return el("li", { class: "queued-hit", "data-entry-id": hit.entry_id || "" },
    el("dl", { class: "facts" },
      field(t("page-review-party"), hit.party),
      field(t("page-review-entry"), entry),
      field(t("page-review-list"), hit.list),
      field(t("page-review-entry-id"), hit.entry_id),
      field(t("page-review-first-recorded"), hit.first_recorded),
      field(t("page-review-records"), el("span", { title: hit.records.join(", ") }, String(hit.records.length))),
    ),
    hit.review ? el("p", { class: "warn" }, reviewNote(hit.review)) : null,
    // A hit recorded before entries carried ids cannot be named: screen the party again.
    hit.entry_id ? reviewForm(hit, answer) : el("p", { class: "warn" }, t("queue-no-entry-id")),
    answer,
  );
}

function reviewForm(hit, answer) {
  const form = el("form", { class: "review-form" },
    el("label", {}, t("page-review-decision"),
      el("select", { name: "decision" }, DISPOSITION_DECISIONS.map((d) => el("option", { value: d }, t("decision-" + d))))),
    el("label", {}, t("page-review-reviewer"), el("input", { name: "reviewer", required: "", dir: "auto", autocomplete: "name" })),
    el("label", {}, t("page-review-reason"), el("input", { name: "reason", required: "", dir: "auto" })),
    el("label", {}, `${t("page-review-expires")} (${t("page-optional")})`, el("input", { name: "expires", type: "date" })),
    el("button", { type: "submit" }, t("page-review-submit")),
  );
  form.addEventListener("submit", (event) => submitReview(event, hit, form, answer));
  return form;
}

async function submitReview(event, hit, form, answer) {
  event.preventDefault();
  const value = (name) => form.elements[name].value.trim();
  const body = { party: hit.party, entry: hit.entry_id, decision: value("decision"), reviewer: value("reviewer"), reason: value("reason") };
  if (value("expires")) body.expires = value("expires");
  answer.replaceChildren(el("p", { class: "hint" }, t("page-review-recording")));
  try {
    const d = await api("/v1/review", body);
    const recorded = t("page-review-recorded", { id: d.id, decision: t("decision-" + d.decision), party: d.party, name: d.entry_name, entry: d.entry });
    await loadQueue();
    document.getElementById("review-result").prepend(el("p", { id: "review-recorded", class: "ok", role: "status" }, recorded));
  } catch (e) {
    answer.replaceChildren(el("p", { class: "error", role: "alert" },
      t("page-review-refused", { status: e.status || "—", code: e.code || "—", message: e.message })));
  }
}

/** Fetches an SVG chart from the API and shows it as an image (a `blob:` URL, where no
 * script inside the SVG could run); resolves to the <img>, or throws the server's message. */
async function svgImage(path, body, alt) {
  const init = body === undefined ? { headers: headers(false) } : { method: "POST", headers: headers(true), body: JSON.stringify(body) };
  // The chart's labels in the page's language (its query is the chart's own parameters).
  init.headers["Accept-Language"] = LANG;
  const response = await fetch(path, init);
  if (response.status === 401) document.getElementById("token-box").hidden = false;
  if (!response.ok) {
    const answer = await response.json().catch(() => ({ error: { message: response.statusText } }));
    throw new Error(answer.error ? answer.error.message : response.statusText);
  }
  const url = URL.createObjectURL(await response.blob());
  const img = el("img", { class: "chart", alt });
  await new Promise((resolve, reject) => {
    img.onload = resolve;
    img.onerror = () => reject(new Error(t("page-chart-failed")));
    img.src = url;
  });
  return img;
}

const names = (id) => document.getElementById(id).value.split(",").map((s) => s.trim()).filter(Boolean);

/** The scenario matrix: the engine's diff of the rules in force (on the form's date, or today)
 * against the chosen scenario, drawn by the engine as a chips × destinations SVG. */
async function submitMatrix(event) {
  if (event) event.preventDefault();
  const target = document.getElementById("matrix-result");
  const scenario = document.getElementById("matrix-scenario").value;
  if (!scenario) return target.replaceChildren(el("p", { class: "hint" }, t("page-no-scenarios")));
  const date = document.getElementById("date").value || new Date().toISOString().slice(0, 10);
  const body = { from: date, to: scenario, date, chips: names("matrix-chips"), destinations: names("matrix-to") };
  target.replaceChildren(el("p", { class: "hint" }, t("page-comparing")));
  try {
    const img = await svgImage("/v1/diff.svg", body, t("page-matrix-alt", { scenario, date }));
    img.id = "matrix";
    target.replaceChildren(img);
  } catch (e) {
    showError(target, e);
  }
}

/** The timeline: the engine's step chart of one chip's determination over time, and its periods. */
async function submitTimeline(event) {
  if (event) event.preventDefault();
  const target = document.getElementById("timeline-result");
  const params = new URLSearchParams({ chip: document.getElementById("timeline-chip").value.trim(), to: document.getElementById("timeline-to").value.trim() });
  target.replaceChildren(el("p", { class: "hint" }, t("page-drawing")));
  try {
    const [img, r] = await Promise.all([
      svgImage("/v1/timeline.svg?" + params, undefined, t("page-timeline-alt", { chip: params.get("chip"), destination: params.get("to") })),
      api("/v1/timeline?" + params),
    ]);
    img.id = "timeline-chart";
    const list = el("ol", { class: "timeline-points" }, r.periods.map((p) => {
      const cause = (p.changed_by || []).map((e) => e.id || (e.group ? `${e.country} ${e.action} ${e.group}` : "")).filter(Boolean).join(", ");
      return el("li", {}, el("span", { class: "date" }, bdi(p.from)), " ", el("span", { class: "pill " + tone(p.outcome.verdict) }, t("outcome-class-" + p.outcome.verdict)),
        " — ", bdi(outcomeLabel(p.outcome.classification)), cause ? [" (", bdi(cause), ")"] : "");
    }));
    target.replaceChildren(img, list);
  } catch (e) {
    showError(target, e);
  }
}

/** A classification the engine labels in English ("3A090.a.1", "not 3A090"). */
function outcomeLabel(label) {
  return label.startsWith("not ") ? t("outcome-not", { eccn: label.slice(4) }) : label;
}

/** The colour class of an engine verdict. */
function tone(verdict) {
  if (verdict === "no_licence" || verdict === "exception") return "ok";
  if (verdict === "undetermined") return "unknown";
  if (["presumption_of_denial", "policy_of_denial", "prohibited"].includes(verdict)) return "deny";
  return "warn";
}

// The lists in use and their age, and the BIS documents newer than the rules (GET /v1/lists).
async function loadCurrency() {
  const box = document.getElementById("currency");
  try {
    const l = await api("/v1/lists");
    const p = l.provenance;
    const age = l.age_days === null ? t("page-lists-age-unknown") : t("page-lists-age", { days: l.age_days });
    const parts = [el("p", { id: "lists-age", class: l.staleness_warning ? "warn" : "hint" },
      t("page-lists", { source: p.source_file, generated: p.generated || t("page-lists-unknown-date"), age, total: p.counts.total }))];
    if (l.staleness_warning) parts.push(el("p", { class: "warn", dir: "auto" }, l.staleness_warning));
    parts.push(...listWarnings(l));
    if (l.newer_documents.length) {
      parts.push(el("p", { class: "warn" }, t("page-newer-documents", { count: l.newer_documents.length })));
      parts.push(el("ul", { id: "newer-documents" }, ...l.newer_documents.map((d) =>
        el("li", { dir: "ltr" }, `${d.publication_date} ${d.type}: `, el("a", { href: d.html_url || "#" }, d.title),
          ` (${d.citation || d.document_number}`, d.effective_on ? el("span", { dir: "auto" }, ", ", t("page-effective", { date: d.effective_on })) : null, ")"))));
    }
    box.replaceChildren(...parts);
  } catch (e) {
    box.replaceChildren(el("p", { class: "warn" }, t("page-lists-failed", { reason: e.message || e })));
  }
}

async function loadReference() {
  try {
    const catalog = await api("/v1/chips");
    const names = new Set();
    for (const c of catalog.chips) {
      names.add(c.name);
      for (const alias of c.chip.aliases || []) names.add(alias);
    }
    document.getElementById("chip-list").replaceChildren(...[...names].sort().map((n) => el("option", { value: n })));
    const scenarios = await api("/v1/scenarios");
    const matrix = document.getElementById("matrix-scenario");
    for (const s of scenarios) {
      const label = `${s.title} (${t("status-" + s.status)})`;
      document.getElementById("scenario").append(el("option", { value: s.id }, label));
      matrix.append(el("option", { value: s.id, title: s.summary }, label));
    }
  } catch (e) {
    showError(document.getElementById("check-result"), e);
  }
}

document.addEventListener("DOMContentLoaded", () => {
  const current = document.querySelector(`.lang-switch a[hreflang="${LANG}"]`);
  if (current) current.setAttribute("aria-current", "page");
  document.getElementById("check-form").addEventListener("submit", submitCheck);
  document.getElementById("screen-form").addEventListener("submit", submitScreen);
  document.getElementById("matrix-form").addEventListener("submit", submitMatrix);
  document.getElementById("timeline-form").addEventListener("submit", submitTimeline);
  document.getElementById("review-load").addEventListener("click", loadQueue);
  document.getElementById("token").addEventListener("change", () => { loadReference().then(() => submitMatrix()); loadCurrency(); submitTimeline(); });
  loadReference().then(() => submitMatrix());
  loadCurrency();
  submitTimeline();
});
