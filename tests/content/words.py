#!/usr/bin/env python3
"""words.py — how long the sentences pupils read are, per pack.

Reads every pupil-facing text (speech and narration, prompts, options, hints,
explanations, feedback, recap, endings, catch-phrase; not the teacher notes)
from `declic stats --text`, splits it into sentences after . ! ? or ... (when
a space follows, maybe after a closing quote, so that "4.2" stays one word), counts as words
the whitespace-separated tokens holding a letter or a digit, and prints per
pack the average and longest sentence, how many go over the guideline of
content/FORMAT.md (cycle 2: 12 words, cycle 3: 15), then the longest
sentences of each pack so that authors can shorten them.

    words.py [--declic PATH] [--content DIR] [--top N] [PACK...]

A report for authors, never a pass/fail test: the exit status is 0 unless
declic cannot be run.
"""

import argparse
import re
import subprocess
import sys

# Most words per sentence that FORMAT.md asks for, by audience.
LIMITS = {"cycle2": 12, "cycle3": 15}

# After . ! ? or an ellipsis, and any closing quote, a space ends a sentence.
SENTENCE_END = re.compile(r"(?<=[.!?\u2026])[\"'\u00bb\u201d)]*\s+")
HAS_WORD = re.compile(r"[^\W_]")  # a letter or a digit


def sentences(text):
    """The sentences of a text: split after . ! ? or an ellipsis."""
    for part in SENTENCE_END.split(text.strip()):
        if part.strip():
            yield part.strip()


def words(sentence):
    """Number of words: tokens between spaces that hold a letter or a digit."""
    return sum(1 for tok in sentence.split() if HAS_WORD.search(tok))


def read_texts(declic, content, packs):
    """Lines of `declic stats --text`: (pack, audience, lesson, field, text)."""
    cmd = [declic]
    if content:
        cmd += ["--content", content]
    cmd += ["stats", "--text"] + packs
    env_out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if env_out.stderr:
        sys.stderr.write(env_out.stderr.decode("utf-8", "replace"))
    rows = []
    for line in env_out.stdout.decode("utf-8", "replace").splitlines():
        parts = line.split("\t", 4)
        if len(parts) == 5:
            rows.append(parts)
    return rows, env_out.returncode


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--declic", default="./declic", help="the declic program")
    ap.add_argument("--content", help="content folder (default: declic's)")
    ap.add_argument("--top", type=int, default=5, help="longest sentences shown per pack")
    ap.add_argument("packs", nargs="*", help="packs (folders or identifiers); default: all")
    args = ap.parse_args()

    try:
        rows, status = read_texts(args.declic, args.content, args.packs)
    except OSError as e:
        sys.exit("words.py: cannot run %s: %s" % (args.declic, e))
    if not rows:
        sys.exit("words.py: %s stats --text gave no text (status %d)" % (args.declic, status))

    packs = {}
    for pack, audience, lesson, field, text in rows:
        p = packs.setdefault(pack, {"audience": audience, "texts": 0, "sentences": []})
        p["texts"] += 1
        for s in sentences(text):
            n = words(s)
            if n:
                p["sentences"].append((n, lesson, field, s))

    head = ("pack", "audience", "texts", "sentences", "avg words", "max", "limit", "over")
    table = []
    for name, p in packs.items():
        counts = [n for n, _, _, _ in p["sentences"]]
        limit = LIMITS.get(p["audience"])
        over = sum(1 for n in counts if limit and n > limit)
        avg = sum(counts) / len(counts) if counts else 0.0
        table.append((name, p["audience"], str(p["texts"]), str(len(counts)),
                      "%.1f" % avg, str(max(counts, default=0)),
                      str(limit) if limit else "-", str(over) if limit else "-"))
    widths = [max(len(r[i]) for r in table + [head]) for i in range(len(head))]
    fmt = "  ".join("%%-%ds" % w if i < 2 else "%%%ds" % w for i, w in enumerate(widths))
    print(fmt % head)
    for r in table:
        print(fmt % r)

    for name, p in packs.items():
        longest = sorted(p["sentences"], key=lambda s: -s[0])[:args.top]
        if not longest:
            continue
        print("\n%s: the %d longest sentences" % (name, len(longest)))
        for n, lesson, field, s in longest:
            print("  %2d words  %s/%s  %s" % (n, lesson, field, s))
    return 0


if __name__ == "__main__":
    sys.exit(main())
