#!/usr/bin/env python3
"""Compares three ways of reading Word 97-2003 (.doc) files: antiword and wvText (text out, then
read as plain text) against plangraph's own route (LibreOffice headless to .docx, then the .docx
reader). Prints, per route, the agreement of the extraction with the UTF-8 original (score.py's
overall F1 with the original's own extraction as the gold) and the time per file, on .doc files
of the seed plans (UTF-8, TCVN3 and VNI fonts), then facts from real .doc files when given.

Needs antiword, wv (wvText), soffice, a built plangraph and ../shared/tools/score.py.

usage: tools/compare_doc_readers.py BUILD_DIR SHARED_DIR
"""
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = ["tayninh-kh-de-an-08-2020", "quangtri-kh-134-2021", "dmc-kh-31-2024",
         "daklak-kh-49-2021", "kontum-kh-kl79-2014"]
REAL = ["rf07-vptw-hd-36-2018.doc", "rf09-lamdong-tb-pci-2026.doc",
        "rf10-travinh-bang-cv-chidao-2014.doc"]


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    plangraph = os.path.join(sys.argv[1], "plangraph")
    shared = sys.argv[2]
    sys.path.insert(0, os.path.join(shared, "tools"))
    import score  # noqa: E402  (the reference scorer)

    def extract(path):
        r = subprocess.run([plangraph, "extract", "--format", "json", path],
                           capture_output=True, text=True)
        return json.loads(r.stdout) if r.returncode == 0 else {}

    def agreement(pred, original):
        doc, cits, heads, targets, agencies, deadlines = score.predicted_fields(original)
        gold = {"document": doc, "citations": cits, "headings": heads, "targets": targets,
                "assignees": agencies, "deadlines": deadlines}
        tally = {f: [0, 0, 0] for f in score.FIELDS}
        score.score_one(pred, gold, tally, False, "")
        f1 = [score.prf(tally[f])[2] for f in score.FIELDS if f != "citation_dates"]
        return sum(f1) / len(f1)

    def read(route, path, work):
        """The extraction by `route` and the seconds the route took to get text out."""
        if route == "libreoffice":
            start = time.time()
            out = extract(path)
            return out, time.time() - start
        txt = os.path.join(work, os.path.basename(path) + "." + route + ".txt")
        start = time.time()
        if route == "antiword":
            data = subprocess.run(["antiword", "-m", "UTF-8.txt", "-w", "0", path],
                                  capture_output=True).stdout
            with open(txt, "wb") as f:
                f.write(data)
        else:
            subprocess.run(["wvText", path, txt], capture_output=True)
        elapsed = time.time() - start
        return extract(txt), elapsed

    with tempfile.TemporaryDirectory() as work:
        profile = "file://" + os.path.join(work, "profile")
        for seed in SEEDS:  # the UTF-8 original as .doc
            subprocess.run(["soffice", "-env:UserInstallation=" + profile, "--headless",
                            "--infilter=Text (encoded):UTF8,LF,,,", "--convert-to",
                            "doc:MS Word 97", "--outdir", work,
                            os.path.join(ROOT, "corpus", "docs", seed + ".txt")],
                           capture_output=True, check=True)
        print("| .doc of the seed plans | route | agreement mean (min) | s/file |")
        print("|---|---|---|---|")
        for kind in ["utf8", "tcvn3", "vni"]:
            for route in ["antiword", "wv", "libreoffice"]:
                scores, times = [], []
                for seed in SEEDS:
                    original = extract(os.path.join(ROOT, "corpus", "docs", seed + ".txt"))
                    path = (os.path.join(work, seed + ".doc") if kind == "utf8" else
                            os.path.join(ROOT, "tests", "fixtures", "legacy",
                                         "%s.%s.doc" % (seed, kind)))
                    pred, elapsed = read(route, path, work)
                    scores.append(agreement(pred, original))
                    times.append(elapsed)
                print("| %s | %s | %.3f (%.3f) | %.2f |" % (
                    kind, route, sum(scores) / len(scores), min(scores), sum(times) / len(times)))
        print()
        print("| real file | route | s | symbol | date | sections | tasks | with deadline |")
        print("|---|---|---|---|---|---|---|---|")
        for name in REAL:
            path = os.path.join(shared, "real-formats", "files", name)
            if not os.path.exists(path):
                continue
            for route in ["antiword", "wv", "libreoffice"]:
                out, elapsed = read(route, path, work)
                doc = out.get("document") or {}
                tasks = out.get("tasks") or []
                print("| %s | %s | %.1f | %s | %s | %d | %d | %d |" % (
                    name[:4], route, elapsed, doc.get("symbol"), doc.get("date"),
                    len(out.get("sections") or []), len(tasks),
                    sum(1 for t in tasks if t.get("deadline"))))


if __name__ == "__main__":
    main()
