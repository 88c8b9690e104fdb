#!/usr/bin/env python3
"""Build earl's labelled name-pair evaluation sets from third-party sources.

Python 3.11, standard library only.  Reads git snapshots ("mirrors") of the
public repositories listed in SOURCES (bare git dirs, read with `git show`,
pinned to the commits below) plus earl's own CSL snapshot, and writes

    pairs-dev.tsv, pairs-holdout.tsv, README.md

next to this file.  Usage:

    python3 eval/names/build.py [--mirrors /work/.mirror]

The mirror root can also be given as $EARL_NAME_MIRRORS.  Each repository is
expected at <root>/<owner>+<name>/repo (that is how the snapshots were
fetched); a plain clone's .git directory works as well.

Everything is deterministic: the same inputs and SEED give byte-identical
outputs.  Nothing here copies any source's code; only name data is taken
(with attribution in the `source` column and README.md).
"""

from __future__ import annotations

import argparse
import collections
import csv
import difflib
import hashlib
import io
import json
import os
import random
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

SEED = 20260801
HERE = Path(__file__).resolve().parent
EARL_ROOT = HERE.parents[1]
CSL_PATH = EARL_ROOT / "data" / "csl" / "consolidated.csv"

# repo -> pinned commit (the snapshot HEAD that was read)
COMMITS = {
    "opensanctions/nomenklatura": "502208c22543a0ca8f394a2509c8be55738dbb38",
    "opensanctions/yente": "916a474c078bb21c27ed1854f3476a854f1b8ab5",
    "opensanctions/opensanctions": "f33cff233ff4393a8c71784cfe280275727b52ca",
    "moov-io/watchman": "d299005fe25f511fe8abdb6425c745e16cb5ca2c",
    "Senzing/truth-sets": "dfced9e502be5faaeadfe850ceb8491262636ae3",
}

csv.field_size_limit(10**9)
MIRRORS = Path(os.environ.get("EARL_NAME_MIRRORS", "/work/.mirror"))


# --------------------------------------------------------------------------
# git access


def git_dir(repo: str) -> Path:
    base = MIRRORS / repo.replace("/", "+")
    for cand in (base / "repo", base / ".git", base):
        if (cand / "HEAD").exists():
            return cand
    raise SystemExit(f"mirror for {repo} not found under {MIRRORS}")


def git_show(repo: str, path: str) -> str:
    out = subprocess.run(
        ["git", "--git-dir", str(git_dir(repo)), "show", f"{COMMITS[repo]}:{path}"],
        capture_output=True,
        check=True,
    ).stdout
    return out.decode("utf-8")


