// earl's page: forms that call the /v1/ API and show its answers. Every value from the server
// is inserted as text (never as HTML), so a name in a list cannot inject markup.
"use strict";

/** Screening matches listed before the rest are folded away. */
const MATCHES_SHOWN = 8;

/** How each decision reads, and its colour class, for the result headline and the tables. */
const DECISIONS = {
  prohibited: ["Prohibited: no licence can authorise it", "deny"],
  possibly_prohibited: ["Possibly prohibited: the known facts cannot rule it out", "deny"],
  no_license_required: ["No licence required", "ok"],
  license_exception: ["Licence required, but a licence exception applies", "ok"],
  presumption_of_approval: ["Licence required: presumption of approval", "warn"],
  case_by_case: ["Licence required: case-by-case review", "warn"],
  presumption_of_denial: ["Licence required: presumption of denial", "deny"],
  policy_of_denial: ["Licence required: policy of denial", "deny"],
  license_required: ["Licence required", "warn"],
  undetermined: ["Undetermined: the known figures cannot decide", "unknown"],
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
  const h = {};
  if (json) h["Content-Type"] = "application/json";
  const token = document.getElementById("token").value.trim();
  if (token) h["Authorization"] = "Bearer " + token;
  return h;
}

/** Calls the API; resolves to the JSON answer or throws an Error carrying the server's message. */
async function api(path, body) {
  const init = body === undefined ? { headers: headers(false) } : { method: "POST", headers: headers(true), body: JSON.stringify(body) };
  const response = await fetch(path, init);
  const answer = await response.json().catch(() => ({ error: { message: response.statusText } }));
  if (response.status === 401) document.getElementById("token-box").hidden = false;
  if (!response.ok) throw new Error(answer.error ? answer.error.message : response.statusText);
  return answer;
}

function showError(target, error) {
  target.replaceChildren(el("p", { class: "error", role: "alert" }, error.message));
}

function steps(title, list, className) {
  if (!list || list.length === 0) return null;
  return el("div", { class: "steps " + (className || "") },
    el("h3", {}, title),
    el("ol", {}, list.map((s) => el("li", {},
      el("span", { class: "text" }, s.text),
      el("span", { class: "cite" }, s.cite + (s.confidence === "UNVERIFIED" ? " [UNVERIFIED]" : "")),
    ))),
  );
}

function field(label, value) {
  return [el("dt", {}, label), el("dd", {}, value === null || value === undefined || value === "" ? "—" : String(value))];
}

function renderCheck(d) {
  const decision = decisionOf(d);
  const [words, tone] = DECISIONS[decision] || [decision, "unknown"];
  const charges = (d.charges || []).map((c) => `${c.text} (${c.cite})`);
  const matches = (d.end_user_matches || []).map((m) => `${m.list}: ${m.name} (score ${Number(m.score).toFixed(2)})`);
  return [
    el("p", { id: "decision", class: "decision " + tone, "data-decision": decision }, words),
    el("dl", { class: "facts" },
      field("Chip", d.chip_name),
      field("Classification", d.paragraph || d.eccn || "not 3A090"),
      field("Destination", d.destination + (d.treated_as ? ` (treated as ${d.treated_as})` : "")),
      field("Date and rules", `${d.date}, rules as of ${d.regime}` + (d.scenario ? `, scenario ${d.scenario}` : "")),
      field("Licence exception", d.license_exception),
      field("Review policy", d.review_policy ? d.review_policy.replaceAll("_", " ") : null),
      field("End-user matches", matches.length ? matches.join("; ") : d.end_user ? "none at or above the threshold" : "no end user named"),
      field("Charges", charges.length ? charges.join("; ") : null),
    ),
    steps("Conditions", d.conditions, "conditions"),
    steps("Why (each step cited)", d.because, "because"),
    steps("Notices", d.notices, "notices"),
    steps("Not checked", d.not_checked, "not-checked"),
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
  target.replaceChildren(el("p", { class: "hint" }, "Checking…"));
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
      el("span", { class: "list" }, m.list),
      el("strong", {}, m.name),
      m.matched_name !== m.name ? el("span", { class: "hint" }, ` as “${m.matched_name}”`) : null,
    ),
    el("p", { class: "effect" }, m.effect ? m.effect.text : ""),
    m.license_policy ? el("p", {}, "Licence policy: " + m.license_policy) : null,
    el("p", { class: "explain" }, "Pairs: " + (pairs.join("; ") || "none")),
    (e.unmatched_query_tokens || []).length ? el("p", { class: "explain" }, "Unmatched in the query: " + e.unmatched_query_tokens.join(", ")) : null,
    low.length ? el("p", { class: "explain" }, "Weighed low: " + low.join(", ")) : null,
    translit.length ? el("p", { class: "explain" }, "Transliterated: " + translit.join("; ")) : null,
  );
}

