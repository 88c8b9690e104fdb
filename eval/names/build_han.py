#!/usr/bin/env python3
"""Chinese-character screening set (issue 22), from third-party sources only.

Writes, next to this script:
  han-pairs-dev.tsv / han-pairs-holdout.tsv    the Han-script rows of pairs-dev.tsv / pairs-holdout.tsv
                                                (same columns; the split is theirs, made before any tuning)
  han-screen-dev.tsv / han-screen-holdout.tsv  queries to screen against the whole CSL:
      listed=1: a Chinese-character name of a party the CSL lists, taken from a labelled match pair
                (either side Han; Senzing's fictitious records left out) whose Latin side is, letter for letter (case, spacing and
                punctuation aside), a CSL name or alternate name; `expected` is that CSL name.
                Split: the side of the pair file it came from.
      listed=0: the short names (股票简称) of companies listed on the Shanghai and Shenzhen
                exchanges, from a Tushare `stock_basic` export; split by the parity of the first
                byte of sha256(ts_code). Some exchange-listed issuers are on the CSL (the Entity
                List and NS-CMIC name Chinese issuers): a flag on one of them is judged against the
                CSL by hand and said so in the report, never silently dropped.

    python3 eval/names/build_han.py --stocks STOCK_BASIC_CSV

STOCK_BASIC_CSV: `git show 54249aad17539536f68f87f190072727c58be1f6:data/stock_basic.csv` in
the mrslimslim/tushare-strategy repository (columns ts_code,symbol,name,area,industry,list_date,
market; 3,055 issuers). Standard library only; deterministic.
"""
import argparse, csv, hashlib, os, re, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
CSL = os.path.join(HERE, "..", "..", "data", "csl", "consolidated.csv")
STOCKS_SOURCE = "mrslimslim/tushare-strategy:data/stock_basic.csv@54249aa"
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def key(name):
    """Case, accents, spacing and punctuation aside."""
    folded = unicodedata.normalize("NFKD", name).casefold()
    return "".join(c for c in folded if c.isalnum())


def csl_names():
    names = {}
    with open(CSL, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for name in [row["name"]] + [a for a in row["alt_names"].split(";") if a.strip()]:
                names.setdefault(key(name), name.strip())
    return names


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--stocks", required=True)
    a = ap.parse_args()
    listed_names = csl_names()
    for side in ("dev", "holdout"):
        with open(os.path.join(HERE, f"pairs-{side}.tsv"), encoding="utf-8") as f:
            header = f.readline()
            rows = [l.rstrip("\n").split("\t") for l in f if l.strip()]
        cols = header.rstrip("\n").split("\t")
        han_rows = [r for r in rows if "Han" in r[cols.index("script")]]
        with open(os.path.join(HERE, f"han-pairs-{side}.tsv"), "w", encoding="utf-8") as f:
            f.write(header)
            for r in han_rows:
                f.write("\t".join(r) + "\n")
        queries = {}
        for r in han_rows:
            rec = dict(zip(cols, r))
            # Senzing's records are fictitious: a CSL name they happen to share is no listing.
            if rec["match"] != "1" or rec["source"].startswith("Senzing/"):
                continue
            for han, latin in ((rec["a"], rec["b"]), (rec["b"], rec["a"])):
                if HAN.search(han) and not HAN.search(latin) and key(latin) in listed_names:
                    queries.setdefault(han, (listed_names[key(latin)], rec["source"]))
        with open(os.path.join(HERE, f"han-screen-{side}.tsv"), "w", encoding="utf-8") as f:
            f.write("query\tlisted\texpected\tsource\n")
            for han, (expected, source) in sorted(queries.items()):
                f.write(f"{han}\t1\t{expected}\t{source}\n")
            with open(a.stocks, encoding="utf-8-sig") as s:
                for stock in csv.DictReader(s):
                    parity = hashlib.sha256(stock["ts_code"].encode()).digest()[0] % 2
                    if ("dev", "holdout")[parity] == side and HAN.search(stock["name"]):
                        f.write(f"{stock['name']}\t0\t\t{STOCKS_SOURCE}#{stock['ts_code']}\n")


if __name__ == "__main__":
    main()
