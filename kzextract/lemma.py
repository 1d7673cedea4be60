"""Rule-based Kazakh lemmatiser for entity heads, and the canonical ``norm`` of an entity mention.

Kazakh inflection is agglutinative and regular: stem + plural + possessive + case, each suffix
choosing its vowel by vowel harmony and its first consonant by the stem's last sound. So a suffix
is stripped only where that choice is right for the stem left behind (кеңес|тің, not кеңе|стің);
that check, a minimum stem length, protected endings and a list of known proper-noun stems keep
names like Алматы, Астана, Қызылорда, Қарағанды whole. All rules live in ``patterns/lemma.toml``.

Two modes, because the consumers disagree on what a lemma is:
- entity mode (default): the nominative as a researcher groups entities by. Case endings (and a
  bare plural) go, the 3rd-person possessive stays: басқармасының → басқармасы, облысында → облысы.
- UD mode (``strip_possessive=True``): possessives go too and voicing is undone, as in the UD
  Kazakh treebank's LEMMA column (құқығы → құқық, тілдерін → тіл). Used by ``lemma_eval``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from .resources import load_toml, load_wordlist


@dataclass(frozen=True, slots=True)
class _Rules:
    classes: dict[str, str]
    case: tuple[tuple[str, str], ...]  # (suffix, classes), longest first
    plural: tuple[tuple[str, str], ...]
    possessive: tuple[tuple[str, str], ...]
    vowel_drop: dict[str, str]
    vowel_drop_inv: dict[str, str]
    voice: dict[str, str]
    plural_names: frozenset[str]
    devoice: dict[str, str]
    known: frozenset[str]
    protected: tuple[str, ...]
    min_stem: int
    min_stem_plural: int
    min_poss_base: int
    min_poss_base_acc: int
    ud_min_poss_base: int
    ud_min_poss_base_acc: int
    min_stem_possessive: int
    max_abbrev_len: int
    front_final: str
    harmony_free: frozenset[str]
    final_clusters: frozenset[str]
    neutral_endings: tuple[str, ...]
    all_suffixes: frozenset[str]


@cache
def case_endings() -> tuple[str, ...]:
    """Every case ending a noun or name may carry (and none): the lemmatiser's [case] table and the
    person datives, for matching inflected forms of listed words (Алматыда, кеңестің)."""
    t = load_toml("lemma")
    only_after_possessive = set(t["after_possessive"]["only"])
    return ("", *(k for k in t["case"] if k not in only_after_possessive), *t["after_possessive"]["person_datives"])


@cache
def possessive_case_endings() -> tuple[str, ...]:
    """The endings a 3rd-person possessive takes (басқармасы → басқармасының, орталығына)."""
    t = load_toml("lemma")
    return ("", *(k for k, cls in t["case"].items() if "P" in cls), *t["after_possessive"]["vowel_endings"])


@cache
def case_kind(kind: str) -> tuple[str, ...]:
    """The [case] endings of one case (``genitive``, ``locative``, ``attributive``), longest first,
    so that a rule asking "is this word in the genitive?" reads the lemmatiser's own inventory."""
    return tuple(sorted(load_toml("lemma")["case_kinds"][kind], key=len, reverse=True))


@cache
def personal_possessive_endings() -> tuple[str, ...]:
    """1st- and 2nd-person possessive endings (-ымыз, -ңыз)."""
    return tuple(load_toml("lemma")["personal_possessive"]["endings"])


@cache
def adjective_suffixes() -> tuple[str, ...]:
    """The suffixes that make an adjective of a noun or a place (австриялық, ресейлік)."""
    return tuple(load_toml("lemma")["derivation"]["adjective_suffixes"])


def without_epenthesis(stem: str) -> str | None:
    """``stem`` without the vowel a name ending in two consonants takes before an ending
    (``Минскі`` → ``Минск``), or None when it has none."""
    vowels = load_toml("lemma")["classes"]["V"]
    if (len(stem) > 3 and stem[-1] in load_toml("lemma")["settings"]["epenthetic_vowels"]
            and stem[-2].lower() not in vowels and stem[-3].lower() not in vowels):
        return stem[:-1]
    return None


