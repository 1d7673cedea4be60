"""``kzextract report``: one self-contained HTML file describing an output directory.

The report is built from the Parquet tables alone (the raw articles are not needed), so it can be
made anywhere the output was copied to. Everything is inline — CSS, the filter script, the charts
(matplotlib SVG) — and nothing is requested from another host, so the file can be mailed, archived
or opened offline. Entity and quantity offsets point into the raw text, which is not stored; the
``sentences`` table carries the same raw offsets, so ``offset - sentence.start`` places a span
exactly inside the sentence text that is shown.

Size matters at thousands of articles: displaCy's default entity markup repeats ~300 bytes of
inline style per span, so a compact template plus one stylesheet rule is passed instead.
"""

from __future__ import annotations

import html
import io
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median
from typing import Any

from .write import read_table

QTY = "QTY"
# Colours per label; displaCy falls back to its default grey for anything else.
COLORS: dict[str, str] = {
    "PERSON": "#aa9cfc",
    "POSITION": "#fddb7b",
    "ORGANISATION": "#7aecec",
    "PROGRAMME": "#bfe1d9",
    "GPE": "#feca74",
    "LOC": "#ff9561",
    QTY: "#e4e7d2",
}
# displaCy's per-span template (``options["template"]``): the style lives in the stylesheet.
_ENT_TEMPLATE = '<mark class="entity" style="background:{bg}">{text}<span class="lbl">{label}{kb_link}</span></mark>'
_TOP = 20
_MARKER_TITLE = "kzextract report OK"


class ReportError(Exception):
    """The output directory cannot be reported on (no ``documents`` table)."""


@dataclass
class ReportResult:
    """What was written: for the command's one-line summary and for tests."""

    path: Path
    articles: int  # rendered
    total_articles: int  # in the output directory
    bytes: int
    seconds: float
    missing: list[str] = field(default_factory=list)  # --only ids not in the documents table


def has_documents(outdir: str | Path) -> bool:
    """Whether ``outdir`` holds a committed ``documents`` table (at least one part file)."""
    path = Path(outdir) / "documents"
    return path.is_dir() and any(path.glob("part-*.parquet"))


def _e(value: Any) -> str:
    """Escaped text for element content and attribute values; ``None`` becomes empty."""
    if value is None:
        return ""
    if isinstance(value, float) and value != value:  # NaN
        return ""
    return html.escape(str(value), quote=True)


def _num(value: float | None) -> str:
    """A quantity value as a reader wants it: no ``.0`` on integers, thin-space thousands."""
    if value is None or value != value:
        return ""
    if float(value).is_integer() and abs(value) < 1e15:
        return f"{int(value):,}".replace(",", "\u202f")
    return f"{value:,.6g}".replace(",", "\u202f")


# --------------------------------------------------------------------------- charts

def _bar_svg(labels: Sequence[str], values: Sequence[int], title: str, horizontal: bool = False) -> str:
    """A bar chart as an inline ``<svg>`` element (text kept as text, so Kazakh renders and stays small).

    The object-oriented ``Figure`` API draws without pyplot or a GUI backend, so it is safe in
    worker processes and leaves matplotlib's global backend alone.
    """
    import matplotlib
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    if not labels:
        return f'<p class="muted">{_e(title)}: nothing to draw.</p>'
    short = [lab if len(lab) <= 32 else lab[:31] + "…" for lab in labels]
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "kzextract", "font.size": 9}):
        height = max(2.4, 0.28 * len(labels) + 0.9) if horizontal else 3.0
        fig = Figure(figsize=(4.6 if horizontal else 4.2, height))
        ax = fig.subplots()
        (ax.xaxis if horizontal else ax.yaxis).set_major_locator(MaxNLocator(integer=True))
        if horizontal:
            ax.barh(range(len(values))[::-1], values, color="#5b8ff9")
            ax.set_yticks(range(len(values))[::-1], short)
        else:
            ax.bar(range(len(values)), values, color="#5b8ff9")
            ax.set_xticks(range(len(values)), short, rotation=30, ha="right")
        ax.set_title(title)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        fig.tight_layout()
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None})
    svg = buf.getvalue()
    return svg[svg.index("<svg"):]


# --------------------------------------------------------------------------- data

def _group(rows: Iterable[dict], key: str = "doc_id") -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        out[row[key]].append(row)
    return out


