"""``make bench`` / ``python -m devtools.bench``: throughput, memory, scaling and hostile input.

Measures, on the repository's corpus replicated to ``--n`` articles (default 2,000; every copy
byte-distinct):

* ``kzextract extract`` with and without the model, ``--jobs 1`` and ``--jobs 2``: articles/s,
  words/s, peak RSS (the CLI process and its workers, summed), CPU seconds;
* the share of time per stage (from ``--stats``: seconds summed over workers);
* peak RSS at ``--n`` vs ``--big`` articles (default 20,000, ``--no-model``), to show memory is flat;
* an incremental re-run after adding 10 new articles (only those are processed);
* the hostile inputs of issue 6 against a normal text of the same size, through all stages and
  through the stages after ``clean`` (which would otherwise drop most of them as boilerplate);
* spaCy's own ``nlp.pipe(n_process=…)`` with and without one BLAS thread per process.

Results go to ``bench/results.json`` (parts not re-run are kept). ``--only`` picks parts.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
RESULTS = ROOT / "bench" / "results.json"
PARTS = ("throughput", "scale", "incremental", "hostile", "nprocess", "numbers", "fuzz")


# -- corpora -------------------------------------------------------------------------------------

def make_corpus(dst: str | Path, n: int, start: int = 0, src: str | Path = CORPUS) -> Path:
    """Write articles ``start .. start+n-1`` into ``dst``: the corpus replicated, each copy made
    byte-distinct by its index in spaces and tabs on a last line (stripped by the clean stage), so
    each has its own sha256. Returns ``dst``."""
    dst = Path(dst)
    dst.mkdir(parents=True, exist_ok=True)
    files = sorted(Path(src).glob("*.txt"))
    sources = [p.read_bytes().rstrip(b"\n") for p in files]
    for i in range(start, start + n):
        k = i % len(sources)
        tag = format(i, "b").replace("0", " ").replace("1", "\t").encode()
        (dst / f"{i:07d}_{files[k].stem}.txt").write_bytes(sources[k] + b"\n" + tag + b"\n")
    return dst


def normal_text(size: int, src: str | Path = CORPUS) -> str:
    """One long normal article of ``size`` characters: a title, then the prose paragraphs of the real
    articles (their bodies after ``clean``) repeated, so ``clean`` keeps it as one article body."""
    from kzextract.clean import clean
    from kzextract.reader import read_document

    paragraphs = []
    for p in sorted(Path(src).glob("*.txt")):
        paragraphs.extend(clean(read_document(p)).body.split("\n"))
    title = "Жастар практикасы: өңірлердегі жұмыспен қамту нәтижелері\n\n"
    text = "\n\n".join(paragraphs)
    return (title + text * (size // len(text) + 1))[:size]


def hostile_texts(scale: float = 1.0) -> dict[str, str]:
    """The hostile inputs of issue 6 (``scale`` < 1 shrinks them for tests)."""
    mb = int(1_000_000 * scale)
    return {
        "ones_1mb": "1 " * (mb // 2),  # 1 MB of "1 1 1 …"
        "open_quotes_100k": "«" * int(100_000 * scale),  # « never closed
        "no_space_line_1mb": ("жастарпрактикасы" * (mb // 16 + 1))[:mb],  # one 1 MB line, no spaces
        "initials_50k": "А. " * int(50_000 * scale),  # 50,000 initials in a row
    }


# -- running the CLI -----------------------------------------------------------------------------

def _sample_rss(pid: int, stop_after: float | None = None) -> tuple[float, float]:
    """Poll a process tree until it ends: (peak of the summed RSS, peak RSS of the root) in MB."""
    import psutil

    peak_tree = peak_root = 0
    try:
        root = psutil.Process(pid)
    except psutil.NoSuchProcess:
        return 0.0, 0.0
    while True:
        try:
            if root.status() == psutil.STATUS_ZOMBIE:
                break
            rss_root = root.memory_info().rss
            total = rss_root
            for child in root.children(recursive=True):
                try:
                    total += child.memory_info().rss
                except psutil.Error:
                    pass
        except psutil.Error:
            break
        peak_tree, peak_root = max(peak_tree, total), max(peak_root, rss_root)
        time.sleep(0.05)
    return peak_tree / 2**20, peak_root / 2**20


def run_cli(inputs: list[str], out: Path, jobs: int, model: bool, *extra: str) -> dict:
    """One ``kzextract extract`` run in a subprocess: its ``--stats`` plus memory and CPU time."""
    import threading

    stats_file = out.parent / f"{out.name}.stats.json"
    cmd = [sys.executable, "-m", "kzextract.cli", "extract", *inputs, "-o", str(out), "-j", str(jobs), "-q",
           "--stats", str(stats_file), *(["--ner", "spacy"] if model else ["--no-model"]), *extra]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    mem: list[tuple[float, float]] = []
    sampler = threading.Thread(target=lambda: mem.append(_sample_rss(proc.pid)), daemon=True)
    sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - t0
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {err[-2000:]}")
    stats = json.loads(stats_file.read_text())
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    peak_tree, peak_root = mem[0] if mem else (0.0, 0.0)
    return {
        "articles": stats["ok"],
        "articles_per_s": stats["articles_per_s"],
        "words_per_s": stats["words_per_s"],
        "peak_rss_mb": round(peak_tree, 1),  # the CLI process and its workers, summed
        "peak_rss_main_mb": round(peak_root, 1),
        "wall_s": round(wall, 2),  # including interpreter start
        "run_s": stats["seconds"],  # inside the CLI: discovery to the last commit
        "cpu_s": round(cpu, 2),
        "articles_per_cpu_s": round(stats["ok"] / cpu, 2) if cpu else None,
        "stage_seconds": stats["stage_seconds"],
        "skipped": stats["skipped"],
        "errors": stats["error"],
    }


def shares(stage_seconds: dict[str, float]) -> dict[str, float]:
    total = sum(stage_seconds.values()) or 1.0
    return {k: round(v / total, 4) for k, v in stage_seconds.items()}


# -- parts ---------------------------------------------------------------------------------------

def tokenizer_seconds(corpus: Path) -> float:
    """Seconds spaCy's ``kk`` tokenizer alone takes over the decoded articles: the yardstick the
    whole extraction is measured against (best of three)."""
    import spacy

    from kzextract.reader import read_document

    texts = [read_document(p).raw for p in sorted(corpus.glob("*.txt"))]
    tokenizer = spacy.blank("kk").tokenizer
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        for _doc in tokenizer.pipe(texts):
            pass
        best = min(best, time.perf_counter() - t0)
    return best


def bench_throughput(work: Path, n: int, jobs_list: list[int], log) -> dict:
    corpus = make_corpus(work / f"c{n}", n)
    t_tok = tokenizer_seconds(corpus)
    res: dict = {"model": {}, "no_model": {}, "spacy_tokenizer": {"seconds": round(t_tok, 3),
                                                                  "articles_per_s": round(n / t_tok, 1)}}
    log(f"spaCy kk tokenizer alone: {n / t_tok:,.0f} articles/s ({t_tok:.2f} s)")
    for model in (False, True):
        key = "model" if model else "no_model"
        for jobs in jobs_list:
            out = work / f"out-{key}-{jobs}"
            shutil.rmtree(out, ignore_errors=True)
            r = run_cli([str(corpus)], out, jobs, model)
            r["x_tokenizer"] = round(r["run_s"] / t_tok, 1)  # cost relative to the tokenizer, same run
            res[key][f"jobs_{jobs}"] = r
            log(f"{key:8} jobs={jobs}: {r['articles_per_s']:7.1f} articles/s {r['words_per_s']:9.0f} words/s "
                f"peak RSS {r['peak_rss_mb']:6.0f} MB  ({r['articles_per_cpu_s']} articles per CPU-second, "
                f"{r['x_tokenizer']}× the tokenizer)")
            shutil.rmtree(out, ignore_errors=True)
    j1 = f"jobs_{jobs_list[0]}"
    res["stages"] = shares(res["model"][j1]["stage_seconds"])
    res["stages_no_model"] = shares(res["no_model"][j1]["stage_seconds"])
    for key in ("model", "no_model"):
        runs = res[key]
        if "jobs_1" in runs and "jobs_2" in runs:
            runs["speedup_2_vs_1"] = round(runs["jobs_2"]["articles_per_s"] / runs["jobs_1"]["articles_per_s"], 2)
    log(f"stage shares (model, jobs 1): {res['stages']}")
    return res


def bench_scale(work: Path, sizes: list[int], jobs: int, model: bool, log) -> dict:
    res = {"jobs": jobs, "model": model}
    big = make_corpus(work / f"c{max(sizes)}", max(sizes))
    for n in sizes:
        files = sorted(big.glob("*.txt"))[:n]
        src = work / f"scale-{n}"
        if not src.exists():
            src.mkdir()
            for f in files:
                os.link(f, src / f.name)
        out = work / f"out-scale-{n}"
        shutil.rmtree(out, ignore_errors=True)
        r = run_cli([str(src)], out, jobs, model)
        n_parts = len(list((out / "documents").glob("part-*.parquet")))
        res[f"n_{n}"] = {k: r[k] for k in ("articles", "articles_per_s", "peak_rss_mb", "peak_rss_main_mb", "wall_s")}
        res[f"n_{n}"]["documents_parts"] = n_parts
        log(f"scale n={n}: peak RSS {r['peak_rss_mb']:.0f} MB (main {r['peak_rss_main_mb']:.0f} MB), "
            f"{r['articles_per_s']} articles/s, {n_parts} part files per table")
        shutil.rmtree(out, ignore_errors=True)
    return res


def bench_incremental(work: Path, n: int, jobs: int, log) -> dict:
    corpus = make_corpus(work / f"inc{n}", n)
    out = work / "out-inc"
    shutil.rmtree(out, ignore_errors=True)
    first = run_cli([str(corpus)], out, jobs, False)
    make_corpus(corpus, 10, start=n)
    second = run_cli([str(corpus)], out, jobs, False)
    again = run_cli([str(corpus)], out, jobs, False)
    res = {
        "articles": n, "added": 10,
        "first_run_s": first["wall_s"], "first_processed": first["articles"],
        "rerun_after_adding_10_s": second["wall_s"], "rerun_processed": second["articles"],
        "rerun_skipped": second["skipped"],
        "rerun_unchanged_s": again["wall_s"], "rerun_unchanged_processed": again["articles"],
    }
    log(f"incremental: {n} articles in {first['wall_s']} s; +10 new: {second['articles']} processed, "
        f"{second['skipped']} skipped in {second['wall_s']} s; unchanged re-run {again['wall_s']} s")
    shutil.rmtree(out, ignore_errors=True)
    return res


def time_stages(text: str, model=None, after_clean: bool = False) -> tuple[float, dict[str, float], str]:
    """CPU seconds for one article through the stages (or the stages after ``clean``, with the whole text
    as one paragraph); the per-stage seconds; the error, if a stage failed."""
    from kzextract.document import Document
    from kzextract.entities.backends.spacy_model import spacy_predictor
    from kzextract.pipeline import StageError, build_stages, process

    stages = build_stages(spacy_predictor(model) if model is not None else None)
    doc = Document("hostile", "-", text)
    if after_clean:
        doc.blocks = [(0, len(text))]
        stages = stages[1:]
    timings: dict[str, float] = {}
    t0 = time.process_time()  # CPU time: less disturbed than wall time by other load on the machine
    error = ""
    try:
        process(doc, stages, timings)
    except StageError as exc:
        error = str(exc)[:200]
    return time.process_time() - t0, timings, error


def bench_hostile(scale: float, log) -> dict:
    res: dict = {}
    for name, text in hostile_texts(scale).items():
        normal = normal_text(len(text))
        row: dict = {"chars": len(text)}
        for mode, after_clean in (("all_stages", False), ("after_clean", True)):
            t_h, st_h, err = time_stages(text, after_clean=after_clean)
            t_n, _, _ = time_stages(normal, after_clean=after_clean)
            row[mode] = {"hostile_s": round(t_h, 3), "normal_same_size_s": round(t_n, 3),
                         "ratio": round(t_h / t_n, 2) if t_n else None,
                         "stage_s": {k: round(v, 3) for k, v in st_h.items()}, **({"error": err} if err else {})}
        log(f"hostile {name:18} ({len(text):>9,} chars): all stages {row['all_stages']['hostile_s']:.2f} s "
            f"(normal {row['all_stages']['normal_same_size_s']:.2f} s), after clean "
            f"{row['after_clean']['hostile_s']:.2f} s (normal {row['after_clean']['normal_same_size_s']:.2f} s, "
            f"×{row['after_clean']['ratio']})")
        res[name] = row
    # With the model, at a tenth of the size (the NER model runs ~30 articles per CPU-second).
    from kzextract.entities.backends.spacy_model import load_ner

    nlp = load_ner()
    if nlp is not None:
        res["with_model_at_0.1"] = {}
        for name, text in hostile_texts(0.1).items():
            t_h, st_h, err = time_stages(text, nlp, after_clean=True)
            t_n, _, _ = time_stages(normal_text(len(text)), nlp, after_clean=True)
            res["with_model_at_0.1"][name] = {
                "chars": len(text), "hostile_s": round(t_h, 3), "normal_same_size_s": round(t_n, 3),
                "ratio": round(t_h / t_n, 2) if t_n else None, **({"error": err} if err else {})}
            log(f"hostile+model {name:18} ({len(text):>9,} chars): {t_h:.2f} s (normal {t_n:.2f} s)")
    # A 50 MB file: refused at once by the size limit, with an error row.
    from kzextract.reader import ReadError, max_bytes, read_document

    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.txt"
        with open(big, "wb") as fh:
            fh.write(("Жастар практикасы. " * 2_900_000).encode()[: 50 * 2**20])
        t0 = time.perf_counter()
        try:
            read_document(big)
            msg = "read"
        except ReadError as exc:
            msg = str(exc)
        res["file_50mb"] = {"seconds": round(time.perf_counter() - t0, 4), "result": msg, "limit_bytes": max_bytes()}
        log(f"50 MB file: {msg} ({res['file_50mb']['seconds']} s)")
    return res


_NPROC_SNIPPET = r"""
import json, sys, time
t0 = time.perf_counter()
from kzextract.entities.backends.spacy_model import load_ner
from .bench import normal_text
nlp = load_ner()
texts = [t for t in normal_text(int(sys.argv[2])).split("\n") if t.strip()]
words = sum(len(t.split()) for t in texts)
t1 = time.perf_counter()
n = sum(1 for _ in nlp.pipe(texts, batch_size=int(sys.argv[3]), n_process=int(sys.argv[1])))
t2 = time.perf_counter()
print(json.dumps({"words": words, "words_per_s_incl_startup": round(words / (t2 - t0)),
                  "words_per_s_pipe": round(words / (t2 - t1)), "seconds": round(t2 - t1, 2)}))
