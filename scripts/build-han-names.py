#!/usr/bin/env python3
"""Build crates/earl-screen/data/han_names.tsv from cited Chinese–Latin name pairs (issue 22).

Input: crates/earl-screen/data/han_name_sources.tsv — one pair per line as a public source prints
it (han, latin, url, quote): the Chinese name and the Latin name side by side, the page or file,
and the words of the source that pair them. A row is kept only when its quote holds both names
(Chinese letter for letter, Latin case and spacing aside): the quote is the evidence.

Output: han_names.tsv, the names earl reads as their Latin form (see normalize.rs):
  - `full`  the Chinese name as the source prints it (in Simplified characters, as earl reads
            Han text after OpenCC's character table) → the Latin name;
  - `trade` the trade name (字号) of a full name → the Latin words left once its places, industry
            words and organisation forms are set aside on both sides ("上海壁仞智能科技有限公司" /
            "Shanghai Biren Intelligent Technology Co., Ltd." gives 壁仞 → Biren), derived only
            when the pinyin of the trade name is not already those words (then earl reads it as
            it is) — each derived row names the full pair it came from;
  - `pinyin` a trade name whose pinyin is already the Latin words (兆芯 / "Zhaoxin"): earl reads it
            so anyway; the row records the characters the listed name is written in, so that
            another company of the same sound (兆新) is told apart;
  - `csl`   whether the Latin name is, on the bundled CSL, a name or alternate name (`exact`),
            inside one (`within`), or not there (`absent`: an unlisted company read as itself).

    python3 scripts/build-han-names.py            # writes the file
    python3 scripts/build-han-names.py --check    # exits 1 if the file is not what it would write

Needs `pypinyin` (PyPI) for the derivation only; deterministic.
"""
import argparse, csv, os, re, sys, unicodedata

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
DATA = os.path.join(ROOT, "crates", "earl-screen", "data")
SOURCES = os.path.join(DATA, "han_name_sources.tsv")
OUT = os.path.join(DATA, "han_names.tsv")
CSL = os.path.join(ROOT, "data", "csl", "consolidated.csv")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3007]")
# Latin words that say what kind of organisation a name is, beside han_terms.tsv's English.
LATIN_FORMS = set(
    "co company corp corporation inc incorporated ltd limited llc plc group holding holdings "
    "the of and in for jsc sa ag gmbh pte lp".split()
)


# Derived trade names refused on review (2026-12-07): the split did not find a trade name.
NOT_TRADE_NAMES = {
    "海洋": "an industry word (ocean); CNOOC is the initials of the whole name",
    "西北": "a direction (north-west), not Northwestern Polytechnical University's trade name",
    "邮电": "posts and telecommunications: the university's field, BUPT its initials",
    "药明": "WuXi Biologics: WuXi is the city, Biologics the industry",
    "智源": "half pinyin, half translation (Zhiyuan Artificial)",
    "中科星图": "the source prints the English without spaces (GeovisTechnologyCo)",
    "长城军工": "the source prints the English without spaces",
    "科学器材": "industry words only (ScientificInstruments)",
    "航天华讯": "a place's syllables left in the Latin (Xi an Huaxun)",
    "越海": "half pinyin, half translation (Yuehaitongxin Keji)",
    "中山": "also the city of Zhongshan; Sun Yat-sen University is read by its full name",
    "中航": "AVIC's prefix, which its subsidiaries share (中航光电 is AVIC Jonhon Optronic)",
    "高压": "a field of research (high pressure), not a name",
    "海视美阗": "a place's syllables left in the Latin (Yutian Haishi Meitian)",
    "飞机": "an industry word (aircraft); the Latin left is the city, Xi’an with a curly apostrophe",
    "中航西安": "AVIC's prefix and a place's syllables (AVIC XI AN), once 飞机 is an industry word",
    "航发北京": "AECC's prefix and a place (Beijing), once 航空材料 reads as the industry words",
    "火炬": "a common word (torch), and the Latin left keeps 电子's industry word (TORCH ELECTRON)",
}


def key(name):
    folded = unicodedata.normalize("NFKD", name).casefold()
    return "".join(c for c in folded if c.isalnum())


def words(name):
    folded = unicodedata.normalize("NFKD", name).casefold()
    return re.findall(r"[a-z0-9]+", folded)


