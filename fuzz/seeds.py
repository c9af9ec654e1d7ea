#!/usr/bin/env python3
"""Build the fuzz targets' seed corpora in fuzz/corpus/<target>/ from the
repository's own inputs: the test fixtures, the example drafts and configs,
the shipped packs (whole, and one rule each) and every rule's flag/pass
examples. Small files only; run by fuzz/run.sh."""
import hashlib, os, pathlib, tomllib

fuzz = pathlib.Path(__file__).resolve().parent
root = fuzz.parent
corpus = fuzz / "corpus"
MAX = 16_384


def put(target, data):
    if isinstance(data, str):
        data = data.encode()
    if not data or len(data) > MAX:
        return
    d = corpus / target
    d.mkdir(parents=True, exist_ok=True)
    (d / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)


texts = []
for p in sorted((root / "tests/fixtures").rglob("*")) + sorted((root / "examples").rglob("*")):
    if p.is_file() and p.suffix in (".txt", ".md") and ".expected" not in p.name:
        texts.append(p.read_bytes())
for pack in sorted((root / "rules").glob("*.toml")):
    src = pack.read_text()
    put("load_pack", src)
    head, *rules = src.split("\n[[rule]]")
    pack_table = head[head.find("[pack]"):].split("\n\n")[0]
    for r in rules:
        put("load_pack", pack_table + "\n\n[[rule]]" + r)
    for rule in tomllib.loads(src).get("rule", []):
        for ex in rule.get("flag", []):
            texts.append(ex["text"].encode())
            if ex.get("fixed"):
                texts.append(ex["fixed"].encode())
        for ok in rule.get("pass", []):
            texts.append(ok.encode())
for t in texts:
    for target in ("lint_text", "lint_markdown"):
        put(target, t)
    put("fix", b"\x00" + t)
    put("fix", b"\x01" + t)
    if any(0xEA <= b <= 0xED for b in t):
        put("hangul", t)
for name in ["김정은", "윤석열", "선우 용녀", "남궁민", "이재명", "박근혜", "ㄱㄴㄷ", "커뮤니티", "서울"]:
    put("hangul", name)
for p in sorted(root.rglob("*.toml")):
    if "target" in p.parts or "fuzz" in p.parts or p.parent.name == "rules":
        continue
    if p.name in ("Cargo.toml", "pyproject.toml"):
        continue
    put("load_config", p.read_bytes())
for c in ['fail-on = "error"\nselect = ["unicode.*"]\n', 'house-style = "ap"\n',
          '[[overrides]]\nfiles = ["*.md"]\nignore = ["stray-script"]\nscripts = ["Latin", "Hangul"]\n',
          'extend-select = ["pack.*"]\naccept = ["속보"]\n']:
    put("load_config", c)
for t, n in sorted((t, len(os.listdir(corpus / t))) for t in os.listdir(corpus)):
    print(f"{t}: {n} seeds")