"""


def bench_nprocess(chars: int, log) -> dict:
    """spaCy's nlp.pipe(n_process=k) on the NER model, each in a fresh interpreter, with the BLAS
    thread count left alone or set to 1 (it must be set before numpy is imported)."""
    res = {}
    for n_process, threads in ((1, None), (2, None), (2, "1")):
        env = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
        if threads:
            env.update({k: threads for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")})
        out = subprocess.run([sys.executable, "-c", _NPROC_SNIPPET, str(n_process), str(chars), "64"],
                             capture_output=True, text=True, env=env, cwd=ROOT)
        if out.returncode:
            res[f"n_process_{n_process}"] = {"error": out.stderr[-500:]}
            continue
        key = f"n_process_{n_process}" + ("_threads_1" if threads else "")
        res[key] = json.loads(out.stdout.strip().splitlines()[-1])
        log(f"spaCy nlp.pipe {key}: {res[key]}")
    return res


def machine() -> dict:
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "processor": platform.processor() or platform.machine(),
        "loadavg_at_start": os.getloadavg(),
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }


def bench_numbers_stage(log) -> dict:
    """The numbers stage alone (issue 4), on KazNERD's test sentences, or the corpus without them."""
    from kzextract.clean import clean
    from .kaznerd import detok, kaznerd_dir, read_iob
    from .numbers_eval import bench_numbers
    from kzextract.reader import read_document
    from kzextract.sentences import split_sentences

    path = kaznerd_dir() / "IOB2_test.txt"
    if path.exists():
        source, sents = "KazNERD IOB2_test.txt", [detok([w for w, _ in s])[0] for s in read_iob(path)]
    else:
        docs = (split_sentences(clean(read_document(p))) for p in sorted(CORPUS.glob("*.txt")))
        source, sents = "corpus/", [s.text for d in docs for s in d.sentences]
    rate = bench_numbers(sents)
    log(f"numbers stage alone: {rate:,.0f} sentences/s ({len(sents)} sentences of {source})")
    return {"source": source, "sentences": len(sents), "sentences_per_s": round(rate, 1)}