def _top_norms(entities: list[dict], label: str, n: int = _TOP) -> list[tuple[str, int, int]]:
    """(norm, mentions, articles) for the ``n`` most mentioned norms of one label."""
    mentions: Counter[str] = Counter()
    docs: dict[str, set[str]] = defaultdict(set)
    for e in entities:
        if e["label"] == label:
            norm = e["norm"] or e["text"]
            mentions[norm] += 1
            docs[norm].add(e["doc_id"])
    return [(norm, c, len(docs[norm])) for norm, c in mentions.most_common(n)]


def _place_spans(sentences: list[dict], spans: list[dict]) -> tuple[str, list[dict], list[dict]]:
    """The article text (sentences joined) and each span's offsets in it; spans that cannot be
    placed without overlapping an earlier one come back separately so nothing is silently lost.

    Sentences are joined with a line break where the raw text had a gap of two or more characters
    (a paragraph break, as far as the offsets tell) and a space otherwise.
    """
    parts: list[str] = []
    base: dict[int, tuple[int, dict]] = {}
    pos = 0
    prev_end: int | None = None
    for s in sentences:
        if prev_end is not None:
            sep = "\n" if s["start"] - prev_end >= 2 else " "
            parts.append(sep)
            pos += 1
        base[s["sent_id"]] = (pos, s)
        parts.append(s["text"])
        pos += len(s["text"])
        prev_end = s["end"]
    text = "".join(parts)

    located: list[dict] = []
    unplaced: list[dict] = []
    for sp in spans:
        where = None
        hit = base.get(sp["sent_id"])
        if hit is not None:
            off, s = hit
            i = sp["start"] - s["start"]
            if s["text"][i:i + len(sp["text"])] == sp["text"]:
                where = off + i  # the exact place
            else:
                j = s["text"].find(sp["text"])
                where = off + j if j >= 0 else None
        if where is None and sp["text"]:
            j = text.find(sp["text"])
            where = j if j >= 0 else None
        if where is None:
            unplaced.append(sp)
        else:
            located.append({"start": where, "end": where + len(sp["text"]), "label": sp["label"], "_sp": sp})
    located.sort(key=lambda x: (x["start"], -(x["end"] - x["start"])))
    kept: list[dict] = []
    last = 0
    for x in located:
        if x["start"] >= last:
            kept.append({"start": x["start"], "end": x["end"], "label": x["label"]})
            last = x["end"]
        else:
            unplaced.append(x["_sp"])
    return text, kept, unplaced


def _table(headers: Sequence[str], rows: Iterable[Sequence[Any]], cls: str = "") -> str:
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    if not body:
        return ""
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    return f'<table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _norm_link(norm: str, label: str) -> str:
    """A norm that sets the article filter when clicked."""
    return f'<a href="#articles" data-norm="{_e(norm.lower())}" data-label="{_e(label)}">{_e(norm)}</a>'


# --------------------------------------------------------------------------- sections