def _table(d: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """Suffix table, longest suffix first so облысы|нда wins over облысын|да."""
    return tuple(sorted(d.items(), key=lambda kv: -len(kv[0])))


@cache
def _rules() -> _Rules:
    """Load ``patterns/lemma.toml`` once; known stems are indexed by their last word, lower-cased."""
    t = load_toml("lemma")
    s = t["settings"]
    names = list(t["stems"]["known"])
    try:  # the GPE gazetteer, when another stage ships one, is more known stems
        names += list(load_wordlist("gpe"))
    except FileNotFoundError:
        pass
    known = frozenset(n.split()[-1].lower() for n in names if n.strip())
    case, plural, poss = _table(t["case"]), _table(t["plural"]), _table(t["possessive"])
    return _Rules(
        classes=t["classes"], case=case, plural=plural, possessive=poss,
        vowel_drop=t.get("vowel_drop", {}),
        vowel_drop_inv={v: k for k, v in t.get("vowel_drop", {}).items() if k != v},
        voice={v: k for k, v in t.get("devoice", {}).items()},
        devoice=t.get("devoice", {}),
        plural_names=frozenset(w.lower() for w in t["stems"].get("plural_names", ())),
        known=known,
        protected=tuple(t["stems"]["protected_endings"]),
        min_stem=s["min_stem"], min_stem_plural=s["min_stem_plural"],
        min_poss_base=s["min_poss_base"], min_poss_base_acc=s["min_poss_base_acc"],
        ud_min_poss_base=s["ud_min_poss_base"], ud_min_poss_base_acc=s["ud_min_poss_base_acc"],
        min_stem_possessive=s["min_stem_possessive"],
        max_abbrev_len=s["max_abbrev_len"], front_final=s["front_final"],
        harmony_free=frozenset(s.get("harmony_free", ())),
        final_clusters=frozenset(s.get("final_clusters", ())),
        neutral_endings=tuple(s.get("neutral_endings", ())),
        all_suffixes=frozenset(k for k, _ in case + plural),
    )


def _last_vowel(stem: str, r: _Rules) -> str | None:
    """The vowel that decides harmony for a suffix after ``stem`` (None for АҚШ-like stems)."""
    for ch in reversed(stem):
        if ch in r.classes["V"] or ch in r.classes["neutral"]:
            return ch
    return None


def _harmony_ok(stem: str, suffix: str, r: _Rules) -> bool:
    """The suffix's vowel must agree with the stem's last vowel (neutral и у ю agree with both)."""
    sv = next((c for c in suffix if c in r.classes["V"]), None)
    if sv is None:
        return True
    lv = _last_vowel(stem, r)
    if lv is None:
        return False
    if sv in r.classes["front"] and stem[-1] in r.front_final:
        return True  # Гонконгте, Йорктің: loanword к/г takes front suffixes
    if stem.endswith(r.neutral_endings):
        return True  # Досаевтың, Медведевтің: the surname ending's е does not decide
    if lv in r.classes["back"]:
        return sv in r.classes["back"]
    if lv in r.classes["front"]:
        return sv in r.classes["front"]
    return True


def _poss_base_ok(base: str, r: _Rules, min_base: int, clusters: bool = True) -> bool:
    """Could ``base`` carry a possessive ы/і? Long enough, and ending in a vowel, a single
    consonant or (if ``clusters``) a listed cluster (департамент|і yes, ағылш|ын no)."""
    if len(base) < min_base or _last_vowel(base, r) is None:
        return False
    if len(base) < 2 or base[-1] in r.classes["V"] or base[-2] in r.classes["V"]:
        return True
    return clusters and base[-2:] in r.final_clusters


def _sound_ok(stem: str, allowed: str, r: _Rules, min_base: int, proper: bool,
              clusters: bool = True) -> bool:
    """The stem's last sound must be one of the classes the suffix may follow."""
    last = stem[-1]
    for cls in allowed:
        if cls == "A":  # -ны/-ні: names only (Асадова|ны), or any vowel after a known stem (Алматы|ны)
            if proper and (last in r.classes["A"] or (last in r.classes["V"] and stem in r.known)):
                return True
        elif cls == "P":
            if last in r.classes["P"] and _poss_base_ok(stem[:-1], r, min_base, clusters):
                return True
        elif last in r.classes[cls]:
            return True
    return False


def _strip(stem: str, table: tuple[tuple[str, str], ...], r: _Rules, min_len: int,
           ud: bool = False, proper: bool = False) -> list[str]:
    """Every stem left by removing one suffix of ``table`` where sound, harmony and length allow;
    a stem shorter than ``min_len`` only when it is a known stem (ел|де)."""
    out = []
    for suf, allowed in table:
        if not stem.endswith(suf) or len(stem) - len(suf) < 1:
            continue
        rest = stem[: -len(suf)]
        if ud:
            mb = r.ud_min_poss_base_acc if suf == "н" else r.ud_min_poss_base
        else:
            mb = r.min_poss_base_acc if suf == "н" else r.min_poss_base
        if (
            (len(rest.replace("-", "")) >= min_len or rest in r.known)
            and _last_vowel(rest, r) is not None
            # bare accusative -н: no cluster before the possessive (толқын, not толқ|ы|н)
            and _sound_ok(rest, allowed, r, mb, proper or rest in r.known, clusters=suf != "н")
            and (suf in r.harmony_free or _harmony_ok(rest, suf, r))
        ):
            out.append(rest)
    return out


def _cuts_protected(word: str, cut: int, r: _Rules) -> bool:
    """True when ``cut`` falls inside a protected ending of ``word`` (Қазақс|тан, Ақор|да)."""
    for e in r.protected:
        i = word.find(e)
        while i != -1:
            if i < cut < i + len(e):
                return True
            i = word.find(e, i + 1)
    return False


def _candidates(low: str, r: _Rules, keep_plural: bool, strip_possessive: bool,
                proper: bool) -> list[str]:
    """Stems for ``low`` in preference order: longest case ending first, each then de-pluralised."""
    after_case = _strip(low, r.case, r, r.min_stem, strip_possessive, proper) + [low]
    out: list[str] = []
    for s in after_case:
        if strip_possessive:
            poss = [p for p in _strip(s, r.possessive, r, r.min_stem_possessive)
                    if _poss_base_ok(p, r, 2) or p in r.known]
            for p in poss:
                out += _strip(p, r.plural, r, 3) + [_restore(p, s, r)]
        if not keep_plural:
            out += _strip(s, r.plural, r, r.min_stem_plural)
        out.append(s)
    return out


def _restore(stem: str, before: str, r: _Rules) -> str:
    """UD mode: undo the sound changes a vowel-initial possessive causes (халқ → халық, құқығ → құқық)."""
    if stem in r.vowel_drop:
        return r.vowel_drop[stem]
    if before[len(stem)] in r.classes["V"] and stem[-1] in r.devoice:
        return stem[:-1] + r.devoice[stem[-1]]
    return stem


@lru_cache(maxsize=1 << 16)  # news repeats its names; the pipeline calls this per mention
def lemmatize(word: str, *, keep_plural: bool = False, strip_possessive: bool = False) -> str:
    """Nominative singular of one Kazakh word: case and plural endings stripped, 3rd-person possessive kept.

    A plural before the possessive is made singular (орталықтарының → орталығы, as gold norms
    group them); ``keep_plural`` keeps any plural as written (орталықтары, ильхандар);
    ``strip_possessive`` also removes possessives, matching UD treebank lemmas.
    The result keeps the word's own capitalisation.
    """
    word = unicodedata.normalize("NFC", word.strip())
    r = _rules()
    if not word:
        return word
    if "-" in word:  # АҚШ-пен, ФИФА-ның, КСРО-дағы: an ending written after a hyphen
        head, tail = word.rsplit("-", 1)
        if head and tail.lower() in r.all_suffixes:
            return head
    if word.isupper() and len(word) <= r.max_abbrev_len:
        return word  # БҚО, АҚ: abbreviations are not inflected without a hyphen
    low = word.lower()
    cands = _candidates(low, r, keep_plural, strip_possessive, word[0].isupper())
    best = next((c for c in cands if c in r.known), None)
    if best is None:
        best = next((c for c in cands if c == low or not _cuts_protected(low, len(c), r)), low)
    if not keep_plural and not strip_possessive:
        best = _singularise(best, r)
    if best == low:
        return word
    k = next((i for i, (a, b) in enumerate(zip(best, low)) if a != b), min(len(best), len(low)))
    out = word[:k] + best[k:]  # keep the word's own capitalisation
    return out.upper() if word.isupper() else out


def _singularise(stem: str, r: _Rules) -> str:
    """Plural + 3rd-person possessive → singular possessive, as gold norms group them
    (облыстары → облысы, орталықтары → орталығы, клубтары → клубы), except names whose
    plural is part of the name (Штаттары, Күштері)."""
    if stem in r.plural_names or stem[-1:] not in r.classes["P"]:
        return stem
    for pl in _strip(stem[:-1], r.plural, r, r.min_stem):
        suffix = stem[len(pl):-1]
        back = any(c in r.classes["back"] for c in suffix)
        if pl[-1] in r.classes["V"]:
            return pl + ("сы" if back else "сі")
        if pl in r.vowel_drop_inv:
            return r.vowel_drop_inv[pl] + ("ы" if back else "і")
        if len(pl) > 1 and pl[-2] in r.classes["V"] and pl[-1] in r.voice:
            pl = pl[:-1] + r.voice[pl[-1]]
        return pl + ("ы" if back else "і")
    return stem


# --- canonical entity forms ------------------------------------------------------------------

_SPACES = re.compile(r"\s+")
_SPACED_DASH = re.compile(r"\s[-–—‑]+\s")
_HYPHEN = re.compile(r"(\w+)[-–—‑](?=\w)")
_QUOTED = re.compile(r"«([^«»]+)»|“([^“”]+)”|„([^„“”]+)[“”]|\"([^\"]+)\"")


def _clean(text: str) -> str:
    """NFC, quotes removed, words a page broke at a line end joined (``Жолау- шылар``), whitespace
    collapsed."""
    c = load_toml("lemma")["canonical"]
    text = unicodedata.normalize("NFC", text)
    text = text.translate({ord(q): " " for q in c["quotes"]})
    text = _BROKEN_WORD.sub(r"\1\2", text)
    return _SPACES.sub(" ", text).strip()


_BROKEN_WORD = re.compile(r"(\w)-\s+([^\W\d_A-ZА-ЯӘҒҚҢӨҰҮҺІ])")


def _delinflect_last(text: str) -> str:
    """De-inflect only the last word: the genitive chain before it is part of the name."""
    head, sep, last = text.rpartition(" ")
    pre, dot, tail = last.rpartition(".")  # Ш.Баймановтың: lemmatise after the initial
    if tail:
        last = pre + dot + lemmatize(tail)
    return head + sep + last


def _unhyphen(m: re.Match) -> str:
    """A hyphen after an inflected word is a short dash (Дипломмен-ауылға), not a compound (іс-шара)."""
    left = m.group(1)
    return left + (" " if not left[-1].isdigit() and lemmatize(left) != left else "-")


def _programme(text: str) -> str:
    """Programme name: the quoted part if any, else the text without its trailing cue noun,
    unless what is left cannot stand as a name (ends in an attributive: ... жылға дейінгі)."""
    c = load_toml("lemma")["canonical"]
    text = unicodedata.normalize("NFC", text)
    quoted = [next(g for g in m.groups() if g) for m in _QUOTED.finditer(text)]
    if quoted:  # the last quoted span: «Nur Otan» партиясының «Жасыл ел» жобасы → Жасыл ел
        name = _clean(quoted[-1])
    else:
        words = _clean(text).split(" ")
        cues, mods = set(c["programme_cues"]), set(c["programme_modifiers"])
        kept = list(words)
        while len(kept) > 1 and lemmatize(kept[-1]).lower() in cues:
            kept.pop()
        if len(kept) < len(words):
            while len(kept) > 1 and kept[-1].lower() in mods:
                kept.pop()
        if len(kept) < len(words) and not kept[-1].lower().endswith(tuple(c["dangling_endings"])):
            name = " ".join(kept)
        else:
            name = _delinflect_last(" ".join(words))
    name = _SPACED_DASH.sub(" ", name)
    name = _HYPHEN.sub(_unhyphen, name)
    name = name.translate({ord(p): " " for p in c["programme_punct"]})
    return _SPACES.sub(" ", name).strip()


def canonical(text: str, label: str) -> str:
    """The ``norm`` of an entity mention (gold/CONVENTIONS.md): nominative, no quotes, spaces normalised.

    PROGRAMME drops the cue noun and punctuation-only differences; every other label de-inflects
    only its last word, keeping the 3rd-person possessive of heads (басқармасының → басқармасы)
    and initials as written (Е. Бабақұмаровтың → Е. Бабақұмаров).
    """
    if label == "PROGRAMME":
        return _programme(text)
    cleaned = _clean(text)
    return _delinflect_last(cleaned) if cleaned else cleaned
