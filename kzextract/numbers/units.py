"""What is counted: the unit after a number (``%``, ``млн теңгеден``, ``жас``, ``шаршы метр``)
and the counted noun (``506 мың жас тұрғын`` -> ``тұрғын``)."""

from __future__ import annotations

from dataclasses import dataclass

from kzextract.lemma import lemmatize

from .lexicon import _Lex, _stem_match, _UnitForm
from .parse import _digit_suffix
from .tokens import _seq_at, _Tok


@dataclass(frozen=True, slots=True)
class _UnitMatch:
    """A unit found at a token: its name, the stem and suffix read, and where it ends."""

    unit: str
    stem: str
    suffix: str
    group: str  # suffix group ('' = none)
    next: int  # token after the unit
    end: int  # char end of the unit


def _unit_at(toks: list[_Tok], k: int, lex: _Lex) -> _UnitMatch | None:
    """The unit starting at token k, if any.

    An emoji or other symbol between the number and the unit (``4,5 млн 💰 теңге``) is skipped."""
    n = len(toks)
    while k < n and toks[k].kind == "sym":
        k += 1
    if k >= n:
        return None
    t = toks[k]
    if t.kind in ("pct", "cur"):
        return _sign_unit(toks, k, lex)
    if t.kind != "word":
        return None
    if any(_seq_at(toks, k, seq) for seq in lex.not_units):
        return None
    multi = _multi_unit_at(toks, k, lex)
    if multi is not None:
        return multi
    if t.low in lex.currency_prefix and k + 1 < n:
        f = _unit_form(toks[k + 1].low, lex)
        if f and f.unit in lex.currencies:
            return _UnitMatch(f.unit, f.stem, f.suffix, f.group, k + 2, toks[k + 1].end)
    f = _unit_form(t.low, lex)
    if f is None:
        return None
    unit, stem, suf, grp = f.unit, f.stem, f.suffix, f.group
    nk, end = k + 1, t.end
    if stem in lex.dotted and not suf and nk < n and toks[nk].text == "." and toks[nk].start == t.end:
        nk, end = nk + 1, toks[nk].end
    if unit == "month_span" and stem == "айлық" and nk < n and toks[nk].low in lex.month_not_after:
        return None
    return _UnitMatch(unit, stem, suf, grp, nk, end)


def _unit_form(low: str, lex: _Lex) -> _UnitForm | None:
    """The unit reading of one word form; ``АЕК-ке``, ``км-ге`` join the suffix with a hyphen."""
    f = lex.unit_forms.get(low)
    if f is None and "-" in low:
        stem, _, suf = low.rpartition("-")
        f0 = lex.unit_forms.get(stem)
        if f0 is not None and not f0.suffix and suf in lex.suffix_group:
            f = _UnitForm(f0.unit, f0.stem, suf, lex.suffix_group[suf])
    return f


def _sign_unit(toks: list[_Tok], k: int, lex: _Lex) -> _UnitMatch:
    """``%`` or a currency sign, with a suffix attached to it (``%-ға``, ``₸-ден``)."""
    t = toks[k]
    unit = "percent" if t.kind == "pct" else lex.symbols.get(t.text, "other")
    sx = _digit_suffix(toks, k, lex)
    suf, grp, nk, end = sx.suffix, sx.group, sx.next, sx.end
    if suf == "?":
        suf, grp = "", ""
        if t.kind == "cur":
            nk, end = k + 1, t.end
    return _UnitMatch(unit, t.text, suf, grp, nk, end)


def _multi_unit_at(toks: list[_Tok], k: int, lex: _Lex) -> _UnitMatch | None:
    """Multi-word units (``шаршы метр``, ``айлық есептік көрсеткіш``, ``п.т.``); longest first."""
    n = len(toks)
    for unit, seq in lex.unit_multi:
        m = len(seq)
        if k + m > n or not all(toks[k + x].low == seq[x] for x in range(m - 1)):
            continue
        last = toks[k + m - 1]
        if last.low == seq[-1]:
            return _UnitMatch(unit, " ".join(seq), "", "", k + m, last.end)
        if last.kind == "word" and _stem_match(last.low, (seq[-1],), lex):
            suf = last.low[len(seq[-1]):]
            return _UnitMatch(unit, " ".join(seq), suf, lex.suffix_group.get(suf, ""), k + m, last.end)
    return None


def _noun_after(toks: list[_Tok], k: int, lex: _Lex) -> str | None:
    """Lemma of the head of the counted phrase after the number (``506 мың жас тұрғын`` ->
    ``тұрғын``, ``400 адамды`` -> ``адам``): adjectives and participles before it are skipped; a
    verb (``2 есе артты``), a qualifier or another number means there is no counted noun."""
    skipped = 0
    n = len(toks)
    while k < n and skipped <= lex.max_skip:
        t = toks[k]
        if t.kind != "word" or len(t.low) < 2:
            return None
        low = t.low
        if low in lex.post_words or low in lex.forms or low in lex.stop_words:
            return None
        clause_end = k + 1 >= n or toks[k + 1].kind != "word"
        if _is_verb(low, clause_end, lex):
            return None
        if _is_modifier(toks, k, lex) and not clause_end:
            skipped += 1
            k += 1
            continue
        return lemmatize(t.text)
    return None


def _is_verb(low: str, clause_end: bool, lex: _Lex) -> bool:
    """Finite verbs and converbs; a past-tense ending (-ды, -ті) only at the end of a clause,
    where Kazakh puts its verb, because inside one it is the accusative (адамды)."""
    if low in lex.verb_words:
        return True
    if len(low) < lex.min_verb_len:
        return False
    if low.endswith(lex.verb_endings):
        return True
    return clause_end and low.endswith(lex.verb_endings_final)


def _is_modifier(toks: list[_Tok], k: int, lex: _Lex) -> bool:
    """An adjective, a participle (тіркелген кәсіпкер) or a noun used as one (жас тұрғын)."""
    low = toks[k].low
    last = low.rsplit("-", 1)[-1]
    if low in lex.adjectives or low.endswith(lex.participle_endings):
        return True
    if len(low) > 4 and last not in lex.not_adjectives and low.endswith(lex.adj_suffixes):
        return True
    if low in lex.modifier_nouns and k + 1 < len(toks) and toks[k + 1].kind == "word":
        return lemmatize(toks[k + 1].text).lower() in lex.modifier_heads
    return False


def _dot_before_unit(toks: list[_Tok], k: int, lex: _Lex) -> int:
    """Skip the full stop of ``млн.`` when a unit follows it (200 млн. тоннаға)."""
    if (0 < k < len(toks) - 1 and toks[k].text == "." and toks[k].start == toks[k - 1].end
            and toks[k - 1].low in lex.scale_dotted and _unit_at(toks, k + 1, lex) is not None):
        return k + 1
    return k


def i_prev_age(toks: list[_Tok], i: int, lex: _Lex) -> bool:
    """"Жасы 70-ке келген", "жас мөлшері 18-ге дейін": an age without the word жас after it."""
    if i >= 1 and toks[i - 1].low in lex.age_prev:
        return True
    return i >= 2 and f"{toks[i - 2].low} {toks[i - 1].low}" in lex.age_prev