def _summary(docs: list[dict], sentences_n: int, entities: list[dict], officials: list[dict],
             quantities: list[dict], errors: list[dict]) -> str:
    """The corpus summary: counts, top officials / organisations / programmes / places, charts."""
    out: list[str] = ['<section id="summary"><h2>Corpus</h2>']
    n_words = sum(d.get("n_words") or 0 for d in docs)
    doc_ids = {d["doc_id"] for d in docs}
    failed = [e for e in errors if e["doc_id"] not in doc_ids]
    counts = [("articles", len(docs)), ("sentences", sentences_n), ("words", n_words),
              ("entities", len(entities)), ("officials", len(officials)),
              ("quantities", len(quantities)), ("errors", len(errors)),
              ("failed articles", len({e["doc_id"] for e in failed}))]
    out.append('<div class="cards">' + "".join(
        f'<div class="card"><b>{_num(v)}</b><span>{_e(k)}</span></div>' for k, v in counts) + "</div>")

    by_stage = Counter(e["stage"] for e in errors)
    if by_stage:
        out.append("<h3>Errors by stage</h3>")
        out.append(_table(("stage", "rows"), ((_e(s), _num(c)) for s, c in by_stage.most_common())))

    # officials: a name with the positions it was seen with
    names: Counter[str] = Counter()
    name_docs: dict[str, set[str]] = defaultdict(set)
    positions: dict[str, Counter[str]] = defaultdict(Counter)
    for o in officials:
        names[o["name"]] += 1
        name_docs[o["name"]].add(o["doc_id"])
        if o["position"]:
            positions[o["name"]][o["position"]] += 1
    grid: list[str] = []
    grid.append('<div class="wide"><h3>Officials</h3>' + _table(
        ("name", "positions", "mentions", "articles"),
        ((_norm_link(n, "PERSON"), "; ".join(_e(p) for p, _ in positions[n].most_common(3)), _num(c),
          _num(len(name_docs[n]))) for n, c in names.most_common(_TOP)), "top") + "</div>")
    for label, title in (("ORGANISATION", "Organisations"), ("PROGRAMME", "Programmes"), ("GPE", "Places")):
        rows = _top_norms(entities, label)
        grid.append(f"<div><h3>{title}</h3>" + (_table(
            ("norm", "mentions", "articles"), ((_norm_link(n, label), _num(c), _num(d)) for n, c, d in rows), "top")
            or '<p class="muted">none</p>') + "</div>")

    units: Counter[str] = Counter()
    unit_docs: dict[str, set[str]] = defaultdict(set)
    unit_values: dict[str, list[float]] = defaultdict(list)
    for q in quantities:
        u = q["unit"] or "?"
        units[u] += 1
        unit_docs[u].add(q["doc_id"])
        if q["value"] is not None and q["value"] == q["value"]:
            unit_values[u].append(q["value"])
    grid.append("<div><h3>Quantities by unit</h3>" + (_table(
        ("unit", "mentions", "articles", "median value"),
        ((_norm_link(u, QTY), _num(c), _num(len(unit_docs[u])),
          _num(median(unit_values[u])) if unit_values[u] else "") for u, c in units.most_common()), "top")
        or '<p class="muted">none</p>') + "</div>")
    out.append('<div class="grid">' + "".join(grid) + "</div>")

    labels = Counter(e["label"] for e in entities)
    progs = _top_norms(entities, "PROGRAMME", 12)
    top_units = units.most_common(12)
    out.append('<h3>Charts</h3><div class="charts">')
    out.append(_bar_svg(list(labels), list(labels.values()), "Mentions per label"))
    out.append(_bar_svg([n for n, _, _ in progs], [c for _, c, _ in progs], "Top programmes", horizontal=True))
    out.append(_bar_svg([u for u, _ in top_units], [c for _, c in top_units], "Quantities by unit"))
    out.append("</div>")

    if failed:
        shown = failed[:500]
        out.append(f"<h3>Failed articles ({_num(len(failed))} error rows{', first 500' if len(failed) > 500 else ''})</h3>")
        out.append(_table(("doc_id", "path", "stage", "message"),
                          ((_e(e["doc_id"]), _e(e["path"]), _e(e["stage"]), _e(e["message"])) for e in shown), "errs"))
    out.append("</section>")
    return "".join(out)


def _article(i: int, doc: dict, sentences: list[dict], entities: list[dict], officials: list[dict],
             quantities: list[dict], errors: list[dict]) -> str:
    """One article: metadata, highlighted text (displaCy), officials, quantities, error rows."""
    from spacy import displacy

    spans = [dict(e) for e in entities] + [{**q, "label": QTY} for q in quantities]
    text, ents, unplaced = _place_spans(sentences, spans)
    for ent in ents:
        ent["label"] = _e(ent["label"])  # displaCy inserts the label verbatim
    if text:
        marked = displacy.render({"text": text, "ents": ents, "title": None}, style="ent", manual=True,
                                 page=False, jupyter=False, options={"colors": COLORS, "template": _ENT_TEMPLATE})
    else:
        marked = '<p class="muted">no sentences</p>'

    facets = {f"{e['label']}:{(e['norm'] or e['text']).lower()}" for e in entities}
    facets |= {f"{QTY}:{(q['unit'] or '?').lower()}" for q in quantities}
    labels = sorted({e["label"] for e in entities} | ({QTY} if quantities else set()))
    title = doc.get("title") or ""
    meta = " · ".join(_e(x) for x in (doc.get("source"), doc.get("date"), doc.get("author")) if x)
    out = [
        f'<section class="doc" id="d{i}" data-labels="{_e(" ".join(labels))}" '
        f'data-norms="{_e("|".join(sorted(facets)))}" data-key="{_e((doc["doc_id"] + " " + title).lower())}">',
        f'<h3>{_e(title) or "<i>untitled</i>"}</h3>',
        f'<div class="meta"><code>{_e(doc["doc_id"])}</code>{" · " + meta if meta else ""}</div>',
        marked,
    ]
    if unplaced:
        out.append('<p class="muted">not highlighted (overlapping or not found): ' + "; ".join(
            f"{_e(s['text'])} <small>{_e(s['label'])}</small>" for s in unplaced) + "</p>")
    if officials:
        out.append("<h4>Officials</h4>" + _table(("name", "position"),
                                                ((_e(o["name"]), _e(o["position"])) for o in officials)))
    if quantities:
        out.append("<h4>Quantities</h4>" + _table(
            ("text", "value", "unit", "qualifier", "noun"),
            ((_e(q["text"]), _num(q["value"]), _e(q["unit"]), _e(q["qualifier"]), _e(q["noun"])) for q in quantities)))
    if errors:
        out.append("<h4>Errors</h4>" + _table(("stage", "message"),
                                              ((_e(e["stage"]), _e(e["message"])) for e in errors), "errs"))
    out.append('<p class="top-link"><a href="#top">↑ top</a></p></section>')
    return "".join(out)


_CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0;color:#222;background:#fafafa}
header{position:sticky;top:0;background:#1f3b57;color:#fff;padding:.5em 1em;z-index:2;display:flex;gap:1em;align-items:center;flex-wrap:wrap}
header h1{font-size:1.1em;margin:0}header input,header select{font:inherit;padding:.2em .4em}
main{max-width:1200px;margin:0 auto;padding:0 1em 3em}
.cards{display:flex;flex-wrap:wrap;gap:.6em}.card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.4em .8em;min-width:7em}
.card b{display:block;font-size:1.3em}.card span{color:#666;font-size:.85em}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(340px,1fr));gap:0 1em}.grid .wide{grid-column:1/-1}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:1em;align-items:start}
.charts svg{width:100%;height:auto;background:#fff}
table{border-collapse:collapse;font-size:.88em;margin:.3em 0 .8em;background:#fff}
th,td{border:1px solid #ddd;padding:.15em .45em;text-align:left;vertical-align:top}th{background:#eef2f6}
table.top{width:100%}.errs td{color:#8a1f11}
#toc{columns:3 280px;font-size:.85em;padding-left:1.2em}#toc li[hidden],section[hidden]{display:none}
section.doc{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.6em 1em;margin:1em 0}
section.doc h3{margin:.2em 0}.meta{color:#666;font-size:.85em;margin-bottom:.4em}
.entities{line-height:2.3}
mark.entity{padding:.2em .4em;margin:0 .15em;border-radius:.35em;line-height:1}
mark.entity .lbl{font-size:.68em;font-weight:bold;margin-left:.35rem;vertical-align:middle}
.muted{color:#777;font-size:.9em}.top-link{text-align:right;font-size:.8em;margin:0}
.legend mark{margin-right:.4em}
"""

_JS = """
(function(){
var q=document.getElementById('q'),lab=document.getElementById('lab'),cnt=document.getElementById('cnt');
var docs=Array.prototype.slice.call(document.querySelectorAll('section.doc'));
var toc={};Array.prototype.forEach.call(document.querySelectorAll('#toc li'),function(li){toc[li.getAttribute('data-doc')]=li;});
var facets=docs.map(function(s){return s.getAttribute('data-norms').split('|');});
function apply(){
 var t=q.value.trim().toLowerCase(),l=lab.value,n=0;
 docs.forEach(function(s,i){
  var ok=true;
  if(t||l){
   ok=facets[i].some(function(f){var c=f.indexOf(':');
    return (!l||f.slice(0,c)===l)&&(!t||f.indexOf(t,c+1)>c);});
   if(!ok&&t&&!l)ok=s.getAttribute('data-key').indexOf(t)>=0;
  }
  s.hidden=!ok;var li=toc[s.id];if(li)li.hidden=!ok;if(ok)n++;
 });
 cnt.textContent=n+' / '+docs.length+' articles';
}
q.addEventListener('input',apply);lab.addEventListener('change',apply);
document.addEventListener('click',function(ev){
 var a=ev.target.closest&&ev.target.closest('a[data-norm]');
 if(!a)return;ev.preventDefault();q.value=a.getAttribute('data-norm');lab.value=a.getAttribute('data-label')||'';apply();
 document.getElementById('articles').scrollIntoView();
});
apply();
document.title='""" + _MARKER_TITLE + """';
})();
"""


def build(outdir: str | Path, dest: str | Path, docs: int | None = None,
          only: Sequence[str] | None = None) -> ReportResult:
    """Write the report of ``outdir`` to ``dest``.

    ``docs`` limits how many articles are rendered (the summary always covers the whole output);
    ``only`` renders just these doc_ids, in the order given. Raises ``ReportError`` when there is
    no ``documents`` table.
    """
    t0 = time.perf_counter()
    if not has_documents(outdir):
        raise ReportError(f"{outdir}: no documents table (run `kzextract extract` first)")
    documents = sorted(read_table(outdir, "documents").drop_columns(["body"]).to_pylist(), key=lambda d: d["doc_id"])
    sentences = read_table(outdir, "sentences").to_pylist()
    entities = read_table(outdir, "entities").to_pylist()
    officials = read_table(outdir, "officials").to_pylist()
    quantities = read_table(outdir, "quantities").to_pylist()
    errors = read_table(outdir, "errors").to_pylist()

    missing: list[str] = []
    selected = documents
    if only:
        by_id = {d["doc_id"]: d for d in documents}
        missing = [x for x in only if x not in by_id]
        selected = [by_id[x] for x in dict.fromkeys(only) if x in by_id]
    if docs is not None:
        selected = selected[:max(0, docs)]

    sent_by = _group(sentences)
    ent_by = _group(entities)
    off_by = _group(officials)
    qty_by = _group(quantities)
    err_by = _group(errors)
    for rows in sent_by.values():
        rows.sort(key=lambda s: s["sent_id"])
    for by in (ent_by, qty_by, off_by):
        for rows in by.values():
            rows.sort(key=lambda r: (r["start"], r["end"]))

    labels = sorted({e["label"] for e in entities} | {QTY})
    legend = "".join(f'<mark class="entity" style="background:{COLORS.get(lab, "#ddd")}">{_e(lab)}</mark>'
                     for lab in labels)
    options = "".join(f'<option value="{_e(lab)}">{_e(lab)}</option>' for lab in labels)
    toc = "".join(
        f'<li data-doc="d{i}"><a href="#d{i}">{_e(d.get("title") or d["doc_id"])}</a> '
        f'<small>{_e(d["doc_id"])}</small></li>' for i, d in enumerate(selected))
    articles = "".join(
        _article(i, d, sent_by.get(d["doc_id"], []), ent_by.get(d["doc_id"], []), off_by.get(d["doc_id"], []),
                 qty_by.get(d["doc_id"], []), err_by.get(d["doc_id"], []))
        for i, d in enumerate(selected))
    shown = (f"{len(selected)} of {len(documents)} articles" if len(selected) != len(documents)
             else f"{len(documents)} articles")
    page = "".join([
        '<!DOCTYPE html><html lang="kk"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width,initial-scale=1">',
        f"<title>kzextract report — {_e(Path(outdir).name)}</title><style>{_CSS}</style></head>",
        '<body id="top"><header><h1>kzextract report</h1>',
        f'<span>{_e(str(outdir))} · {_e(shown)}</span>',
        '<label>filter <input id="q" type="search" placeholder="norm, e.g. астана" size="24"></label>',
        f'<select id="lab" aria-label="label"><option value="">any label</option>{options}</select>',
        '<span id="cnt"></span></header><main>',
        _summary(documents, len(sentences), entities, officials, quantities, errors),
        f'<section id="contents"><h2>Articles ({_e(shown)})</h2>',
        f'<p class="legend">{legend}</p><details{" open" if len(selected) <= 300 else ""}>'
        f'<summary>table of contents</summary><ol id="toc">{toc}</ol></details></section>',
        f'<section id="articles">{articles}</section>',
        f"</main><script>{_JS}</script>",
        "</body></html>",
    ])
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".tmp")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(dest)
    return ReportResult(path=dest, articles=len(selected), total_articles=len(documents),
                        bytes=dest.stat().st_size, seconds=time.perf_counter() - t0, missing=missing)
