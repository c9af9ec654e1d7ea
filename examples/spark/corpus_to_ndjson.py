#!/usr/bin/env python3
"""Write the shared corpus's articles as one NDJSON stream for copydesk.

    corpus_to_ndjson.py CORPUS_DIR OUTPUT.ndjson

Every article of bbc2225, kcna2024, reuters21578 and wikipedia-unicode
(about 22,800) becomes one line: `id`, `text`, `title`, and where the
corpus has them a `date` (ISO, `YYYY-MM-DD`) and a `section` (BBC's
category, KCNA's topic).
"""
import datetime
import json
import os
import sys

FILES = ["bbc2225.jsonl", "kcna2024.jsonl", "reuters21578.jsonl", "wikipedia-unicode.jsonl"]


def iso_date(value):
    """KCNA dates are epoch milliseconds, Reuters' `26-FEB-1987 15:01:01.79`."""
    if isinstance(value, (int, float)):
        return datetime.datetime.fromtimestamp(value / 1000, datetime.timezone.utc).date().isoformat()
    try:
        return datetime.datetime.strptime(value.strip()[:11], "%d-%b-%Y").date().isoformat()
    except (AttributeError, ValueError):
        return None


def main(corpus, out):
    n = 0
    with open(out, "w", encoding="utf-8") as fh:
        for name in FILES:
            with open(os.path.join(corpus, name), encoding="utf-8") as src:
                for line in src:
                    if not line.strip():
                        continue
                    a = json.loads(line)
                    doc = {"id": a["id"], "text": a["text"], "title": a.get("title")}
                    date = iso_date(a["date"]) if "date" in a else None
                    if date:
                        doc["date"] = date
                    section = a.get("category") or a.get("topic")
                    if section:
                        doc["section"] = section
                    fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
                    n += 1
    print(f"{n} articles written to {out}", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
