#!/usr/bin/env python3
"""Writes crates/earl-screen/data/wordfreq/en.tsv.gz from the wordfreq package's English list.

earl uses how common a word is in English to decide whether a query word may be a misspelling
(see crates/earl-screen/src/similarity.rs): "Tayota" is no word, so it may be "Toyota"; "Walmart"
is a common word, so it is not a misspelling of the listed "WELMART". Source: wordfreq 3.1.1
(PyPI, https://github.com/rspeer/wordfreq), data file wordfreq/data/large_en.msgpack.gz, licensed
CC BY-SA 4.0 (see crates/earl-screen/data/wordfreq/README.md). Rerun:

    pip download wordfreq==3.1.1 --no-deps -d /tmp/wf && python3 scripts/vendor-wordfreq.py /tmp/wf/wordfreq-3.1.1-py3-none-any.whl
"""
import gzip, io, sys, unicodedata, zipfile

def unpack(data):
    # Minimal msgpack reader for the wordfreq layout (arrays, maps, strings, ints) so that the
    # script needs only the standard library.
    pos = 0
    def read():
        nonlocal pos
        b = data[pos]; pos += 1
        if b <= 0x7f: return b
        if 0x80 <= b <= 0x8f: return {read(): read() for _ in range(b & 0x0f)}
        if 0x90 <= b <= 0x9f: return [read() for _ in range(b & 0x0f)]
        if 0xa0 <= b <= 0xbf:
            n = b & 0x1f; s = data[pos:pos + n].decode(); pos += n; return s
        if b == 0xd9:
            n = data[pos]; pos += 1; s = data[pos:pos + n].decode(); pos += n; return s
        if b == 0xda:
            n = int.from_bytes(data[pos:pos + 2], 'big'); pos += 2; s = data[pos:pos + n].decode(); pos += n; return s
        if b == 0xdc:
            n = int.from_bytes(data[pos:pos + 2], 'big'); pos += 2; return [read() for _ in range(n)]
        if b == 0xdd:
            n = int.from_bytes(data[pos:pos + 4], 'big'); pos += 4; return [read() for _ in range(n)]
        if b == 0xcc:
            v = data[pos]; pos += 1; return v
        raise ValueError(f"msgpack byte {b:#x} at {pos - 1}")
    return read()

def main(wheel):
    with zipfile.ZipFile(wheel) as z:
        raw = gzip.decompress(z.read("wordfreq/data/large_en.msgpack.gz"))
    buckets = unpack(raw)
    assert buckets[0] == {"format": "cB", "version": 1}, buckets[0]
    best = {}
    for i, bucket in enumerate(buckets[1:]):
        zipf = (900 - i) / 100  # bucket i holds words at -i centibels, i.e. Zipf 9 - i/100
        for word in bucket:
            folded = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
            if not folded.isascii() or not folded.isalpha() or len(folded) < 3 or zipf < 1.5:
                continue
            folded = folded.lower()
            best[folded] = max(best.get(folded, 0), zipf)
    out = io.StringIO()
    out.write("# word<TAB>zipf (log10 frequency per billion words), from wordfreq 3.1.1 large_en; CC BY-SA 4.0\n")
    for word in sorted(best):
        out.write(f"{word}\t{best[word]:.2f}\n")
    with gzip.GzipFile("crates/earl-screen/data/wordfreq/en.tsv.gz", "wb", mtime=0) as f:
        f.write(out.getvalue().encode())
    print(len(best), "words")

main(sys.argv[1])