async function submitScreen(event) {
  event.preventDefault();
  const target = document.getElementById("screen-result");
  const params = new URLSearchParams({ q: document.getElementById("screen-q").value.trim() });
  const country = document.getElementById("screen-country").value.trim();
  if (country) params.set("country", country);
  target.replaceChildren(el("p", { class: "hint" }, "Screening…"));
  try {
    const r = await api("/v1/screen?" + params);
    const summary = `${r.matches.length} match${r.matches.length === 1 ? "" : "es"} at or above ${r.threshold} — lists of ${r.lists.generated} (${r.lists.source_file})`;
    const shown = r.matches.slice(0, MATCHES_SHOWN).map(explainMatch);
    const rest = r.matches.slice(MATCHES_SHOWN);
    const more = rest.length
      ? el("details", {}, el("summary", {}, `${rest.length} more`), el("ol", { class: "matches", start: MATCHES_SHOWN + 1 }, rest.map(explainMatch)))
      : null;
    target.replaceChildren(el("p", { id: "screen-summary" }, summary), el("ol", { class: "matches" }, shown), more);
  } catch (e) {
    showError(target, e);
  }
}

/** Fetches an SVG chart from the API and shows it as an image (a `blob:` URL, where no
 * script inside the SVG could run); resolves to the <img>, or throws the server's message. */
async function svgImage(path, body, alt) {
  const init = body === undefined ? { headers: headers(false) } : { method: "POST", headers: headers(true), body: JSON.stringify(body) };
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
    img.onerror = () => reject(new Error("the chart could not be shown"));
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
  if (!scenario) return target.replaceChildren(el("p", { class: "hint" }, "No scenarios are loaded."));
  const date = document.getElementById("date").value || new Date().toISOString().slice(0, 10);
  const body = { from: date, to: scenario, date, chips: names("matrix-chips"), destinations: names("matrix-to") };
  target.replaceChildren(el("p", { class: "hint" }, "Comparing…"));
  try {
    const img = await svgImage("/v1/diff.svg", body, `Outcomes under scenario ${scenario} compared with the rules in force on ${date}`);
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
  target.replaceChildren(el("p", { class: "hint" }, "Drawing…"));
  try {
    const [img, r] = await Promise.all([
      svgImage("/v1/timeline.svg?" + params, undefined, `Licensing determination over time for ${params.get("chip")} to ${params.get("to")}`),
      api("/v1/timeline?" + params),
    ]);
    img.id = "timeline-chart";
    const list = el("ol", { class: "timeline-points" }, r.periods.map((p) => {
      const cause = (p.changed_by || []).map((e) => e.id || (e.group ? `${e.country} ${e.action} ${e.group}` : "")).filter(Boolean).join(", ");
      return el("li", {}, el("span", { class: "date" }, p.from), " ", el("span", { class: "pill " + tone(p.outcome.verdict) }, p.outcome.verdict.replaceAll("_", " ")),
        " — ", p.outcome.classification, cause ? ` (${cause})` : "");
    }));
    target.replaceChildren(img, list);
  } catch (e) {
    showError(target, e);
  }
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
    const age = l.age_days === null ? "age unknown: the file carries no date" : `${l.age_days} days old`;
    const parts = [el("p", { id: "lists-age", class: l.staleness_warning ? "warn" : "hint" },
      `Screening list: ${p.source_file}, generated ${p.generated || "on an unknown date"} (${age}; ${p.counts.total} entries).`)];
    if (l.staleness_warning) parts.push(el("p", { class: "warn" }, l.staleness_warning));
    if (l.newer_documents.length) {
      parts.push(el("p", { class: "warn" }, `${l.newer_documents.length} BIS documents published since the rules were encoded may change these answers:`));
      parts.push(el("ul", { id: "newer-documents" }, ...l.newer_documents.map((d) =>
        el("li", {}, `${d.publication_date} ${d.type}: `, el("a", { href: d.html_url || "#" }, d.title),
          ` (${d.citation || d.document_number}${d.effective_on ? `, effective ${d.effective_on}` : ""})`))));
    }
    box.replaceChildren(...parts);
  } catch (e) {
    box.replaceChildren(el("p", { class: "warn" }, `The lists in use cannot be shown: ${e.message || e}`));
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
      const label = `${s.title} (${s.status.replaceAll("_", " ")})`;
      document.getElementById("scenario").append(el("option", { value: s.id }, label));
      matrix.append(el("option", { value: s.id, title: s.summary }, label));
    }
  } catch (e) {
    showError(document.getElementById("check-result"), e);
  }
}

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("check-form").addEventListener("submit", submitCheck);
  document.getElementById("screen-form").addEventListener("submit", submitScreen);
  document.getElementById("matrix-form").addEventListener("submit", submitMatrix);
  document.getElementById("timeline-form").addEventListener("submit", submitTimeline);
  document.getElementById("token").addEventListener("change", () => { loadReference().then(() => submitMatrix()); loadCurrency(); submitTimeline(); });
  loadReference().then(() => submitMatrix());
  loadCurrency();
  submitTimeline();
});