def simplified_table():
    table = {}
    with open(os.path.join(DATA, "opencc", "TSCharacters.txt"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or "\t" not in line:
                continue
            t, s = line.rstrip("\n").split("\t")
            table.setdefault(t, s.split(" ")[0])
    return table


def tsv_rows(path):
    with open(path, encoding="utf-8") as f:
        return [l.rstrip("\n").split("\t") for l in f if l.strip() and not l.startswith("#")]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args()
    from pypinyin import lazy_pinyin

    to_simple = simplified_table()
    simplify = lambda s: "".join(to_simple.get(c, c) for c in unicodedata.normalize("NFKC", s))
    places = sorted(
        ((r[0], r[1]) for r in tsv_rows(os.path.join(DATA, "han_places.tsv"))),
        key=lambda p: -len(p[0]),
    )
    terms = sorted(
        ((r[0], r[1]) for r in tsv_rows(os.path.join(DATA, "han_terms.tsv"))),
        key=lambda t: -len(t[0]),
    )
    place_suffixes = ("特别行政区", "自治区", "省", "市", "区", "县")
    term_names = {t for t, _ in terms}
    # Latin words that name no one: organisation words (rigour's symbols, MIT, bundled), the
    # English of han_terms.tsv and the spellings of places. A trade name's Latin is what is left.
    import json
    with open(os.path.join(DATA, "rigour", "symbols.json"), encoding="utf-8") as f:
        symbols = json.load(f)
    naming_nothing = set(LATIN_FORMS)
    for group in ("org_domains", "org_symbols"):
        for values in symbols[group].values():
            for v in values:
                naming_nothing.update(w for w in words(v) if w.isascii())
    for _, latin in terms:
        naming_nothing.update(words(latin))
    for _, latin in places:
        naming_nothing.update(words(latin))
    # English words common enough to be a translation of anything (wordfreq, bundled): a
    # trade name read as one such word is a guess (移动 / "Mobile", 航发 / "Engine").
    import gzip
    with gzip.open(os.path.join(DATA, "wordfreq", "en.tsv.gz"), "rt", encoding="utf-8") as f:
        common = {w for w, zipf in (l.rstrip("\n").split("\t") for l in f if not l.startswith("#")) if float(zipf) >= 3.0}
    with open(os.path.join(DATA, "places.txt"), encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                naming_nothing.update(words(line))

    def parse(han):
        """The trade name of a simplified Chinese name: what is left of it once its places,
        industry words and organisation forms are set aside."""
        # A bracketed place anywhere: （北京）.
        def bracket(m):
            inner = m.group(1)
            for p, _ in places:
                if inner.startswith(p) and (inner[len(p):] in ("",) + place_suffixes):
                    return ""
            return m.group(0)
        rest = re.sub(r"[（(]([^）)]*)[）)]", bracket, han)
        while True:
            for p, _ in places:
                if rest.startswith(p):
                    n = len(p)
                    for s in place_suffixes:
                        if rest[n:].startswith(s):
                            n += len(s)
                            break
                    if len(rest) - n >= 2:
                        rest = rest[n:]
                        break
            else:
                break
        while True:
            for t, _ in terms:
                if rest.endswith(t) and len(rest) - len(t) >= 2:
                    rest = rest[: -len(t)]
                    break
            else:
                break
        return rest

    csl_keys, csl_texts = set(), []
    with open(CSL, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for n in [row["name"]] + [x for x in row["alt_names"].split(";") if x.strip()]:
                csl_keys.add(key(n))
                csl_texts.append(" " + " ".join(words(n)) + " ")

    def on_csl(latin):
        if key(latin) in csl_keys:
            return "exact"
        needle = " " + " ".join(words(latin)) + " "
        return "within" if any(needle in t for t in csl_texts) else "absent"

    rows, refused = [], []
    for line_no, cells in enumerate(tsv_rows(SOURCES), 1):
        if len(cells) != 4:
            refused.append((line_no, "not 4 columns", cells))
            continue
        han, latin, url, quote = (c.strip() for c in cells)
        quote = re.sub(r"\[\[zh:([^\]]*)\]\]", r"\1", quote)  # wiki-link markup, as mirrored
        if han not in quote and simplify(han) not in simplify(quote):
            refused.append((line_no, "the quote lacks the Chinese name", cells))
            continue
        if " ".join(words(latin)) not in " ".join(words(quote)):
            refused.append((line_no, "the quote lacks the Latin name", cells))
            continue
        if not HAN.search(han) or not words(latin):
            refused.append((line_no, "no Chinese or no Latin letters", cells))
            continue
        rows.append((simplify(han), latin, url))
    for line_no, why, cells in refused:
        print(f"han_name_sources.tsv line {line_no}: {why}: {cells[:2]}", file=sys.stderr)

    out, trades = {}, {}
    def add(han, latin, kind, url, derived_from=""):
        k = (han, key(latin))
        if k not in out:
            out[k] = [han, latin, kind, on_csl(latin), url, derived_from]
    for han, latin, url in rows:
        han = re.sub(r"\s+", "", han)
        add(han, latin, "full", url)
        trade = parse(han)
        if not (2 <= len(trade) <= 4) or not all(HAN.match(c) for c in trade):
            continue
        if trade in term_names or trade in NOT_TRADE_NAMES:
            continue  # 天津大学: no trade name but the industry word
        left = [w for w in words(latin) if w not in naming_nothing
                and not (w.endswith("s") and w[:-1] in naming_nothing)]
        if not left or len(left) > 3:
            continue
        if "".join(lazy_pinyin(trade)) == "".join(left):
            # earl reads the trade name's pinyin as the Latin already; the row says which
            # characters the listed name is written in (兆芯, not 兆新).
            add(trade, " ".join(left).title(), "pinyin", url, han)
            continue
        if len(left) == 1 and left[0] in common:
            continue
        latin_words = re.findall(r"[A-Za-z0-9]+", unicodedata.normalize("NFKD", latin))
        kept = [w for w in latin_words if w.lower() in left]
        trades.setdefault(trade, []).append((" ".join(dict.fromkeys(kept)), url, han))
    # A trade name read one way: when its full names give it several Latin names, the shortest
    # if every one holds its words (大疆: DJI, SZ DJI); else the one most sources give, if one
    # does (海光: Hygon three times, Higon once), or on a tie the one the CSL writes as a name
    # (海康威视: Hikvision, not HIK); none otherwise (信维: Sunway, Trusme).
    for trade, readings in trades.items():
        readings.sort(key=lambda r: (len(r[0]), r[0]))
        shortest = set(words(readings[0][0]))
        if all(shortest <= set(words(r[0])) for r in readings):
            latin, url, han = readings[0]
            add(trade, latin, "trade", url, han)
            continue
        votes = {}
        for r in readings:
            votes.setdefault(key(r[0]), []).append(r)
        strength = lambda rs: (len(rs), on_csl(rs[0][0]) == "exact")
        ranked = sorted(votes.values(), key=strength, reverse=True)
        if len(ranked) == 1 or strength(ranked[0]) > strength(ranked[1]):
            latin, url, han = ranked[0][0]
            add(trade, latin, "trade", url, han)

    header = (
        "# Chinese names of organisations → the Latin name the lists write. Generated by\n"
        "# scripts/build-han-names.py from han_name_sources.tsv (each pair as a cited source prints it,\n"
        "# with the quote that pairs them); do not edit by hand. kind: full = the name as printed;\n"
        "# trade = its trade name, derived (from = the full name it came from), read as the Latin;\n"
        "# pinyin = a trade name whose pinyin is the Latin: only says which characters it is written in.\n"
        "# csl: the Latin name on\n"
        "# the bundled CSL (exact = a name or alternate name, within = inside one, absent = not listed).\n"
        "# han\tlatin\tkind\tcsl\tsource\tfrom\n"
    )
    # One han may have several Latin names: the one earl reads first is listed first (a CSL
    # name before a name inside one before an unlisted one, then the longest).
    rank = {"exact": 0, "within": 1, "absent": 2}
    body = "".join("\t".join(r) + "\n" for r in sorted(
        out.values(), key=lambda r: (r[0], r[2], rank[r[3]], -len(r[1]), r[1])))
    text = header + body
    if a.check:
        current = open(OUT, encoding="utf-8").read() if os.path.exists(OUT) else ""
        if current != text:
            print("han_names.tsv is not what scripts/build-han-names.py writes", file=sys.stderr)
            sys.exit(1)
        return
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    kinds = {}
    for r in out.values():
        kinds[(r[2], r[3])] = kinds.get((r[2], r[3]), 0) + 1
    print(f"{len(rows)} sourced pairs ({len(refused)} refused) → {len(out)} rows: {sorted(kinds.items())}")


if __name__ == "__main__":
    main()