def git_ls(repo: str, tree: str) -> list[str]:
    out = subprocess.run(
        ["git", "--git-dir", str(git_dir(repo)), "ls-tree", "--name-only", f"{COMMITS[repo]}:{tree}"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    return [tree.rstrip("/") + "/" + x for x in out.split()]


def src(repo: str, path: str, frag: str = "") -> str:
    s = f"{repo}:{path}@{COMMITS[repo][:7]}"
    return s + (f"#{frag}" if frag else "")


# --------------------------------------------------------------------------
# text helpers

SCRIPT_NAMES = {
    "LATIN": "Latin", "CYRILLIC": "Cyrillic", "ARABIC": "Arabic", "HEBREW": "Hebrew",
    "GREEK": "Greek", "HANGUL": "Hangul", "CJK": "Han", "KATAKANA": "Kana",
    "HIRAGANA": "Kana", "KATAKANA-HIRAGANA": "Kana", "MYANMAR": "Burmese",
    "THAI": "Thai", "DEVANAGARI": "Devanagari", "BENGALI": "Bengali",
    "KANNADA": "Kannada", "KHMER": "Khmer", "ARMENIAN": "Armenian",
    "GEORGIAN": "Georgian", "TAMIL": "Tamil", "TELUGU": "Telugu",
    "GUJARATI": "Gujarati", "GURMUKHI": "Gurmukhi", "MALAYALAM": "Malayalam",
    "SINHALA": "Sinhala", "ETHIOPIC": "Ethiopic", "MONGOLIAN": "Mongolian",
    "LAO": "Lao", "TIBETAN": "Tibetan",
}


def letter_scripts(s: str) -> collections.Counter:
    c: collections.Counter = collections.Counter()
    for ch in s:
        if not ch.isalpha():
            continue
        if ord(ch) < 0x250 or 0x1E00 <= ord(ch) <= 0x1EFF:
            c["Latin"] += 1
            continue
        nm = unicodedata.name(ch, "")
        first = nm.split(" ")[0] if nm else "?"
        c[SCRIPT_NAMES.get(first, first.title())] += 1
    return c


def script_of(s: str) -> str:
    c = letter_scripts(s)
    if not c:
        return "Latin"
    if c.get("Kana"):
        return "Kana"  # Japanese (kana, possibly with kanji)
    return c.most_common(1)[0][0]


def mixed_script(s: str) -> bool:
    c = letter_scripts(s)
    if len(c) < 2:
        return False
    if set(c) <= {"Han", "Kana"}:
        return False
    return sorted(c.values())[-2] >= 2


def pair_script(a: str, b: str) -> str:
    s = {script_of(a), script_of(b)} - {"Latin"}
    return "+".join(sorted(s)) if s else "Latin"


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", s).casefold())
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def norm(s: str) -> str:
    s = fold(s)
    s = "".join(ch if (ch.isalnum()) else " " for ch in s)
    toks = s.split()
    # join runs of single letters ("l l c" -> "llc", "j p" stays "jp")
    out: list[str] = []
    run: list[str] = []
    for t in toks:
        if len(t) == 1 and t.isalpha():
            run.append(t)
            continue
        if run:
            out.append("".join(run) if len(run) > 1 else run[0])
            run = []
        out.append(t)
    if run:
        out.append("".join(run) if len(run) > 1 else run[0])
    return " ".join(out)


LEGAL_FORMS = set(
    """ltd limited llc inc incorporated co company corp corporation plc gmbh ag sa sas sarl srl spa
    bv nv oy ab as aps kg jsc ojsc cjsc pjsc oao zao ooo pao ao tov fze fzco fzc llp lp pte pvt private
    public joint stock open closed aktiengesellschaft gesellschaft mit beschrankter haftung the of
    societe anonyme sdn bhd pt tbk kk kabushiki kaisha ooo ип оао зао ооо пао ао тов""".split()
)


PARTICLES = set(
    "al el al- bin ibn ben bint binti abu abd abdul abdel de da del della di do dos du van von der den la le ul ud ur "
    "uddin the of and y e i".split()
)


def toks(s: str) -> list[str]:
    return norm(s).split()


def strip_legal(ts: list[str]) -> list[str]:
    r = [t for t in ts if t not in LEGAL_FORMS]
    return r if r else ts


def lev(a: str, b: str) -> int:
    if a == b:
        return 0
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def clean(s: str) -> str:
    s = s.replace("\t", " ").replace("\r", " ").replace("\n", " ")
    return re.sub(r" {2,}", " ", s).strip()


def classify_match(a: str, b: str, default: str) -> str:
    """Heuristic variation class for a positive pair.  `default` is what
    Latin-to-Latin spelling variation means in that source ("romanisation"
    for list aliases and transliteration variants, "typo" for perturbation
    sources, "other" otherwise)."""
    if script_of(a) != script_of(b):
        return "cross-script"
    na, nb = norm(a), norm(b)
    if na == nb or na.replace(" ", "") == nb.replace(" ", ""):
        return "exact-variant"
    ta, tb = na.split(), nb.split()
    if sorted(ta) == sorted(tb):
        return "order"
    la, lb = strip_legal(ta), strip_legal(tb)
    if (la != ta or lb != tb) and sorted(la) == sorted(lb):
        return "legal-form"
    sa, sb = set(la), set(lb)
    if sa and sb and (sa < sb or sb < sa):
        return "partial"
    short, long_ = (la, lb) if len(la) <= len(lb) else (lb, la)
    used: set[int] = set()
    close = initial = 0
    edits = 0
    content = 0  # close matches between non-particle tokens of length >= 3
    order: list[int] = []
    for t in short:
        best, bj = 0.0, -1
        for j, u in enumerate(long_):
            if j in used:
                continue
            if len(t) == 1 and u.startswith(t) or len(u) == 1 and t.startswith(u):
                r = 0.8
            else:
                r = ratio(t, u)
            if r > best:
                best, bj = r, j
        if bj >= 0 and best >= 0.7:
            used.add(bj)
            order.append(bj)
            close += 1
            u = long_[bj]
            if len(t) >= 3 and len(u) >= 3 and t not in PARTICLES and u not in PARTICLES:
                content += 1
            if (len(t) == 1) != (len(u) == 1):
                initial += 1
            else:
                edits += lev(t, u)
    if close == len(short):
        if len(short) != len(long_) or initial:
            return "partial" if content or initial else default_or_other(default)
        if order != sorted(order):
            return "order"
        if default == "romanisation":
            return "romanisation"
        if edits <= 2 or edits <= 0.15 * len(na):
            return "typo"
        return default
    if content >= 1:
        return "partial"
    return default_or_other(default)


def default_or_other(default: str) -> str:
    return "other" if default in ("romanisation", "typo") else default


# categories meaning "the two strings are the same name" -- a pair in one of
# these is never used as a *derived* negative
SAME_NAME = {"exact-variant", "order", "legal-form"}


def classify_nonmatch(a: str, b: str, kind: str) -> str:
    if script_of(a) != script_of(b):
        return "cross-script"
    if kind == "company":
        la, lb = set(strip_legal(toks(a))), set(strip_legal(toks(b)))
        if la and lb and (la < lb or lb < la):
            return "affiliate"
    return "unrelated-similar"


def name_related(a: str, b: str) -> bool:
    """True if the two Latin names share a similar token of length >= 3."""
    ta = [t for t in toks(a) if len(t) >= 3]
    tb = [t for t in toks(b) if len(t) >= 3]
    return any(ratio(x, y) >= 0.6 for x in ta for y in tb)


# --------------------------------------------------------------------------
# pair collection


class Pair(dict):
    pass


def mk(a, b, match, kind, category, source, group, script=None) -> Pair:
    a, b = clean(a), clean(b)
    return Pair(
        a=a, b=b, match=int(match), kind=kind, category=category,
        script=script or pair_script(a, b), source=source, group=group,
    )


# --------------------------------------------------------------------------
# nearest-neighbour negatives over a pool of distinct entities


class Entity:
    __slots__ = ("eid", "kind", "latin", "other", "keys", "dob", "source", "group")

    def __init__(self, eid, kind, latin, other, dob="", source="", group=""):
        self.eid = eid
        self.kind = kind
        self.latin = [n for n in latin if n]
        self.other = [n for n in other if n]
        self.keys = {norm(n) for n in self.latin + self.other if norm(n)}
        for n in self.latin:
            t = norm(n).split()
            self.keys.add(" ".join(sorted(t)))
            self.keys.add(" ".join(sorted(strip_legal(t))))
            self.keys.add("".join(t))
        self.dob = dob or ""
        self.source = source
        self.group = group or eid


def trigrams(s: str) -> set[str]:
    k = " " + " ".join(sorted(norm(s).split())) + " "
    return {k[i : i + 3] for i in range(len(k) - 2)}


class NNIndex:
    def __init__(self, ents: list[Entity]):
        self.ents = [e for e in ents if e.latin]
        self.grams = [trigrams(e.latin[0]) for e in self.ents]
        self.post: dict[str, list[int]] = collections.defaultdict(list)
        for i, g in enumerate(self.grams):
            for t in g:
                self.post[t].append(i)

    def nearest(self, x: Entity, min_sim: float, linked=None) -> tuple[Entity, float] | None:
        q = trigrams(x.latin[0])
        cnt: collections.Counter = collections.Counter()
        for t in q:
            p = self.post.get(t, ())
            if len(p) > 4000:
                continue
            cnt.update(p)
        best = []
        for i, inter in cnt.items():
            j = inter / (len(q) + len(self.grams[i]) - inter)
            if j >= min_sim:
                best.append((j, i))
        best.sort(key=lambda t: (-t[0], t[1]))
        for j, i in best:
            y = self.ents[i]
            if y.eid == x.eid or y.kind != x.kind:
                continue
            if x.keys & y.keys:
                continue
            if x.dob and y.dob and x.dob == y.dob:
                continue
            if linked and linked(x, y):
                continue
            return y, j
        return None


def negatives_from_pool(ents, rng, n_latin, n_cross, source_of, min_sim=0.3, linked=None,
                        same_script_too=True, cross_min_sim=0.05):
    """For entities X (random order): nearest distinct entity Y by trigram
    similarity of their primary Latin names.  Emits (X.latin, Y.latin) and,
    when X has a non-Latin name, (X.other, Y.latin) and, if Y has a name in
    the same non-Latin script, (X.other, Y.other)."""
    idx = NNIndex(ents)
    order = [e for e in ents if e.latin]
    rng.shuffle(order)
    lat, crs = [], []
    for x in order:
        if len(lat) >= n_latin and (len(crs) >= n_cross or not x.other):
            continue
        r = idx.nearest(x, min(min_sim, cross_min_sim) if x.other else min_sim, linked)
        if not r:
            continue
        y, sim = r
        if (len(lat) < n_latin and sim >= min_sim
                and classify_match(x.latin[0], y.latin[0], "other") not in SAME_NAME):
            lat.append(mk(x.latin[0], y.latin[0], 0, x.kind,
                          classify_nonmatch(x.latin[0], y.latin[0], x.kind),
                          source_of(x), x.group))
        if x.other and len(crs) < n_cross:
            xo = x.other[0]
            crs.append(mk(xo, y.latin[0], 0, x.kind, "cross-script", source_of(x), x.group))
            if same_script_too:
                yo = [o for o in y.other if script_of(o) == script_of(xo) and norm(o) != norm(xo)]
                if yo and len(crs) < n_cross:
                    crs.append(mk(xo, yo[0], 0, x.kind, "unrelated-similar", source_of(x), x.group))
    return lat + crs


def round_robin(items, key, cap, rng):
    """Sample up to cap items, balancing across key() groups (rare groups
    are taken whole)."""
    if len(items) <= cap:
        return list(items)
    groups = collections.defaultdict(list)
    for it in items:
        groups[key(it)].append(it)
    for g in groups.values():
        rng.shuffle(g)
    out = []
    names = sorted(groups)
    while len(out) < cap:
        progressed = False
        for n in names:
            if groups[n] and len(out) < cap:
                out.append(groups[n].pop())
                progressed = True
        if not progressed:
            break
    return out


def positives_from_entities(ents, default_cat, max_cross_per=1, max_latin_per=1, drop_other=True):
    cross, latin = [], []
    for e in ents:
        if not e.latin:
            continue
        p = e.latin[0]
        seen = {norm(p)}
        k = 0
        for o in e.other:
            if k >= max_cross_per or norm(o) in seen:
                continue
            seen.add(norm(o))
            cross.append(mk(p, o, 1, e.kind, "cross-script", e.source, e.group))
            k += 1
        k = 0
        for al in e.latin[1:]:
            if k >= max_latin_per or norm(al) in seen:
                continue
            seen.add(norm(al))
            cat = classify_match(p, al, default_cat)
            if drop_other and cat == "other":
                STATS["alias-positives"]["skipped (alias shares no name token: nickname/other name)"] += 1
                continue
            latin.append(mk(p, al, 1, e.kind, cat, e.source, e.group))
            k += 1
    return cross, latin


# --------------------------------------------------------------------------
# sources

NK = "opensanctions/nomenklatura"
NK_CASES = "contrib/name_bench/cases.csv"
NK_CATEGORY = {
    "Abbreviation": "partial", "Alphanumeric Swap": "typo",
    "Character Addition/Deletion": "typo", "Character Deletion": "typo",
    "Character Repetition": "typo", "Character Reversal": "typo",
    "Common Misspelling": "typo", "Contextual Beginning": "partial",
    "Contextual Ending": "partial", "Digit to Text Conversion": "other",
    "Text to Digit Conversion": "other", "Ordinal Number Variation": "other",
    "Fat Finger Typo": "typo", "Initials Addition": "partial", "Initials Usage": "partial",
    "Name Duplication Removal": "other", "Nickname Usage": "other",
    "Phonetic Replacement": "romanisation", "Special Characters Addition": "exact-variant",
    "Title Addition": "partial", "Word Joining": "exact-variant",
    "Word Splitting": "exact-variant", "Word Reordering": "order",
    "transposition_typo": "typo", "token_merge_split": "exact-variant",
    "particle_transliteration": "romanisation",
}
KIND = {
    "Person": "person", "Company": "company", "Organization": "company",
    "LegalEntity": "company", "Vessel": "vessel", "Asset": "other",
    "Individual": "person", "Entity": "company", "Aircraft": "other",
    "PERSON": "person", "ORGANIZATION": "company",
}
STATS: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)


def src_nomenklatura_cases(rng):
    rows = list(csv.DictReader(io.StringIO(git_show(NK, NK_CASES))))
    out = []
    for r in rows:
        if (r.get("quality") or "").strip().upper() == "WEAK":
            STATS["nk_cases"]["skipped WEAK quality"] += 1
            continue
        kind = KIND.get(r["schema"], "unknown")
        m = r["is_match"].strip().lower() == "true"
        a, b = r["name1"], r["name2"]
        if m:
            cat = NK_CATEGORY.get(r["category"]) or classify_match(a, b, "other")
        else:
            cat = classify_nonmatch(a, b, kind)
        out.append(mk(a, b, m, kind, cat, src(NK, NK_CASES, r["case_group"]),
                      "nk:" + norm(b)))
    return out


def src_putin(rng):
    path = "tests/fixtures/putin_names.txt"
    out = []
    for line in git_show(NK, path).splitlines():
        n = line.strip()
        if not n or norm(n) == norm("Vladimir Putin"):
            continue
        out.append(mk("Vladimir Putin", n, 1, "person", classify_match("Vladimir Putin", n, "romanisation"),
                      src(NK, path), "putin:" + n))
    return out


# OFAC Sanctions List Search results recorded by nomenklatura.  Labels are
# identity judgements made here (README): for each query that denotes one
# specific person/organisation, the result names that denote that same
# subject are matches, every other result is a non-match.  Queries that are
# a bare single token or a common given name are skipped (ambiguous).
OFAC_SUBJECT = {
    "VLADIMIR PUTIN": {"PUTIN, Vladimir", "PUTIN, Vladimir Vladimirovich"},
    "PUTIN VLADIMIR": {"PUTIN, Vladimir", "PUTIN, Vladimir Vladimirovich"},
    "VLADIMR PUTIN": {"PUTIN, Vladimir", "PUTIN, Vladimir Vladimirovich"},
    "VLADIMIR PUTNI": {"PUTIN, Vladimir", "PUTIN, Vladimir Vladimirovich"},
    "PUTIN VLADIMIROVICH": {"PUTIN, Vladimir", "PUTIN, Vladimir Vladimirovich"},
    "Владимир Путин": {"PUTIN, Vladimir", "PUTIN, Vladimir Vladimirovich"},
    "OSAMA BIN LADEN": {"BIN LADEN, Osama", "BIN LADIN, Osama", "BIN LADIN, Osama bin Muhammad bin Awad"},
    "USAMA BIN LADIN": {"BIN LADIN, Usama", "BIN LADIN, Usama bin Muhammad bin Awad", "BIN LADEN, Usama"},
    "KIM JONG UN": {"KIM, Jong Un"},
    "ASSAD BASHAR": {"AL ASSAD, Bashar Hafez", "AL-ASSAD, Bashar", "ASSAD, Bashar", "AL-ASAD, Bashar"},
    "AL-QAEDA": {"AL QAEDA", "AL QAIDA", "AL QA'IDA"},
    "AL QAEDA": {"AL QAEDA", "AL QAIDA", "AL QA'IDA"},
    "ALQAEDA": {"AL QAEDA", "AL QAIDA", "AL QA'IDA"},
    "ABU BAKR AL-BAGHDADI": {"ABU BAKR AL-BAGHDADI", "AL-BAGHDADI, Abu Bakr al-Husayni"},
    # subjects that are not on the SDN list: every result is a different subject
    "GEORGE BUSH": set(), "BUSH GEORGE": set(), "JOHN SMITH": set(), "XI JINPING": set(),
    "KIM IL SUNG": set(), "J.P. MORGAN": set(),
}
OFAC_SKIP_RESULTS = {("ABU BAKR AL-BAGHDADI", "ABU BAKR, Ibrahim Ali Muhammad")}  # identity unclear
OFAC_ORG_QUERIES = {"AL-QAEDA", "AL QAEDA", "ALQAEDA", "J.P. MORGAN"}


def src_ofac_fixtures(rng):
    path = "tests/matching/name_based/ofac_fixtures.csv"
    out = []
    for r in csv.DictReader(io.StringIO(git_show(NK, path))):
        q, res = r["query_name"].strip(), r["result_name"].strip()
        if q not in OFAC_SUBJECT:
            STATS["ofac_fixtures"]["skipped (ambiguous query)"] += 1
            continue
        if (q, res) in OFAC_SKIP_RESULTS:
            STATS["ofac_fixtures"]["skipped (identity unclear)"] += 1
            continue
        kind = "company" if q in OFAC_ORG_QUERIES else "person"
        m = res in OFAC_SUBJECT[q]
        cat = classify_match(q, res, "other") if m else classify_nonmatch(q, res, kind)
        out.append(mk(q, res, m, kind, cat, src(NK, path), f"ofac:{q}:{res}"))
    return out


YE = "opensanctions/yente"
YE_DIR = "contrib/candidate_generation_benchmark/fixtures/"


def src_yente_un(rng):
    t = list(csv.DictReader(io.StringIO(git_show(YE, YE_DIR + "positives_un_treated.csv"))))
    u = list(csv.DictReader(io.StringIO(git_show(YE, YE_DIR + "positives_un_untreated.csv"))))
    assert len(t) == len(u)
    s = src(YE, YE_DIR + "positives_un_treated.csv")
    out = []
    ents = []
    for i, (a, b) in enumerate(zip(t, u)):
        if a["full_name"] != b["full_name"]:
            out.append(mk(b["full_name"], a["full_name"], 1, "person",
                          classify_match(b["full_name"], a["full_name"], "typo"), s, f"yente:{i}"))
        ents.append(Entity(f"yente:{i}", "person", [b["full_name"]], [], dob=b["date_of_birth"],
                           source=s, group=f"yente:{i}"))
    # derived negatives: a treated query name vs the most similar *other*
    # UN-listed person (untreated fixture), never the same row / DOB.
    idx = NNIndex(ents)
    rows = [i for i, (a, b) in enumerate(zip(t, u)) if a["full_name"] != b["full_name"]]
    for i in rows:
        q = Entity(f"yente:{i}", "person", [t[i]["full_name"]], [], dob=u[i]["date_of_birth"])
        q.keys |= ents[i].keys
        r = idx.nearest(q, 0.3)
        if r:
            y, _ = r
            out.append(mk(t[i]["full_name"], y.latin[0], 0, "person",
                          classify_nonmatch(t[i]["full_name"], y.latin[0], "person"),
                          s + "#derived-negative", f"yente:{i}"))
    return out


WM = "moov-io/watchman"


def src_watchman_cross(rng):
    path = "internal/embeddings/testdata/cross_script_pairs.csv"
    section, rows = "", []
    for line in git_show(WM, path).splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("#"):
            if " to " in line or "(" in line:
                section = line
            continue
        q, exp = next(csv.reader([line]))[:2]
        rows.append((section, q, exp))
    s = src(WM, path)
    out = []
    for i, (sec, q, exp) in enumerate(rows):
        out.append(mk(q, exp, 1, "person", "cross-script", s, f"wmx:{i}"))
    # derived negatives: each query against the expected (Latin) name of the
    # next row of the same script section (a different, real name)
    by_sec = collections.defaultdict(list)
    for i, r in enumerate(rows):
        by_sec[r[0]].append((i, r))
    for sec, lst in by_sec.items():
        if len(lst) < 2:
            continue
        for k, (i, (_, q, _)) in enumerate(lst):
            j, (_, _, other) = lst[(k + 1) % len(lst)]
            out.append(mk(q, other, 0, "person", "cross-script", s + "#derived-negative", f"wmx:{i}"))
    return out


def src_watchman_compare(rng):
    path = "pkg/search/similarity_fuzzy_test.go"
    text = git_show(WM, path)
    start = text.index("func TestCompareName(")
    end = text.index("\nfunc ", start + 10)
    body = text[start:end]
    out = []
    for blk in re.split(r"\n\t\t\{\n", body)[1:]:
        if "AltNames" in blk or "HistoricalInfo" in blk:
            STATS["watchman_compare"]["skipped (decided by alt/former name)"] += 1
            continue
        names = re.findall(r'\bName:\s+"([^"]*)"', blk)
        sm = re.search(r"shouldMatch:\s+(true|false)", blk)
        if len(names) < 2 or not sm:
            continue
        q, idx = names[0], names[-1]
        m = sm.group(1) == "true"
        kind = "person" if "EntityPerson" in blk else "company"
        cat = classify_match(q, idx, "typo") if m else classify_nonmatch(q, idx, kind)
        out.append(mk(q, idx, m, kind, cat, src(WM, path), f"wmc:{q}:{idx}"))
    return out


def src_un_xml(rng):
    path = "test/testdata/UN_consolidated.xml"
    root = ET.fromstring(git_show(WM, path))
    s = src(WM, path)
    ents = []
    for ind in root.iter("INDIVIDUAL"):
        did = ind.findtext("DATAID")
        nm = " ".join(
            x.strip() for x in (ind.findtext(t) for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")) if x and x.strip()
        )
        if not nm:
            continue
        latin, other = [nm], []
        o = (ind.findtext("NAME_ORIGINAL_SCRIPT") or "").strip()
        if o and script_of(o) != "Latin" and not mixed_script(o):
            other.append(o)
        for al in ind.findall("INDIVIDUAL_ALIAS"):
            q = (al.findtext("QUALITY") or "").strip()
            n = (al.findtext("ALIAS_NAME") or "").strip()
            if not n or q != "Good" or mixed_script(n):
                continue
            (latin if script_of(n) == "Latin" else other).append(n)
        dob = ""
        d = ind.find("INDIVIDUAL_DATE_OF_BIRTH")
        if d is not None:
            dob = (d.findtext("DATE") or d.findtext("YEAR") or "").strip()
        ents.append(Entity("un:" + did, "person", latin, other, dob, s, "un:" + did))
    for ent in root.iter("ENTITY"):
        did = ent.findtext("DATAID")
        parts = [p.strip() for p in (ent.findtext("FIRST_NAME") or "").split(";") if p.strip()]
        if not parts:
            continue
        latin, other = [], []
        for n in parts:
            (latin if script_of(n) == "Latin" else other).append(n)
        o = (ent.findtext("NAME_ORIGINAL_SCRIPT") or "").strip()
        if o and not mixed_script(o):
            other.append(o)
        for al in ent.findall("ENTITY_ALIAS"):
            q = (al.findtext("QUALITY") or "").strip().lower()
            n = (al.findtext("ALIAS_NAME") or "").strip()
            if n and q == "a.k.a." and not mixed_script(n):
                (latin if script_of(n) == "Latin" else other).append(n)
        ents.append(Entity("un:" + did, "company", latin, other, "", s, "un:" + did))
    cross, latin = positives_from_entities(ents, "romanisation")
    cross = round_robin(cross, lambda p: p["script"], 260, rng)
    latin = round_robin(latin, lambda p: p["category"], 220, rng)
    neg = negatives_from_pool(ents, rng, 220, 260, lambda e: s + "#derived-negative")
    return cross + latin + neg


OS = "opensanctions/opensanctions"
EU_DIR = "datasets/eu/journal_sanctions/data/consolidated"


def eu_names(field: str) -> list[str]:
    out = []
    parts = []
    for part in re.split(r";|\s/\s", field or ""):
        parts += part.split("/") if script_of(part) != "Latin" else [part]
    for part in parts:
        part = part.strip().strip("‘’“”\"'").strip()
        if not part or ":" in part or "text of image" in part.lower():
            continue
        inner = re.findall(r"\(([^()]*)\)", part)
        outer = re.sub(r"\s*\([^()]*\)", "", part).strip()
        cands = [outer]
        for i in inner:
            i = i.split(",")[0].strip()
            if re.match(r"(?i)(a\.?k\.?a|f\.?k\.?a|formerly|also|born|née|nee)\b", i):
                continue
            if len(i.split()) >= 2:
                cands.append(i)
        for c in cands:
            c = c.replace("‘", "").replace("’", "").replace("“", "").replace("”", "").strip(" ,.")
            if 3 <= len(c) <= 150 and "(" not in c and ")" not in c and not mixed_script(c):
                out.append(c)
    return out


def src_eu(rng):
    files = [p for p in git_ls(OS, EU_DIR) if p.endswith(".csv")]
    all_cross, all_latin, all_neg = [], [], []
    for path in sorted(files):
        rows = list(csv.DictReader(io.StringIO(git_show(OS, path))))
        if not rows:
            continue
        s = src(OS, path)
        ents = []
        annex = {}
        for ri, r in enumerate(rows):
            kind = KIND.get(r["schema"])
            if kind not in ("person", "company", "vessel"):
                continue
            names = eu_names(r["name"]) + eu_names(r["alias"])
            latin = [n for n in names if script_of(n) == "Latin"]
            other = [n for n in names if script_of(n) != "Latin"]
            if not latin or script_of(eu_names(r["name"])[0] if eu_names(r["name"]) else "x") != "Latin":
                continue
            rid = f"eu:{r['celex']}:{ri}:{r['recordId']}"
            annex[rid] = r["annex"]
            ents.append(Entity(rid, kind, latin, other, r.get("birthDate", ""), s, rid))
        c, l = positives_from_entities(ents, "romanisation")
        all_cross += c
        all_latin += l
        # negatives only between entries of the same annex: an annex lists
        # distinct designations, while one entity can recur across annexes
        all_neg += negatives_from_pool(ents, rng, 10**6, 10**6, lambda e: e.source + "#derived-negative",
                                       linked=lambda x, y: annex[x.eid] != annex[y.eid])
    cross = round_robin(all_cross, lambda p: p["script"] + p["kind"], 1000, rng)
    latin = round_robin(all_latin, lambda p: p["category"] + p["kind"], 350, rng)
    negx = [p for p in all_neg if p["script"] != "Latin"]
    negl = [p for p in all_neg if p["script"] == "Latin"]
    negx = round_robin(negx, lambda p: p["script"] + p["kind"], 1000, rng)
    negl = round_robin(negl, lambda p: p["category"] + p["kind"], 350, rng)
    return cross + latin + negx + negl


def src_cn(rng):
    path = "datasets/cn/sanctions/sanctions.csv"
    s = src(OS, path)
    ents = []
    for i, r in enumerate(csv.DictReader(io.StringIO(git_show(OS, path)))):
        kind = KIND.get(r["Type"], "unknown")
        latin = [r["Name"].strip()] + [a.strip() for a in (r["Alias"] or "").split(";") if a.strip()]
        zh = r["Chinese name"].strip()
        other = [zh] if zh and script_of(zh) != "Latin" and not mixed_script(zh) else []
        latin = [n for n in latin if n and script_of(n) == "Latin" and not mixed_script(n)]
        ents.append(Entity(f"cn:{i}", kind, latin, other, "", s, f"cn:{i}"))
    cross, latin = positives_from_entities(ents, "other", max_latin_per=2)
    cross = round_robin(cross, lambda p: p["kind"], 300, rng)
    neg = negatives_from_pool(ents, rng, 120, 300, lambda e: s + "#derived-negative", min_sim=0.25)
    return cross + latin + neg


SZ = "Senzing/truth-sets"


def src_senzing(rng):
    base = "truthsets/demo/"
    recs = {}
    for f in ("customers.jsonl", "watchlist.jsonl", "reference.jsonl"):
        for line in git_show(SZ, base + f).splitlines():
            if not line.strip():
                continue
            r = json.loads(line)
            names, kind = [], "unknown"
            for feat in r.get("FEATURES", []):
                if "RECORD_TYPE" in feat:
                    kind = KIND.get(feat["RECORD_TYPE"], "unknown")
                n = feat.get("NAME_FULL") or feat.get("NAME_ORG")
                if not n:
                    parts = [feat.get(k, "") for k in ("NAME_FIRST", "NAME_MIDDLE", "NAME_LAST")]
                    n = " ".join(p.strip() for p in parts if p and p.strip())
                if n and n.strip():
                    names.append(n.strip())
            recs[(r["DATA_SOURCE"], r["RECORD_ID"])] = (kind, names)
    key = list(csv.DictReader(io.StringIO(git_show(SZ, base + "actual_truthset_key.csv"))))
    groups = collections.defaultdict(list)
    for k in key:
        rec = recs.get((k["DATA_SOURCE"], k["RECORD_ID"]))
        if rec and rec[1]:
            groups[k["TEST_GROUP"]].append((k["CLUSTER_ID"], rec))
    s = src(SZ, base + "actual_truthset_key.csv")
    out, seen = [], set()
    for g in sorted(groups):
        lst = groups[g]
        for i in range(len(lst)):
            for j in range(i + 1, len(lst)):
                (ci, (ki, ni)), (cj, (kj, nj)) = lst[i], lst[j]
                a, b = ni[0], nj[0]
                kind = ki if ki == kj else "unknown"
                if norm(a) == norm(b):
                    continue
                k2 = tuple(sorted((norm(a), norm(b))))
                if (k2, ci == cj) in seen:
                    continue
                seen.add((k2, ci == cj))
                latin_both = script_of(a) == script_of(b) == "Latin"
                if latin_both and not name_related(a, b):
                    STATS["senzing"]["skipped (no name overlap; " + ("match resolved by other features)" if ci == cj else "dissimilar non-match)")] += 1
                    continue
                if ci == cj:
                    out.append(mk(a, b, 1, kind, classify_match(a, b, "other"), s, f"sz:{g}:{a}:{b}"))
                elif classify_match(a, b, "other") in SAME_NAME | {"partial"}:
                    STATS["senzing"]["skipped non-match (names compatible: subset/initial/nickname-like)"] += 1
                else:
                    out.append(mk(a, b, 0, kind, classify_nonmatch(a, b, kind), s, f"sz:{g}:{a}:{b}"))
    return out


def src_csl(rng):
    data = CSL_PATH.read_bytes()
    s = f"earl:data/csl/consolidated.csv@sha256:{hashlib.sha256(data).hexdigest()[:7]}"
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    entries = []
    for i, r in enumerate(rows):
        m = re.search(r"\(([^()]*)\)", r["source"])
        lst = m.group(1) if m else r["source"]
        names = [r["name"].strip()] + [a.strip() for a in r["alt_names"].split(";") if a.strip()]
        names = [n for n in names if n]
        if not names:
            continue
        entries.append(dict(i=i, list=lst, type=r["type"], kind=KIND.get(r["type"], "unknown"),
                            names=names, num=r["entity_number"]))
    # link entries on different lists that share a distinctive normalised name
    parent = list(range(len(entries)))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    bykey = collections.defaultdict(list)
    for k, e in enumerate(entries):
        for n in e["names"]:
            nk = norm(n)
            if len(nk.split()) >= 2 and len(nk) >= 8:
                bykey[nk].append(k)
    for nk, ks in bykey.items():
        ks = sorted(set(ks))
        if len(ks) > 6:
            continue  # a name shared by many entries is not distinctive
        for k in ks[1:]:
            a, b = entries[ks[0]], entries[k]
            if a["type"] and b["type"] and a["type"] != b["type"]:
                continue
            parent[find(k)] = find(ks[0])
    clusters = collections.defaultdict(list)
    for k in range(len(entries)):
        clusters[find(k)].append(k)
    pos = []
    for root, ks in sorted(clusters.items()):
        lists = {entries[k]["list"] for k in ks}
        if len(lists) < 2 or len(ks) > 6:
            continue
        kinds = {entries[k]["kind"] for k in ks} - {"unknown"}
        kind = kinds.pop() if len(kinds) == 1 else "unknown"
        cand = []
        for x in range(len(ks)):
            for y in range(x + 1, len(ks)):
                A, B = entries[ks[x]], entries[ks[y]]
                if A["list"] == B["list"]:
                    continue
                for ia, na in enumerate(A["names"]):
                    for ib, nb in enumerate(B["names"]):
                        if norm(na) == norm(nb):
                            continue
                        # prefer primary-vs-primary, then primary-vs-alias
                        cand.append(((ia > 0) + (ib > 0), na, nb))
        if not cand:
            continue
        rng.shuffle(cand)
        cand.sort(key=lambda c: c[0])
        cand = [c for c in cand if classify_match(c[1], c[2], "romanisation") != "other"]
        if not cand:
            STATS["csl"]["skipped cluster (no cross-list name pair sharing a token)"] += 1
        for _, na, nb in cand[:2]:
            pos.append(mk(na, nb, 1, kind, "csl-cross-list", s, f"csl:{root}"))
    pos = round_robin(pos, lambda p: p["kind"], 350, rng)
    # negatives: distinct SDN entries (distinct entity numbers are distinct
    # designations), nearest by trigram similarity, never in a linked cluster
    sdn = [Entity(f"csl:{k}", e["kind"], e["names"][:1] + e["names"][1:], [], "", s, f"csl:{find(k)}")
           for k, e in enumerate(entries) if e["list"] == "SDN" and e["kind"] in ("person", "company", "vessel")]
    root_of = {f"csl:{k}": find(k) for k in range(len(entries))}
    neg = negatives_from_pool(sdn, rng, 350, 0, lambda e: s + "#derived-negative",
                              min_sim=0.35, linked=lambda x, y: root_of[x.eid] == root_of[y.eid])
    return pos + neg


SOURCES = [
    ("nk_cases", src_nomenklatura_cases),
    ("putin_names", src_putin),
    ("ofac_fixtures", src_ofac_fixtures),
    ("yente_un", src_yente_un),
    ("watchman_cross", src_watchman_cross),
    ("watchman_compare", src_watchman_compare),
    ("un_xml", src_un_xml),
    ("eu_journal", src_eu),
    ("cn_sanctions", src_cn),
    ("senzing", src_senzing),
    ("csl", src_csl),
]


# --------------------------------------------------------------------------
# assemble, dedupe, split


def split(pairs: list[Pair]) -> tuple[list[Pair], list[Pair]]:
    """Per source string (the `source` column without the #fragment), shuffle
    its groups with Random(f"{SEED}:{source}") and give each group, in that
    order, to the side that leaves the two sides' match and non-match counts
    for that source closest (ties: the smaller side, then dev).  Pairs from
    one listed entity / row / test group share a group, so an entity's
    variants never straddle the split."""
    dev, hold = [], []
    by_src = collections.defaultdict(lambda: collections.defaultdict(list))
    for p in pairs:
        by_src[p["source"].split("#")[0]][p["group"]].append(p)
    for s in sorted(by_src):
        groups = sorted(by_src[s])
        random.Random(f"{SEED}:{s}").shuffle(groups)
        cnt = {"dev": [0, 0], "hold": [0, 0]}
        for g in groups:
            ps = by_src[s][g]
            pos = sum(p["match"] for p in ps)
            neg = len(ps) - pos

            def cost(side):
                d = list(cnt["dev"])
                h = list(cnt["hold"])
                t = d if side == "dev" else h
                t[0] += pos
                t[1] += neg
                return (abs(d[0] - h[0]) + abs(d[1] - h[1]), sum(t))

            side = "dev" if cost("dev") <= cost("hold") else "hold"
            cnt[side][0] += pos
            cnt[side][1] += neg
            (dev if side == "dev" else hold).extend(ps)
    return dev, hold


COLS = ["a", "b", "match", "kind", "category", "script", "source"]


def write_tsv(path: Path, pairs: list[Pair]):
    pairs = sorted(pairs, key=lambda p: (p["source"], p["group"], p["a"], p["b"]))
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("\t".join(COLS) + "\n")
        for p in pairs:
            f.write("\t".join(str(p[c]) for c in COLS) + "\n")


def table(counter: collections.Counter, head: str) -> str:
    keys = sorted({k[0] for k in counter})
    lines = [f"| {head} | match=1 | match=0 | total |", "|---|---:|---:|---:|"]
    for k in keys:
        m, n = counter[(k, 1)], counter[(k, 0)]
        lines.append(f"| {k} | {m} | {n} | {m + n} |")
    m = sum(v for (k, l), v in counter.items() if l == 1)
    n = sum(v for (k, l), v in counter.items() if l == 0)
    lines.append(f"| **all** | {m} | {n} | {m + n} |")
    return "\n".join(lines)


def short_source(s: str) -> str:
    base, _, frag = s.partition("#")
    repo, _, rest = base.partition(":")
    path = rest.rsplit("@", 1)[0]
    if "journal_sanctions" in path:
        path = "eu/journal_sanctions/*.csv"
    tag = "" if not frag else (" (derived negatives)" if frag == "derived-negative" else f" #{frag}")
    return f"{repo}:{path}{tag}"


def stats_md(pairs: list[Pair]) -> str:
    out = []
    for col, head in (("source", "source"), ("category", "category"), ("script", "script"), ("kind", "kind")):
        c = collections.Counter()
        for p in pairs:
            key = short_source(p["source"]) if col == "source" else p[col]
            c[(key, p["match"])] += 1
        out.append(table(c, head))
    return "\n\n".join(out)


def main():
    global MIRRORS
    ap = argparse.ArgumentParser()
    ap.add_argument("--mirrors", default=str(MIRRORS))
    ap.add_argument("--out", default=str(HERE))
    args = ap.parse_args()
    MIRRORS = Path(args.mirrors)
    outdir = Path(args.out)
    outdir.mkdir(parents=True, exist_ok=True)
    allp: list[Pair] = []
    for name, fn in SOURCES:
        ps = fn(random.Random(f"{SEED}:{name}"))
        ps = [p for p in ps if p["a"] and p["b"] and p["a"] != p["b"]]
        STATS[name]["emitted"] += len(ps)
        print(f"{name}: {len(ps)} pairs", file=sys.stderr)
        allp += ps
    # global dedupe on the unordered normalised pair; conflicting labels drop
    labels = collections.defaultdict(set)
    for p in allp:
        labels[tuple(sorted((norm(p["a"]), norm(p["b"]))))].add(p["match"])
    seen, final = set(), []
    for p in allp:
        k = tuple(sorted((norm(p["a"]), norm(p["b"]))))
        if len(labels[k]) > 1:
            STATS["_global"]["dropped (conflicting labels across sources)"] += 1
            continue
        if k[0] == k[1] and p["match"] == 0:
            STATS["_global"]["dropped (identical normalised names labelled non-match)"] += 1
            continue
        if k in seen:
            STATS["_global"]["dropped (duplicate pair)"] += 1
            continue
        seen.add(k)
        final.append(p)
    dev, hold = split(final)
    write_tsv(outdir / "pairs-dev.tsv", dev)
    write_tsv(outdir / "pairs-holdout.tsv", hold)
    notes = []
    for k in sorted(STATS):
        for what, n in sorted(STATS[k].items()):
            if what != "emitted":
                notes.append(f"- {k}: {what}: {n}")
    readme = README_TEMPLATE
    readme = readme.replace("{{SEED}}", str(SEED))
    readme = readme.replace("{{COMMITS}}", "\n".join(f"| {r} | `{c}` |" for r, c in COMMITS.items()))
    readme = readme.replace("{{TOTALS}}", f"dev: {len(dev)} pairs ({sum(p['match'] for p in dev)} match / {len(dev) - sum(p['match'] for p in dev)} non-match); "
                            f"holdout: {len(hold)} pairs ({sum(p['match'] for p in hold)} / {len(hold) - sum(p['match'] for p in hold)}).")
    readme = readme.replace("{{DEV_STATS}}", stats_md(dev))
    readme = readme.replace("{{HOLD_STATS}}", stats_md(hold))
    readme = readme.replace("{{DROPS}}", "\n".join(notes) or "- none")
    (outdir / "README.md").write_text(readme, encoding="utf-8")
    print(f"dev {len(dev)}  holdout {len(hold)}", file=sys.stderr)


README_TEMPLATE = """# Name-matching evaluation pairs (third-party sources)

Labelled name pairs for measuring earl's name matcher on persons, companies
and vessels: typos, partial names, word order, legal forms, romanisation
variants and other scripts (Arabic, Cyrillic, Han, Hangul, Hebrew, Greek,
Kana, Burmese, Thai, ...).  Every pair comes from a public third-party source
(test fixtures and benchmark data of other screening projects, and official
sanctions lists); none was made by perturbing earl's own data, and no pair
or label was typed in by hand except the identity judgements on the OFAC
search results described below.

{{TOTALS}}

> **`pairs-holdout.tsv` must never be used for tuning** -- not for choosing
> thresholds, weights, normalisation rules, stop-word lists or test cases,
> and not for looking at failures in order to fix them.  Tune and debug on
> `pairs-dev.tsv` only; run the holdout rarely, to report a number.  Once a
> holdout pair has been looked at to fix a failure, it is dev data, and the
> holdout number is no longer clean.

## Files

| file | what |
|---|---|
| `pairs-dev.tsv` | development pairs (tune and debug on these) |
| `pairs-holdout.tsv` | held-aside pairs (report only) |
| `build.py` | the script that made both files and this README (Python 3.11 stdlib only) |

Both files are UTF-8, tab-separated, one header line, **no quoting** (names
never contain a tab or newline; they may contain `"` and non-breaking
spaces, kept as in the source).  Columns:

| column | meaning |
|---|---|
| `a`, `b` | the two names, as the source wrote them (only tabs/newlines/runs of spaces collapsed) |
| `match` | `1` = the two names denote the same real-world person/organisation/vessel; `0` = different ones |
| `kind` | `person`, `company` (any organisation or legal entity), `vessel`, `other`, `unknown` |
| `category` | variation class, see below |
| `script` | the non-Latin script involved (`Arabic` also covers Persian/Urdu; `Han` is Chinese characters incl. Japanese kanji-only names; `Kana` is Japanese with kana), `A+B` if two non-Latin scripts, else `Latin` |
| `source` | `owner/repo:path@commit7`, optionally `#fragment`: `#derived-negative` marks negatives built here from that source (see "Negatives"), other fragments are the source's own sub-group (nomenklatura `case_group`); `earl:data/csl/consolidated.csv@sha256:...` for the CSL |

### Categories

For matches (`match=1`) the category is the source's own label where it has
one (nomenklatura's mutation classes are mapped: e.g. "Fat Finger Typo" ->
`typo`, "Word Reordering" -> `order`, "Initials Usage" -> `partial`,
"Nickname Usage" -> `other`); otherwise a deterministic heuristic in
`build.py` (`classify_match`) assigns, first hit wins:

| category | rule |
|---|---|
| `cross-script` | the two names are in different scripts |
| `exact-variant` | equal after case folding, accent stripping, punctuation and spacing removal |
| `order` | same tokens in a different order (also: all tokens pair up closely but out of order) |
| `legal-form` | equal once legal-form / generic words (LLC, JSC, OOO, AG, Aktiengesellschaft, Company, The, ...) are dropped |
| `partial` | one side's tokens are a subset of the other's, initials vs full given names, or extra/missing words around a shared name token |
| `typo` | same token count, every token close, total edit distance <= 2 (or <= 15% of the length) -- in sources whose spelling variants are perturbations |
| `romanisation` | same token count, every token close, in sources whose spelling variants are transliteration variants (list aliases, the Putin list) |
| `csl-cross-list` | match taken from the CSL cross-list linking (heuristic class not assigned) |
| `other` | none of the above (nicknames, numbers spelt out, translations, ...) |

For non-matches (`match=0`): `cross-script` if the scripts differ,
`affiliate` if both are organisations and one name's tokens (legal forms
dropped) are a proper subset of the other's (parent/subsidiary/branch or
namesake, e.g. "AL-QAIDA" vs "AL-QAIDA IN IRAQ"), else `unrelated-similar`.

The heuristic classes are a guide for slicing results, not ground truth;
the `match` label is the ground truth.

## Sources

Snapshots read (bare git mirrors, `git show <commit>:<path>`):

| repository | commit |
|---|---|
{{COMMITS}}

| source (path) | licence | what was taken | how labels were derived |
|---|---|---|---|
| opensanctions/nomenklatura `contrib/name_bench/cases.csv` | MIT (OpenSanctions Datenbanken GmbH) | OpenSanctions' labelled name-pair benchmark for their logic-v2 matcher: `nk_checks` (ported from their `entity_bench/checks.yml`), `nk_unit_tests` (from their matcher tests), `cluster_align`, `cust_cases`, and `synth_people` / `synth_companies` (variants proposed by an LLM and labelled by OpenSanctions) | the file's `is_match`; rows of `quality=WEAK` (OpenSanctions: "the label is more tiebreaker than fact") left out; the `#case_group` fragment lets you drop the synthetic groups |
| opensanctions/nomenklatura `tests/fixtures/putin_names.txt` | MIT | 80 renderings of Vladimir Putin's name in ~25 languages and 15 scripts (incl. Burmese, Hebrew, Greek, Katakana, Hangul, Georgian, Armenian, Devanagari, Kannada, Khmer) | each vs "Vladimir Putin", all matches |
| opensanctions/nomenklatura `tests/matching/name_based/ofac_fixtures.csv` | MIT | result lists recorded from OFAC's Sanctions List Search for ~40 queries, with OFAC's fuzzy score | **identity judgement made here** (table `OFAC_SUBJECT` in build.py): for a query denoting one specific subject (e.g. "VLADIMIR PUTIN", "KIM JONG UN", "ASSAD BASHAR", "AL-QAEDA") the results that name that subject are matches and every other result is a non-match (e.g. "PUTINA, Maria", "KIM, Yo Jong", "USAMA BIN LADEN NETWORK"); queries for subjects not on the SDN list ("GEORGE BUSH", "JOHN SMITH", "XI JINPING") give non-matches only; single-token or common-name queries ("PUTIN", "HUSSEIN", "MOHAMMED ALI", "Z") and one unclear result skipped |
| opensanctions/yente `contrib/candidate_generation_benchmark/fixtures/positives_un_{untreated,treated}.csv` | MIT | UN Security Council list persons and OpenSanctions' "treated" copies (swapped letters, doubled letters, name order switched, non-breaking spaces, `?` for non-ASCII, ...) | row i untreated vs row i treated = match (where they differ); derived negatives, see below |
| moov-io/watchman `internal/embeddings/testdata/cross_script_pairs.csv` | Apache-2.0 | watchman's cross-script test pairs (Arabic, Cyrillic, Han, Hangul, Kanji, Greek, Hebrew, Thai) | the file's pairs are matches; derived negatives: each query vs the expected name of the next row in the same script section (another real name) |
| moov-io/watchman `pkg/search/similarity_fuzzy_test.go` (`TestCompareName`) | Apache-2.0 | query/index name pairs with `shouldMatch` | `shouldMatch`; the two cases decided by an alt/former name are left out. (Watchman's Jaro-Winkler and Soundex tables were not used: they hold scores, or Soundex equality such as Euler=Ellery, not identity labels.) |
| moov-io/watchman `test/testdata/UN_consolidated.xml` | Apache-2.0 repo; the file is the UN Security Council Consolidated List (UN public document) | each individual's/entity's primary name, `NAME_ORIGINAL_SCRIPT`, and its aliases of quality "Good" (individuals) or "a.k.a." (entities); "Low"-quality and f.k.a. aliases not used | primary vs original-script name = match (`cross-script`); primary vs Latin alias = match; derived negatives |
| opensanctions/opensanctions `datasets/eu/journal_sanctions/data/consolidated/*.csv` | MIT repo; content transcribed from EU Council regulations in the Official Journal (reuse with attribution, (c) European Union) | per listed person/entity/vessel: `name` and `alias` (Latin transliteration variants and original Cyrillic/Arabic/Han/Hangul/Hebrew/Greek/Thai forms); parenthesised variants split out, "Text of image"-style and mixed-script strings dropped | primary vs alias = match; at most one cross-script and one Latin alias per entity; derived negatives only between entries of the same annex of the same regulation |
| opensanctions/opensanctions `datasets/cn/sanctions/sanctions.csv` | MIT repo; content from announcements of China's MFA/MOFCOM | Chinese counter-sanctions list: English name, Chinese name, aliases | English vs Chinese name = match (company names are often translations, persons sometimes surname-only or a Chinese name); English vs alias = match; derived negatives |
| Senzing/truth-sets `truthsets/demo/*.jsonl` + `actual_truthset_key.csv` | Apache-2.0 (fictitious demo records) | Senzing's entity-resolution truth set: customers/watchlist/reference records with names (incl. Chinese, Khmer, Arabic, Cyrillic native names) | same `CLUSTER_ID` = match, same `TEST_GROUP` but different cluster = non-match. Labels are entity-level (Senzing resolves with dates, addresses, IDs), so pairs with no similar name token were dropped, and non-matches whose names are compatible (subset, initial, nickname-like: "Jim Muir"/"J Muir", "Robert"/"Robbie Smith") were dropped as unanswerable from names |
| earl `data/csl/consolidated.csv` (trade.gov CSL of 2026-07-31) | US Government work (public domain) | entries on *different* component lists (SDN, EL, DPL, SSI, MEU, ...) that share a distinctive normalised name or alias (>= 2 tokens, >= 8 characters, shared by <= 6 entries, compatible types) are linked as one entity; pairs of differently spelled names across the linked lists | cross-list pair = match, category `csl-cross-list` (pairs sharing no name token dropped); derived negatives between distinct SDN entries |

### Negatives

Negatives come either from the source's own labels (nomenklatura, watchman
`TestCompareName`, Senzing, the OFAC results) or are **derived** here and
marked `#derived-negative`: a name of a listed entity X paired with a name
of the most similar *different* entity Y of the same kind **from the same
source list** (same file; for the EU the same annex; for the CSL the SDN
list, where distinct entity numbers are distinct designations).  Similarity
is character-trigram Jaccard on the token-sorted, accent-folded Latin
primary names, so the negatives are hard ("Sergey Vladimirovich
KHOTIMSKIY" vs "Dmitry Vladimirovich KHOTIMSKIY").  Y is skipped if it
shares any name with X after normalisation, word re-ordering, space removal
or legal-form removal, or has the same date of birth, or (CSL) is linked
to X.  For Latin-Latin negatives the similarity must be >= 0.3 (0.25 cn,
0.35 CSL).  When X has a non-Latin name, that name is also paired with Y's
Latin name (`cross-script` non-match), and with Y's name in the same script
if Y has one.  Nothing was generated or edited: every derived negative is
two real list entries.

### Deduplication and split

All pairs are deduplicated across sources on the unordered pair of
normalised names (first source in the order above wins); a normalised pair
that carries both labels anywhere is dropped entirely; pairs whose
normalised names are identical but labelled non-match are dropped.

Split: per `source` (without `#fragment`), the source's groups are shuffled
with `random.Random(f"{SEED}:{source}")`, **SEED = {{SEED}}**, and each
group goes to whichever side keeps that source's match and non-match counts
closest between dev and holdout.  A group is all pairs drawn from one listed
entity (UN DATAID, EU record, CN row, yente row, CSL cluster, nomenklatura
right-hand name), so one entity's variants never straddle the split; for the
Putin list, the OFAC results, watchman and Senzing the group is the single
pair.  Caveat: the UN list reaches this set through three sources (watchman's
UN XML, yente's UN fixtures, the EU's ISIL/Al-Qaida regulation), so one
UN-listed person can have different pairs in dev and holdout.

### Known limitations

- Cross-script "matches" from list aliases are the list's own pairing: the
  non-Latin form is sometimes another alias, not a transliteration of the
  primary name (e.g. a kunya), and Chinese company names are translations.
  They are correct labels but some are beyond any transliteration-based
  matcher.
- Thin coverage: Burmese, Kana, Greek, Georgian, Armenian, Khmer, Indic
  scripts come almost only from the Putin list and watchman's few pairs
  (matches only); Hebrew from the EU settler listings, Putin and watchman.
  No public labelled set for Burmese or Japanese sanctions names was found
  in the mirrors.
- The CSL pairs come from the very list earl screens against; keep them as
  one slice (`category=csl-cross-list` and the CSL derived negatives) and
  report results with and without them.
- The alias-derived matches skip Latin aliases that share no name token
  with the primary name (nicknames, kunyas, titles, other names): those are
  the same entity but not a spelling variant of the name (count below).
- Sample caps (UN 260/220 cross-script/Latin matches and negatives, EU 1000
  cross-script + 350 Latin per label, CN 300 cross-script matches/negatives
  and 120 Latin negatives, CSL 350 + 350) keep one list from dominating;
  sampling is seeded.

Sources looked at and not used: `opensanctions/rigour` (its tests assert
part-level scores and tokenisation, not labelled name pairs; its person-name
equivalence table is absent from the snapshot, being over the size limit), `opensanctions/followthemoney` (no snapshot available),
nomenklatura `contrib/entity_bench/checks.yml` (already inside `cases.csv`
as `nk_checks`), yente `negatives_*.csv` (synthetic people, not pairs),
ParaNames and Google's Wikidata name TSV (data not in the repositories'
snapshots), watchman's OFAC SDN `alt.csv` (same content as the CSL's SDN).

## Rebuilding

    python3 eval/names/build.py --mirrors /work/.mirror

needs the snapshots listed above under `<mirrors>/<owner>+<repo>/repo`
(bare git directories; fetched with the workplace's `fetch`), `git`, and
earl's `data/csl/consolidated.csv`.  Output is deterministic.

Rows left out while building:

{{DROPS}}

## Counts: pairs-dev.tsv

{{DEV_STATS}}

## Counts: pairs-holdout.tsv

{{HOLD_STATS}}
"""


if __name__ == "__main__":
    main()