def bench_fuzz(examples: int, log) -> dict:
    """The fuzz test of ``make test`` with many more examples per property (KZEXTRACT_FUZZ_EXAMPLES)."""
    env = {**os.environ, "KZEXTRACT_FUZZ_EXAMPLES": str(examples)}
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(ROOT / "tests" / "test_fuzz.py")],
                         capture_output=True, text=True, env=env, cwd=ROOT)
    seconds = time.perf_counter() - t0
    last = (out.stdout.strip().splitlines() or [""])[-1]
    log(f"fuzz, {examples} examples per property: {last} ({seconds:.0f} s)")
    return {"examples_per_property": examples, "result": last, "returncode": out.returncode, "seconds": round(seconds, 1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m devtools.bench", description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000, help="articles for the throughput runs (default 2000)")
    ap.add_argument("--big", type=int, default=20000, help="articles for the memory-scaling run (default 20000)")
    ap.add_argument("--jobs", default="1,2", help="job counts to compare (default 1,2)")
    ap.add_argument("--hostile-scale", type=float, default=1.0, help="size of the hostile inputs (1 = issue 6's)")
    ap.add_argument("--fuzz-examples", type=int, default=3000, help="examples per fuzz property (default 3000)")
    ap.add_argument("--only", default=",".join(PARTS), help=f"comma-separated parts: {','.join(PARTS)}")
    ap.add_argument("--out", default=str(RESULTS), help="results JSON (default bench/results.json)")
    ap.add_argument("--work", help="scratch directory (default: a temporary one, removed)")
    args = ap.parse_args(argv)

    from kzextract.runtime import limit_threads

    limit_threads()
    parts = [p.strip() for p in args.only.split(",") if p.strip()]
    jobs_list = [int(j) for j in args.jobs.split(",")]
    out_path = Path(args.out)
    results = json.loads(out_path.read_text()) if out_path.exists() else {}
    results["machine"] = machine()

    def log(msg: str) -> None:
        print(msg, flush=True)

    def save() -> None:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        out_path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="kzbench-"))
    work.mkdir(parents=True, exist_ok=True)
    measured = results.setdefault("measured", {})  # when each part ran, and how busy the machine was

    def part(name: str, fn) -> None:
        if name not in parts:
            return
        start = {"date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "loadavg_at_start": os.getloadavg()}
        out = fn()
        if name == "throughput":
            results.update(out)
            results["n_articles"] = args.n
        else:
            key = {"scale": "memory_scaling", "nprocess": "spacy_n_process", "numbers": "numbers_stage"}.get(name, name)
            results[key] = out
        measured[name] = {**start, "loadavg_at_end": os.getloadavg()}
        save()

    try:
        part("throughput", lambda: bench_throughput(work, args.n, jobs_list, log))
        part("scale", lambda: bench_scale(work, [args.n, args.big], max(jobs_list), False, log))
        part("incremental", lambda: bench_incremental(work, args.n, max(jobs_list), log))
        part("hostile", lambda: bench_hostile(args.hostile_scale, log))
        part("nprocess", lambda: bench_nprocess(300_000, log))
        part("numbers", lambda: bench_numbers_stage(log))
        part("fuzz", lambda: bench_fuzz(args.fuzz_examples, log))
        results["machine"]["loadavg_at_end"] = os.getloadavg()
        save()
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    log(f"→ {out_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
