"""Rule half of the entity stage: a declarative grammar (``patterns/entities.toml``) over spaCy tokens.

Cues, not guesses: a quoted name followed by a programme cue is a PROGRAMME, by a legal form or an
organisation head an ORGANISATION; a role head (``орынбасары``) grown leftwards over its genitive
chain is a POSITION; initials or a surname ending make a PERSON; the gazetteer (``patterns/gpe.txt``)
and its generic nouns make a GPE. Every rule returns character spans of the ``Doc`` it was given.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import regex
import spacy
from spacy.tokens import Doc
from spacy.util import filter_spans

from ..lang.kk.stop_words import STOP_WORDS
from ..lemma import (
    adjective_suffixes, case_endings, case_kind, lemmatize, personal_possessive_endings, possessive_case_endings,
    without_epenthesis,
)
from ..resources import load_toml, load_wordlist
from .tokens import Mention, Sentence

_INITIALS_SURNAME = regex.compile(r"(?<![\p{L}.])(?:\p{Lu}\.\s?){1,2}\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?")
OPEN_QUOTES = {"«": "»", "“": "”", '"': '"', "„": "“"}  # opening quote -> its closing one


@dataclass(frozen=True, slots=True)
class RuleSpan:
    start: int  # character offsets in the Doc's text
    end: int
    label: str


@cache
def grammar() -> dict:
    """The grammar with word lists turned into sets and inflection-aware lookups."""
    g = load_toml("entities")
    lower = lambda xs: frozenset(x.lower() for x in xs)  # noqa: E731
    return {
        "poss_end": possessive_case_endings(),
        "case_end": case_endings(),
        "prog_cues": lower(g["programme"]["cues"]),
        "prog_mods": lower(g["programme"]["modifiers"]),
        "legal": frozenset(g["organisation"]["legal_forms"]),
        "org_heads": lower(g["organisation"]["heads"] + g["organisation"]["named_heads"]),
        "org_named_heads": lower(g["organisation"]["named_heads"]),
        "centre_heads": lower(g["organisation"]["centre_heads"]),
        "org_bare": lower(g["organisation"]["bare_heads"]),
        "org_plural": lower(g["organisation"]["plural_heads"]),
        "org_lc_starts": lower(g["organisation"]["lowercase_starts"]),
        "attributive": case_kind("attributive"),
        "chain_keep": frozenset(case_kind("genitive") + case_kind("attributive")),
        "not_orgs": frozenset(name_key(n) for n in g["organisation"]["not_bodies"]),
        "state_heads": lower(g["organisation"]["state_heads"]),
        # Listed bodies by their first word: (earlier words, {last word}) of each name.
        "named_bodies": _by_first_word(load_wordlist(g["organisation"]["bodies"]["names"])),
        "one_word_bodies": frozenset(n.lower() for n in load_wordlist(g["organisation"]["bodies"]["names"]) if " " not in n),
        "contractions": tuple(g["organisation"]["bodies"]["contractions"]),
        "state_prefixes": frozenset(g["organisation"]["bodies"]["state_prefixes"]),
        "lowercase_bodies": lower(g["organisation"]["bodies"]["lowercase"]),
        "lowercase_acts": tuple(g["organisation"]["bodies"]["lowercase_acts"]),
        "qualified_heads": tuple((frozenset([h]), frozenset(ws)) for h, ws in g["organisation"]["qualified_heads"].items()),
        "pos_heads": lower(g["position"]["heads"]),
        "all_heads": lower(g["position"]["heads"] + g["organisation"]["heads"] + g["organisation"]["named_heads"]),
        "pos_bare": lower(g["position"]["bare_heads"]),
        "pos_plural": {k.lower(): v for k, v in g["position"]["plural_heads"].items()},
        "links": lower(g["chain"]["links"]),
        "chain_stops": lower(g["chain"]["stops"]),
        "place_links": lower(g["chain"]["place_links"]),
        "dative_links": lower(g["chain"]["dative_links"]),
        "locative": case_kind("locative"),
        "personal_possessive_re": regex.compile(r"\p{L}{3,}(?:%s)(?:%s)?$" % (
            "|".join(personal_possessive_endings()), "|".join(e for e in case_endings() if e))),
        "verb_end": tuple(g["chain"]["verb_endings"]),
        "ordinal_end": tuple(load_toml("numbers")["suffixes"]["ordinal"]),
        "given": frozenset(load_wordlist("names/given_names")),
        "surnames": lower(load_wordlist("names/surnames")),
        "eponym_words": frozenset(g["model"]["eponym_words"]),
        # a title with a case ending, never a derivation (Президенттік "presidential", Президенттер)
        "standalone_re": regex.compile(
            r"(?<!\p{L})(?:%s)(?:%s)?(?!\p{L})" % (
                "|".join(regex.escape(t) for t in sorted(g["position"]["standalone"], key=len, reverse=True)),
                "|".join(sorted({e for e in case_endings() + possessive_case_endings() if e}, key=len, reverse=True)))
        ),
        "gen_suffixes": case_kind("genitive"),
        "not_names": frozenset(g["chain"]["not_names"]),
        "surname_re": _surname_re(g["person"]["surname_endings"]),
        "initial_surname_re": _surname_re(g["person"]["initial_surname_endings"]),
        "patronymic_re": regex.compile(r"^\p{Lu}\p{Ll}+(?:%s)$" % "|".join(g["person"]["patronymic_endings"])),
        "standalone": frozenset(g["position"]["standalone"]),
        "not_surnames": frozenset(g["person"]["not_surnames"]),
        "gpe_generic": lower(g["gpe"]["generic_nouns"]),
        "gpe_generic_pre": lower(g["gpe"]["generic_modifiers"]),
        "gpe_with_generic": frozenset(g["gpe"]["only_with_generic"]),
        "month_names": frozenset(m.lower() for m in load_toml("dates")["months"]),
        "month_nouns": tuple(g["gpe"]["month_nouns"]),
        "street_nouns": lower(g["gpe"]["street_nouns"]),
        "name_links": frozenset(g["gpe"]["list_links"]),
        # Every place list of the gazetteer (the NER model's feature reads the same lists).
        "gazetteer": frozenset().union(*(load_wordlist(n) for n in g["gazetteer"]["PLACE"])),
        "programmes": frozenset(name_key(n) for n in load_wordlist("programmes")),
        # Names listed in lower case are common enough to be found without quotes: (first word,
        # middle words, {last word}) of each of two words or more, looked up by its first word.
        "unquoted_programme_parts": tuple(
            (ws[0], ws[1:-1], frozenset(ws[-1:]))
            for ws in (name_key(n).split() for n in load_wordlist("programmes") if n[:1].islower()) if len(ws) > 1
        ),
        "name_end": case_endings() + possessive_case_endings(),
        "plan_cues": lower(g["programme"]["plan_cues"]),
        "plan_markers": lower(g["programme"]["plan_markers"]),
        "frame_words": lower(g["programme"]["frame_words"]),
    }


def _surname_re(endings: list[str]) -> regex.Pattern:
    """A capitalised word with one of these surname endings, and any case ending after it."""
    return regex.compile(r"^\p{Lu}\p{Ll}+(?:%s)(?:%s)?$" % (
        "|".join(sorted(endings, key=len, reverse=True)), "|".join(e for e in case_endings() if e)))


def _by_first_word(names: frozenset[str]) -> dict[str, list[tuple[tuple[str, ...], frozenset[str]]]]:
    """Multi-word names indexed by their lower-cased first word: the words before the last one
    must match as written (any case of letters), the last one may carry a case ending."""
    index: dict[str, list[tuple[tuple[str, ...], frozenset[str]]]] = {}
    for name in names:
        words = name.lower().split()
        if len(words) > 1:
            index.setdefault(words[0], []).append((tuple(words[:-1]), frozenset(words[-1:])))
    index[""] = [((), frozenset(n.lower() for n in names if " " not in n))]  # one-word names together
    return index


def name_key(text: str) -> str:
    """Comparison key of a name: case-folded letters and digits only (``Дипломмен – ауылға!``)."""
    return " ".join(regex.findall(r"[\p{L}\p{N}]+", text.casefold()))


@lru_cache(maxsize=65536)
def _inflected(word: str, forms: frozenset[str], endings: tuple[str, ...]) -> bool:
    """``word`` is one of ``forms`` followed by one of ``endings`` (case-insensitive).

    This and the head tests below are pure and called for every token: memoised, as news
    vocabulary repeats.
    """
    w = word.lower()
    return any(w[: len(w) - len(e)] in forms for e in endings if w.endswith(e) and len(w) > len(e))


@lru_cache(maxsize=65536)
def is_programme_cue(word: str) -> bool:
    g = grammar()
    return _inflected(word, g["prog_cues"], g["poss_end"])


@lru_cache(maxsize=65536)
def is_org_head(word: str, plural: bool = False) -> bool:
    """An organisation head noun; plural heads (``орталықтары``) only when ``plural`` is allowed."""
    g = grammar()
    return (
        _inflected(word, g["org_heads"], g["poss_end"])
        or _inflected(word, g["org_bare"], g["case_end"])
        or (plural and _inflected(word, g["org_plural"], g["poss_end"]))
    )


@lru_cache(maxsize=65536)
def is_position_head(word: str) -> bool:
    g = grammar()
    last = word.rsplit("-", 1)[-1]  # заңгер-кеңесші, социолог-психологы: the last part is the head
    return any(_inflected(w, g["pos_heads"], g["poss_end"]) or _inflected(w, g["pos_bare"], g["case_end"])
               for w in {word, last})


@lru_cache(maxsize=65536)
def in_other_case(word: str) -> bool:
    """The word carries a case ending other than the genitive (Жиынға, басқармасына, жұмысын,
    облыста), as the lemmatiser finds it; the nominative and the genitive stay inside a chain."""
    low = word.lower()
    if low in grammar()["one_word_bodies"]:
        return False  # a listed body as written (Самұрық-Қазына, not Самұрық-Қазы + -на)
    # the word as written: the lemmatiser knows proper stems by their capital (Қызылорда)
    stem = lemmatize(word, keep_plural=True).lower()  # a plural (төтенше жағдайлар) is no case
    if stem == low or not low.startswith(stem):
        return False
    return low[len(stem):] not in grammar()["chain_keep"]


def is_person_name(tok) -> bool:
    """A capitalised given name or surname-shaped word: a role or organisation chain stops there."""
    g = grammar()
    t = tok.text
    return t[:1].isupper() and (
        lemmatize(t) in g["given"] or t in g["given"]
        or (g["surname_re"].match(t) is not None and not any(t.startswith(n) for n in g["not_surnames"])
            and gpe_stem(t) is None)  # Украина, Ресей: surname-shaped places
    )


@lru_cache(maxsize=65536)
def gpe_stem(word: str) -> str | None:
    """The gazetteer name a token is an inflected form of (``Алматыда`` → ``Алматы``)."""
    g = grammar()
    for ending in g["case_end"]:
        if word.endswith(ending):
            stem = word[: len(word) - len(ending)]
            for name in (stem, stem.rstrip("-"), without_epenthesis(stem) if ending else None):
                if name in g["gazetteer"]:
                    return name
    return None


def _is_chain_word(tok, g: dict) -> bool:
    """A token that can sit inside a role or organisation phrase left of its head: any noun or
    adjective in the nominative or genitive (or a possessive), not a verb, a function word, a
    person's name or a word in another case."""
    t = tok.text
    low = t.lower()
    doc, i = tok.doc, tok.i
    if low == "және" and i > 1 and doc[i - 1].is_title and doc[i - 2].is_title and (
            is_person_name(doc[i - 2]) or (i > 2 and (doc[i - 3].is_punct or is_position_head(doc[i - 3].text)))):
        return False  # "(психологы –) Сайран Қали және …": people listed, not one body's name
    if low in g["links"]:
        # бойынша joins after a place (Алматы қаласы бойынша департаменті), not after a clause
        return low not in g["place_links"] or (i > 0 and (
            doc[i - 1].text[:1].isupper() or _inflected(doc[i - 1].text, g["gpe_generic"], ("",))
            # директорының вокзал шаруашылығы бойынша орынбасары: a role's field
            or any(is_position_head(doc[k].text) and doc[k].lower_.endswith(g["gen_suffixes"])
                   for k in range(max(0, i - 3), i))))
    if low in g["dative_links"]:  # жемқорлыққа қарсы іс-қимыл: a postposition and the dative word it takes
        return i > 0 and doc[i - 1].is_alpha and doc[i - 1].lower_ not in STOP_WORDS
    if tok.is_alpha and i + 1 < len(doc) and doc[i + 1].lower_ in g["dative_links"] and low not in STOP_WORDS:
        return True
    if t == ",":  # a list inside one name: Еңбек, әлеуметтік қорғау және көші-қон комитеті
        return any(doc[k].lower_ == "және" for k in range(i + 1, min(i + 6, len(doc))))
    if t in g["not_names"] or low in STOP_WORDS or low in g["chain_stops"]:
        return False
    if g["personal_possessive_re"].search(low) and not low.endswith(g["gen_suffixes"]):
        return False  # серіктестеріміз: "our …" is no part of a name (еліміздің Тұңғыш Президенті is)
    if tok.is_alpha and (t[:1].islower() or i == 0 or low in g["org_lc_starts"]) and in_other_case(t) and not low.endswith(
            g["locative"]) and any(_is_verbal_noun(doc[k]) for k in range(i + 1, min(i + 3, len(doc)))):
        return True  # the object of a verbal noun: халықты әлеуметтік қорғау, жастармен жұмысты үйлестіру
    if tok.is_punct or (tok.like_num and not tok.is_alpha):
        return False
    if is_person_name(tok) or _INITIALS_ONLY.fullmatch(t) or (
            t[:1].isupper() and _follows_given_name(doc, i, g)):
        # Алексей Цой, А. Цой
        return _eponym_follows(doc, i, g) or _names_a_body(doc, i, g)  # Л.Гумилев атындағы … университеті
    if tok.is_alpha and tok.like_num:
        # an ordinal inside a role (бірінші вице-министрі), never an amount (бес елдің басшысы)
        return low.endswith(g["ordinal_end"])
    if not tok.is_alpha and "-" not in t:
        return False
    if (low.endswith(g["verb_end"]) and not (t[:1].isupper() and (
            i > 0 or gpe_stem(t) is not None or (i + 1 < len(doc) and doc[i + 1].text[:1].isupper())))) or in_other_case(t):
        return False  # a verb form, unless a name (Жезқазған, Біріккен Ұлттар)
    return True


_INITIALS_ONLY = regex.compile(r"(?:\p{Lu}\.)+")


def _follows_given_name(doc: Sentence, i: int, g: dict) -> bool:
    """Token ``i`` comes right after a given name or initials (Алексей Цой, А. Цой): a surname."""
    return i > 0 and (doc[i - 1].text in g["given"] or _INITIALS_ONLY.fullmatch(doc[i - 1].text) is not None)


def _eponym_follows(doc: Sentence, i: int, g: dict) -> bool:
    """A name (with its initials) right before ``атындағы``: part of the body named after it."""
    for k in range(i + 1, min(i + 4, len(doc))):
        if doc[k].lower_ in g["eponym_words"]:
            return True
        if not (doc[k].text[:1].isupper() or _INITIALS_ONLY.fullmatch(doc[k].text)):
            return False
    return False


def _names_a_body(doc: Sentence, i: int, g: dict) -> bool:
    """A lone given-name-shaped word right before a body's head names the body (``Әділет
    министрлігі``, ``Нұр Отан партиясы``), not a person: people are not written before a head."""
    t = doc[i].text
    return (i + 1 < len(doc) and is_org_head(doc[i + 1].text) and g["surname_re"].match(t) is None
            and (i == 0 or not is_person_name(doc[i - 1])))


def _is_verbal_noun(tok) -> bool:
    """A verbal noun in -у (қорғау, үйлестіру, орналастыру): it takes objects in any case."""
    stem = lemmatize(tok.lower_) if tok.is_alpha else ""  # also дамытудың; not сумен (су, "water")
    return len(stem) > 3 and stem.endswith(("у", "ю"))


def _grow_left(doc: Sentence, head: int, label: str, limit: int = 14, floor: int = 0) -> int:
    """Leftmost token index of the phrase ending at ``head``: it must start with a name-like word.

    A role may start on a lower-case adjective (``халықаралық білім беру корпорациясының …``);
    an organisation written with a capitalised name starts there (``қалалық Қоғамдық даму басқармасы``
    → ``Қоғамдық даму басқармасы``).
    """
    g = grammar()
    i = head
    while i - 1 >= floor and head - (i - 1) <= limit and _is_chain_word(doc[i - 1], g):
        if label == "POSITION" and doc[i - 1].lower_ in g["pos_heads"]:
            break  # another role in the nominative: "төрайымы және … жетекшісі" are two roles
        if label == "ORGANISATION" and _ends_a_body(doc, i - 1):
            break
        i -= 1
    while i < head:
        low = doc[i].lower_
        if (label == "POSITION" or _inflected(doc[head].text, g["state_heads"], g["poss_end"])) and (
                low not in g["links"] and doc[i].text != ","):
            break  # a role or a state body may start on any noun of its chain (мәдениет және ақпарат министрлігі)
        if low != "және" and (
            doc[i].text[:1].isupper() or low in g["org_lc_starts"] or low.endswith(g["gen_suffixes"])
        ):
            break
        i += 1
    if label == "ORGANISATION" and not doc[i].text[:1].isupper():
        first_cap = next((k for k in range(i, head) if doc[k].text[:1].isupper()), None)
        i = first_cap if first_cap is not None else i
    if i == 0 and head > 1 and doc[1].text[:1].isupper() and not doc[head].text[:1].isupper() and not _starts_a_name(doc[0], g):
        # Іс Атырау қалалық сотында: a common word capitalised only because it opens the sentence
        # does not start a phrase whose next word is a name of its own
        i = 1
    if label == "ORGANISATION":
        # "Алматы қаласындағы … орталығы": where the body is, not part of its name (a place of its own)
        located = [k for k in range(i, min(i + 3, head)) if _is_place_locative(doc, k)]
        i = located[-1] + 1 if located else i
    return i


def _starts_a_name(tok, g: dict) -> bool:
    """A sentence's first word that may open a role or body phrase: a place, an adjective or
    attributive, a genitive, a level word (аудан, облыстық), a listed body or a name."""
    low = tok.lower_
    return (gpe_stem(tok.text) is not None or low.endswith(adjective_suffixes() + g["attributive"] + g["gen_suffixes"])
            or low in g["org_lc_starts"] or low in g["named_bodies"] or low in g["legal"] or not tok.is_alpha
            or tok.text in g["given"] or tok.text in g["state_prefixes"] or tok.text.isupper())


def _is_place_locative(doc: Sentence, k: int) -> bool:
    """``Алматыдағы``, ``(Алматы) қаласындағы``: a place in the attributive locative."""
    g = grammar()
    word = doc[k].text
    if not word.lower().endswith(g["attributive"]):
        return False
    base = word[: len(word) - next(len(e) for e in g["attributive"] if word.lower().endswith(e))]
    return gpe_stem(base) is not None or (k > 0 and _inflected(word, g["gpe_generic"], g["poss_end"]) and gpe_stem(doc[k - 1].text) is not None)


def _quoted_spans(doc: Sentence) -> list[tuple[int, int]]:
    """Token ranges [i, j] of quoted names: «…», “…”, "…" (at most 15 tokens, no nesting). Quoted
    speech is no name: a quotation with a comma inside, a full stop or question mark before its
    close (``«Ұлттық банк Үкіметпен бірлесіп, … төмендетті»``) or a dash after it (``«…», — деді``)
    keeps its names and roles."""
    spans, i, n = [], 0, len(doc)
    while i < n:
        close = OPEN_QUOTES.get(doc[i].text)
        if close is None:
            i += 1
            continue
        j = i + 1
        while j < n and j - i <= 16 and doc[j].text != close and doc[j].text not in ("«",):
            j += 1
        if j < n and doc[j].text == close and j > i + 1:
            if not _is_speech(doc, i, j):
                spans.append((i, j))
            i = j + 1
        else:
            i += 1
    return spans


def _is_speech(doc: Sentence, i: int, j: int) -> bool:
    after = [t.text for t in doc[j + 1 : j + 3]]
    return (doc[j - 1].text in {".", "?", "…"} or any(doc[k].text == "," for k in range(i + 1, j))
            or bool(after) and (after[0] in _DASHES or after[:1] == [","] and after[1:] and after[1] in _DASHES))


_DASHES = frozenset("—–-")


def _quoted_rules(doc: Sentence, quotes: list[tuple[int, int]]) -> list[Mention]:
    """PROGRAMME / ORGANISATION from a quoted name and the cue that follows it.

    Coordinated names share the cue of the last one: ``«Үздік» және «Астана жас жігер» жобалары``,
    ``«Молот» және «Зияткер» пікірсайыс клубтары``; only the last name's span takes the cue.
    """
    g = grammar()
    out: list[Mention] = []
    pending: list[tuple[int, int]] = []

    def emit(label: str, i: int, end: int) -> None:
        out.extend(doc.mention(a, b + 1, label) for a, b in pending)
        out.append(doc.mention(i, end, label))

    for qi, (i, j) in enumerate(quotes):
        k = j + 1
        while k < len(doc) and doc[k].lower_ in g["prog_mods"] and k - j <= 2:
            k += 1
        head = next((h for h in range(j + 1, min(j + 5, len(doc))) if is_org_head(doc[h].text, plural=True)), None)
        if k < len(doc) and is_programme_cue(doc[k].text):
            emit("PROGRAMME", i, k + 1)
        elif name_key(doc.span_text(i + 1, j)) in g["programmes"] or (
            j + 1 < len(doc) and doc[j + 1].lower_ in g["frame_words"]
        ):
            emit("PROGRAMME", i, j + 1)
        elif j + 1 < len(doc) and doc[j + 1].text.split("-")[0] in g["legal"]:  # АҚ, АҚ-ның
            emit("ORGANISATION", i, _nested_legal_end(doc, j + 2))
        elif head is not None and all(
            not (doc[t].is_punct or doc[t].like_num or is_org_head(doc[t].text, plural=True)) for t in range(j + 1, head)
        ):
            emit("ORGANISATION", i, _legal_tail(doc, head + 1))  # also «Ақсақал кеңесі» қоғамдық бірлестігі
        elif j - 1 > i and is_org_head(doc[j - 1].text) and doc[i + 1].text[:1].isupper():
            emit("ORGANISATION", i, j + 1)  # «Әділет және даму партиясы»: the head inside the quotes
        elif _named_body_end(doc, i + 1) == j:
            emit("ORGANISATION", i, j + 1)  # «Қазпошта», «Қазақстан темір жолының»: a listed body quoted
        else:
            coordinated = (
                j + 2 < len(doc) and doc[j + 1].text in {",", "және", "мен", "пен", "бен"}
                and qi + 1 < len(quotes) and quotes[qi + 1][0] == j + 2
            )
            pending = pending + [(i, j)] if coordinated else []
            continue
        pending = []
    return out


def _nested_legal_end(doc: Sentence, k: int) -> int:
    """End of a quoted name with legal forms at ``k``, past the outer ones of a name nested in
    quotes (``«ҚазАвтоЖол» ҰК» АҚ``: the company «ҚазАвтоЖол» ҰК, a joint-stock one) and past a
    second form written without the quote (``«Kazakhstan Temir Zholy» ҰК АҚ``)."""
    legal = grammar()["legal"]
    while k < len(doc):
        if k + 1 < len(doc) and doc[k].text in OPEN_QUOTES.values() and doc[k + 1].text.split("-")[0] in legal:
            k += 2
        elif doc[k].text.split("-")[0] in legal:  # «Kazakhstan Temir Zholy» ҰК АҚ
            k += 1
        else:
            return k
    return k


def _ends_a_body(doc: Sentence, i: int) -> bool:
    """A head in the nominative before a capitalised word: ``Қоғамдық даму басқармасы Жастар …
    қорымен`` and ``Ұлттық банк Үкіметпен`` name two bodies, not one."""
    g = grammar()
    if not (i + 1 < len(doc) and doc[i + 1].text[:1].isupper()):
        return False
    nxt = doc[i + 1].text
    if doc[i].lower_ in g["org_heads"]:
        return not is_org_head(nxt)  # Парламенті Мәжілісінің: one body's chamber
    # Парламент Мәжілісі, Ұлттық банк Басқармасы: a bare head before a part of that body
    return doc[i].lower_ in g["org_bare"] and not _inflected(nxt.lower(), g["org_heads"], g["poss_end"])


def _legal_tail(doc: Sentence, end: int) -> int:
    """End of an organisation at ``end`` with the body type written after its name and a stray
    closing quote (``«Самұрық» … орталығы» қоғамдық қоры``): a lower-case word or two and a head,
    and the legal form after that head (``«Қазатомөнеркәсіп» ұлттық атом компаниясы АҚ``)."""
    g = grammar()
    k = end + 1 if end < len(doc) and doc[end].text in OPEN_QUOTES.values() else end
    for h in range(k, min(k + 3, len(doc))):
        if is_org_head(doc[h].text):
            end = h + 1
            break
        if not (doc[h].is_alpha and doc[h].text[:1].islower() and _is_chain_word(doc[h], g)):
            break
    if end + 1 < len(doc) and doc[end].text in OPEN_QUOTES.values() and doc[end + 1].text.split("-")[0] in g["legal"]:
        end += 1  # «Қазақстан темір жолы» ұлттық компаниясы» АҚ: the outer quote closes before the form
    if end < len(doc) and doc[end].text.split("-")[0] in g["legal"]:
        return _nested_legal_end(doc, end + 1)
    return end


def _continues_to_head(doc: Sentence, i: int, limit: int = 6) -> bool:
    """Token ``i`` is followed, over chain words only, by another role or organisation head
    (``министрлігінің Орман шаруашылығы … комитеті``, ``департаментінің баспасөз қызметі``)."""
    g = grammar()
    if doc[i].lower_.endswith(g["attributive"]) or _ends_a_body(doc, i):
        return False  # қызметіндегі баспасөз мәслихаты: what is held at a body is not part of it
    for k in range(i + 1, min(i + 1 + limit, len(doc))):
        if is_position_head(doc[k].text) or is_org_head(doc[k].text) or _qualified_org_head(doc, k):
            return True
        if not _is_chain_word(doc[k], g):
            return False
    return False


def _ends_with_any(key: str, phrases: frozenset[str]) -> bool:
    return any(key == p or key.endswith(" " + p) for p in phrases)


def _programme_rules(doc: Sentence, taken: set[int]) -> list[Mention]:
    """Unquoted programmes: known names (``жастар практикасы``), dated plans
    (``… 2025 жылға дейінгі өңірлік жоспары``) and Latin names before a cue (``JOLTAP жобасы``)."""
    g = grammar()
    out: list[Mention] = []
    words = [t.lower_ for t in doc]
    starts: dict[str, list[int]] = {}
    for i, w in enumerate(words):
        starts.setdefault(w, []).append(i)
    for first, rest, last in g["unquoted_programme_parts"]:  # only where the name's first word occurs
        n = len(rest) + 2
        for i in starts.get(first, ()):
            if i + n <= len(doc) and words[i + 1 : i + n - 1] == rest and _inflected(doc[i + n - 1].text, last, g["name_end"]):
                out.append(doc.mention(i, i + n, "PROGRAMME"))
    for tok in doc:
        if tok.i in taken:
            continue
        if _inflected(tok.text, g["plan_cues"], g["poss_end"]) and any(
            doc[k].lower_ in g["plan_markers"] for k in range(max(0, tok.i - 6), tok.i)
        ):
            start = tok.i
            while start - 1 >= 0 and start - 1 not in taken and tok.i - start < 14 and _plan_word(doc[start - 1], g):
                start -= 1
            while start < tok.i and not (doc[start].text[:1].isupper() or doc[start].like_num or doc[start].lower_.endswith(g["gen_suffixes"] + ("ды", "ді", "ты", "ті"))):
                start += 1
            if start < tok.i:
                out.append(doc.mention(start, tok.i + 1, "PROGRAMME"))
        elif tok.i > 0 and is_programme_cue(tok.text) and regex.fullmatch(r"[A-Z][A-Z0-9]+", doc[tok.i - 1].text):
            out.append(doc.mention(tok.i - 1, tok.i + 1, "PROGRAMME"))
    return out


def _plan_word(tok, g: dict) -> bool:
    """Words of a dated plan's name: the chain words, years, and verbal nouns with objects."""
    low = tok.lower_
    return (
        _is_chain_word(tok, g) or tok.like_num or low in g["plan_markers"]
        or low in {"жылға", "жылдарға"} or low.endswith(("ын", "ін", "ды", "ді", "ты", "ті", "ны", "ні"))
    ) and not tok.is_punct


def _head_rules(doc: Sentence, taken: set[int]) -> list[Mention]:
    """POSITION and descriptive ORGANISATION phrases grown leftwards from their head word."""
    g = grammar()
    out: list[Mention] = []
    floor = 0
    for tok in doc:
        if tok.i in taken:
            floor = tok.i + 1
            continue
        label = ("POSITION" if is_position_head(tok.text) or _shared_role(doc, tok.i)
                 else "ORGANISATION" if is_org_head(tok.text) or _qualified_org_head(doc, tok.i) else None)
        if label is None:
            continue
        # A head followed by a further head belongs to the longer phrase (… басқармасы … бөлімі;
        # облысы әкімінің баспасөз қызметі is a body, not a role).
        if label == "ORGANISATION" and _continues_to_head(doc, tok.i):
            continue
        if label == "ORGANISATION" and not _named_before(doc, tok.i):
            continue  # өзен арнасы: a media head without a name before it is a common noun
        if (label == "ORGANISATION" and tok.i > 0 and doc[tok.i - 1].lower_.endswith(g["gen_suffixes"])
                and _inflected(tok.text, g["centre_heads"], g["poss_end"])):
            continue  # Алматының орталығында: the centre of a place, not a body
        if label == "POSITION" and tok.lower_.endswith(g["gen_suffixes"]) and _continues_to_head(doc, tok.i):
            continue  # директорының … орынбасары, әкімінің баспасөз қызметі: part of a longer phrase
        if label == "ORGANISATION" and _is_bare_org_head(tok.text) and tok.i > 0 and not _modifies_bare(doc[tok.i - 1]):
            continue  # Президент министрлікке: a noun before a head without possessive is no modifier
        start = _grow_left(doc, tok.i, label, floor=floor)
        if label == "ORGANISATION" and start == tok.i and tok.lower_ not in g["org_lc_starts"]:
            continue  # a bare head is a back-reference, not a name
        if label == "ORGANISATION" and _ends_with_any(_nominative_key(doc.span_text(start, tok.i + 1)), g["not_orgs"]):
            continue  # облыс орталығы is a town, not a body
        if label == "POSITION" and tok.i + 1 < len(doc) and is_position_head(doc[tok.i + 1].text):
            continue  # басшысының орынбасары: the phrase ends at the next head
        if label == "POSITION" and start > 0 and _is_cardinal(doc[start - 1]):
            continue  # он алты мектеп басшысына: a counted group, no specific holder
        out.append(doc.mention(start, tok.i + 1, label))
        floor = tok.i + 1
    return out


def _named_before(doc: Sentence, i: int) -> bool:
    """A head that names a body only after its name has one right before it (not the
    sentence's capitalised first word)."""
    g = grammar()
    if not _inflected(doc[i].text, g["org_named_heads"], g["poss_end"]):
        return True
    return i > 1 and (doc[i - 1].text[:1].isupper() or doc[i - 1].text in {"»", '"'})


def _is_bare_org_head(word: str) -> bool:
    g = grammar()
    return not _inflected(word, g["org_heads"], g["poss_end"]) and _inflected(word, g["org_bare"], g["case_end"])


def _modifies_bare(tok) -> bool:
    """Words a head without possessive takes on its left: an adjective (Ұлттық банк, облыстық
    комиссия), an attributive (жанындағы кеңес) or a postpositional link (жөніндегі кеңес)."""
    g = grammar()
    low = tok.lower_
    return (low.endswith(adjective_suffixes() + g["attributive"])
            or low in g["links"] or not tok.is_alpha)


def _is_cardinal(tok) -> bool:
    """A number that counts (``16``, ``бес``), not an ordinal (``бірінші``, ``2-ші``) or a number
    that names (``№5``)."""
    numbered = "№" in tok.text or (tok.i > 0 and "№" in tok.doc[tok.i - 1].text)
    return tok.like_num and not numbered and not tok.lower_.endswith(grammar()["ordinal_end"])


def _nominative_key(text: str) -> str:
    """:func:`name_key` of a phrase with its head back in the nominative (``облыс орталығында``)."""
    words = text.split()
    return name_key(" ".join(words[:-1] + [head_nominative(words[-1]) or words[-1]]))


def _shared_role(doc: Sentence, i: int) -> bool:
    """A plural role head right before a person's name (``мәслихат депутаттары О.Нұрмағанбетов пен
    Ғ.Тапақов``): one role the people named after it share."""
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return (doc[i].lower_ in grammar()["pos_plural"] and nxt is not None
            and (nxt.text[:1].isupper() and (_INITIALS_ONLY.match(nxt.text) is not None or nxt.text in grammar()["given"]
                                             or _INITIALS_SURNAME.match(doc.span_text(i + 1, i + 3)) is not None)))


@lru_cache(maxsize=65536)
def head_nominative(word: str) -> str | None:
    """A listed role or organisation head in a case form, back in the nominative (``институтына``
    → ``институты``, ``министрін`` → ``министрі``): the lists know these heads, where the general
    lemmatiser cannot tell ``министр|і|н`` from a stem in -н."""
    g = grammar()
    low = word.lower()
    for ending in g["poss_end"]:
        if ending and low.endswith(ending) and low[: len(low) - len(ending)] in g["all_heads"]:
            return word[: len(word) - len(ending)]
    return None


def is_shared_role(text: str) -> bool:
    """A role text ending in a plural role head (``мәслихат депутаттары``): held by several people."""
    words = text.split()
    return bool(words) and words[-1].lower() in grammar()["pos_plural"]


def singular_role(norm: str) -> str:
    """The role each holder of a shared plural role holds (``мәслихат депутаттары`` → ``… депутаты``)."""
    words = norm.split()
    single = grammar()["pos_plural"].get(words[-1].lower()) if words else None
    return " ".join(words[:-1] + [single]) if single else norm


def _attach_quoted_bodies(quoted: list[Mention], heads: list[Mention]) -> list[Mention]:
    """A quoted organisation right before a role or a branch is part of that phrase
    (``«Аманат» партиясы Ақмола облыстық филиалы``)."""
    g = grammar()
    orgs = [sp for sp in quoted if sp.label_ == "ORGANISATION"]
    merged, used = [], set()
    for sp in heads:
        org = next(
            (
                o for o in orgs
                if o.end <= sp.start and all(
                    _is_chain_word(t, g) and t.lower_ != "және" and not is_position_head(t.text)
                    for t in sp.doc[o.end : sp.start]
                )
            ),
            None,
        )
        if org is not None and sp.start - org.end <= 2:
            used.add(org.end)
            sp = sp.doc.mention(org.start, sp.end, sp.label_)
        merged.append(sp)
    return [q for q in quoted if q.end not in used or q.label_ != "ORGANISATION"] + merged


def _named_bodies(doc: Sentence) -> list[Mention]:
    """Bodies named by a listed proper noun or abbreviation (``Сенатқа``, ``БҰҰ-ның``, ``Ақ Үй``) in
    any case form, and contracted ministry names (``Еңбекмині``)."""
    g = grammar()
    out = []
    for t in doc:
        if not t.text[:1].isupper() and not (
                _inflected(t.text, g["lowercase_bodies"], g["case_end"])
                and t.i + 1 < len(doc) and doc[t.i + 1].lower_.startswith(g["lowercase_acts"])):
            continue
        end = _named_body_end(doc, t.i)
        if end is not None:
            # ҚР ІІМ; облыстық ЖРО: the state's abbreviation or the level of a body before it
            start = t.i - 1 if t.i > 0 and (doc[t.i - 1].text in g["state_prefixes"] or doc[t.i - 1].text in g["org_lc_starts"]) else t.i
            out.append(doc.mention(start, end, "ORGANISATION"))
        elif t.is_alpha and t.lower_.endswith(g["contractions"]) and len(t) > 6:
            out.append(doc.mention(t.i, t.i + 1, "ORGANISATION"))
    return out


def _named_body_end(doc: Sentence, i: int) -> int | None:
    """End of the listed body name starting at token ``i`` (its last word in any case), or None."""
    g = grammar()
    for before, last in g["named_bodies"].get(doc[i].lower_, []) + g["named_bodies"].get("", []):
        n = len(before)
        if before and tuple(w.lower_ for w in doc[i : i + n]) != before:
            continue
        if i + n >= len(doc):
            continue
        word = doc[i + n].text.lower()
        if _inflected(word, last, g["case_end"]) or _inflected(word.replace("-", ""), last, g["case_end"]):
            # Самұрық-Қазынаның keeps its hyphen; БҰҰ-ның drops the one before its ending
            return i + n + 1
    return None


def _qualified_org_head(doc: Sentence, i: int) -> bool:
    """``қызметі`` is a body's head only after ``баспасөз`` and the like (patterns: qualified_heads)."""
    return i > 0 and _is_qualified_head(doc[i].text, doc[i - 1].lower_)


@lru_cache(maxsize=65536)
def _is_qualified_head(word: str, before: str) -> bool:
    g = grammar()
    return any(before in ws and _inflected(word, head, g["poss_end"]) for head, ws in g["qualified_heads"])


def _standalone_positions(doc: Sentence) -> list[Mention]:
    """Titles that are positions on their own (``Мемлекет басшысы``, ``Президент``)."""
    out = []
    for m in grammar()["standalone_re"].finditer(doc.text):
        sp = doc.char_mention(m.start(), m.end(), "POSITION")
        if sp is not None:
            out.append(sp)
    return out


def _person_rules(doc: Sentence) -> list[Mention]:
    """Initials + surname (``Ш.А. Байманов``), and given name + surname-shaped word."""
    g = grammar()
    out: list[Mention] = []
    text = doc.text
    for m in _INITIALS_SURNAME.finditer(text):
        sp = doc.char_mention(m.start(), m.end(), "PERSON")
        if sp is not None:
            out.append(sp)
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if (
            g["surname_re"].match(tok.text)
            and not any(tok.text.startswith(n) for n in g["not_surnames"])
            and prev.is_title and prev.is_alpha and prev.text not in g["not_names"]
            and not is_position_head(prev.text)
            # a place's name is a given name too before an -ов/-ев surname (Алтай Көлгінов)
            and (gpe_stem(prev.text) is None or g["initial_surname_re"].match(tok.text) is not None)
            and (prev.text in g["given"] or not in_other_case(prev.text))  # not Кездесуде Назарбаев
        ):
            out.append(doc.mention(tok.i - 1, tok.i + 1, "PERSON"))
    # A capitalised pair right after a position head is the holder's name.
    for tok in doc[:-2]:
        a, b = doc[tok.i + 1], doc[tok.i + 2]
        if is_position_head(tok.text) and a.is_title and b.is_title and a.is_alpha and b.is_alpha:
            out.append(doc.mention(a.i, b.i + 1, "PERSON"))
    # A known given name before a capitalised word (Илья Мизерных; Режеп Тайып Ердоған with a
    # second given name), and a surname before a given name (Абдықадыров Мұхтар).
    def name_word(t) -> bool:
        return (t.is_title and t.is_alpha and gpe_stem(t.text) is None and not is_position_head(t.text)
                and not is_org_head(t.text))

    for tok in doc[:-1]:
        nxt = doc[tok.i + 1]
        if tok.is_title and tok.text in g["given"] and name_word(nxt):
            end = tok.i + 2
            if (nxt.text in g["given"] or g["patronymic_re"].match(nxt.text)) and end < len(doc) and name_word(doc[end]):
                end += 1  # a second given name or a patronymic before the surname
            out.append(doc.mention(tok.i, end, "PERSON"))
        elif g["surname_re"].match(tok.text) and lemmatize(nxt.text) in g["given"] and nxt.is_title:
            out.append(doc.mention(tok.i, tok.i + 2, "PERSON"))
    # Two capitalised words after "from <a place>" are a foreign name (австриялық Никки Хамл).
    for tok in doc[:-2]:
        a, b = doc[tok.i + 1], doc[tok.i + 2]
        if tok.is_lower and _is_demonym(tok.text) and name_word(a) and name_word(b):
            out.append(doc.mention(a.i, b.i + 1, "PERSON"))
    # A surname on its own (Досаевтың, Назарбаев, Президент Тоқаевтың): the surname shape is the
    # cue; opening a sentence, only a Slavic-style -ов/-ев one (Назарбаев отыз жыл …), since
    # sentence-initial nouns end in -ин, -ина too (Медицина, Машина).
    for tok in doc:
        prev = doc[tok.i - 1] if tok.i > 0 else None
        if tok.is_title and _inflected(tok.text, g["surnames"], g["case_end"]):
            out.append(doc.mention(tok.i, tok.i + 1, "PERSON"))  # Трамп, Путиннің: a listed surname
        elif (g["surname_re"].match(tok.text)
                and (prev is not None or g["initial_surname_re"].match(tok.text))
                and not (prev is not None and prev.is_title and prev.text not in g["not_names"]
                         and not in_other_case(prev.text) and not is_position_head(prev.text)
                         and prev.text not in g["standalone"])
                and not any(tok.text.startswith(n) for n in g["not_surnames"]) and gpe_stem(tok.text) is None):
            out.append(doc.mention(tok.i, tok.i + 1, "PERSON"))
    eponym = frozenset(g["eponym_words"])
    return [sp for sp in out if not (sp.end < len(doc) and doc[sp.end].lower_ in eponym)]


@lru_cache(maxsize=65536)
def _is_demonym(word: str) -> bool:
    """An adjective "from <a listed place>": австриялық, ресейлік, қазақстандық."""
    for suffix in adjective_suffixes():
        if word.endswith(suffix):
            stem = word[: -len(suffix)]
            if any(gpe_stem(s[:1].upper() + s[1:]) for s in (stem, stem.rstrip("н"))):
                return True
    return False


def _generic_end(doc: Sentence, k: int) -> int:
    """End of a singular generic place noun at token ``k`` (``облысы``, ``ауылдық округі``), or ``k``.

    A plural generic noun shared by several names (``Ақмола және Түркістан облыстарында``) stays
    outside: each name is a place of its own.
    """
    g = grammar()
    if k < len(doc) and doc[k].lower_ in g["gpe_generic_pre"] and k + 1 < len(doc):
        k2 = _generic_end(doc, k + 1)
        return k2 if k2 > k + 1 else k
    if k < len(doc) and _inflected(doc[k].text, g["gpe_generic"], g["poss_end"]):
        return k + 1
    return k


def _generic_follows(doc: Sentence, k: int) -> bool:
    """A generic place noun, singular or shared plural, at ``k`` or after the other names of a list
    (``Абай облысы``; ``Ақмола, Абай және Ұлытау облыстарының``)."""
    g = grammar()
    while k < len(doc) and (doc[k].text[:1].isupper() or doc[k].text == "," or doc[k].lower_ in g["name_links"]):
        k += 1
    if k + 1 < len(doc) and doc[k].lower_ in g["gpe_generic_pre"]:
        k += 1  # ауылдық округтерінде
    return k < len(doc) and (_generic_end(doc, k) > k or lemmatize(doc[k].text) in g["gpe_generic"])


def gpe_norm(text: str) -> str | None:
    """The nominative of a place mention: the gazetteer's name (``Ливерпульде`` → ``Ливерпуль``) or
    the name with its generic noun's base form (``Бершүгір ауылдық округін`` → ``… округі``)."""
    g = grammar()
    words = text.split()
    if (name := gpe_stem(" ".join(words))) is not None:
        return name
    base = next((b for b in g["gpe_generic"] if _inflected(words[-1].lower(), frozenset([b]), g["poss_end"])), None)
    if base is not None and len(words) > 1:
        return " ".join(words[:-1] + [base])
    return None


def _gpe_rules(doc: Sentence) -> list[Mention]:
    """Gazetteer places, with the generic noun written after them (``Ақмола облысы``), and any
    capitalised name a generic noun follows (``Қарамырза ауылы``, ``Бершүгір ауылдық округі``)."""
    g = grammar()
    out: list[Mention] = []
    for tok in doc:
        if not tok.text[:1].isupper() or tok.text in g["not_names"] or not tok.is_alpha and "-" not in tok.text:
            continue
        end = tok.i + 1
        longer = next((n for n in (3, 2) if tok.i + n <= len(doc) and gpe_stem(_words(doc, tok.i, tok.i + n))), None)
        if longer:  # Батыс Қазақстан, Америка Құрама Штаттары
            end = tok.i + longer
        elif gpe_stem(tok.text) is None:
            after = _generic_end(doc, end)
            # a lone surname-shaped word names a place after its generic noun (Жданов ауылы),
            # a person only after a given name (Асқар Жданов ауылына)
            lone = not (_follows_given_name(doc, tok.i, g) or (tok.i > 1 and doc[tok.i - 1].is_title))
            if after > end and not tok.lower_.endswith(g["gen_suffixes"]) and (lone or not is_person_name(tok)):
                out.append(doc.mention(tok.i, after, "GPE"))
            elif (tok.i > 0 and end < len(doc) and (doc[end].text == "," or doc[end].lower_ in g["name_links"])
                    and not is_person_name(tok) and _generic_follows(doc, end)):
                out.append(doc.mention(tok.i, end, "GPE"))  # Орлы, Хиуаз, Ақкөл ауылдық округтерінде
            continue
        if gpe_stem(_words(doc, tok.i, end)) in g["gpe_with_generic"] and not _generic_follows(doc, end):
            continue  # Абай мұрасы, Төле бидің өсиеті: the person, not the region
        if end < len(doc) and doc[end].lower_.startswith(g["month_nouns"]) and tok.lower_ in g["month_names"]:
            continue  # Қазан айында: the month, not the city
        if end < len(doc) and _inflected(doc[end].text, g["street_nouns"], g["case_end"]) and gpe_stem(_words(doc, tok.i, end)) == _words(doc, tok.i, end):
            continue  # Жамбыл көшесі, Республика алаңы: a street or a square named after the place
        out.append(doc.mention(tok.i, _generic_end(doc, end), "GPE"))
    return out


def _words(doc: Sentence, start: int, end: int) -> str:
    """Tokens ``[start, end)`` joined by single spaces (``Оңтүстік  Қазақстан`` as listed)."""
    return " ".join(doc.span_text(start, end).split())  # a run of spaces is a token of its own


def rule_spans(sdoc: Doc) -> list[RuleSpan]:
    """All rule entities of one sentence Doc, overlaps resolved by rule order, then length."""
    doc = Sentence(sdoc)
    quotes = _quoted_spans(doc)
    inside_quotes = {t for i, j in quotes for t in range(i, j + 1)}  # no heads or names inside names
    quoted = _quoted_rules(doc, quotes)
    taken = {t for sp in quoted for t in range(sp.start, sp.end)} | inside_quotes
    titles = _standalone_positions(doc)
    # a title of several words is complete on its own (Мемлекет басшысы is not grown left);
    # a one-word title may still head a longer role (Түркия Президенті)
    heads = _head_rules(doc, taken | {t for sp in titles if len(sp) > 1 for t in range(sp.start, sp.end)})
    ordered = _attach_quoted_bodies(quoted, heads) + _programme_rules(doc, taken) + titles
    strong = filter_spans(ordered)
    taken = {t for sp in strong for t in range(sp.start, sp.end)}
    # a place may stand inside a quotation that names nothing else (the station «Жітіқара»); a person not
    weak = [sp for sp in _person_rules(doc) + _gpe_rules(doc) + _named_bodies(doc)
            if not any(t in taken or (t in inside_quotes and sp.label_ != "GPE") for t in range(sp.start, sp.end))]
    spans = sorted(strong + filter_spans(weak), key=lambda s: s.start)
    covered = {t for sp in spans for t in range(sp.start, sp.end)}
    return sorted([RuleSpan(sp.start_char, sp.end_char, sp.label_) for sp in spans] + _hyphenated_places(doc, covered),
                  key=lambda s: s.start)


def _hyphenated_places(doc: Sentence, covered: set[int]) -> list[RuleSpan]:
    """Places joined by a hyphen in one token (``Ресей-Украина соғысы``, ``«Жітіқара-Астана»``,
    ``Алматы-2-Маңғыстау``): each listed place is a mention of its own; numbers between are not."""
    out = []
    for tok in doc:
        if tok.i in covered or "-" not in tok.text or not tok.text[:1].isupper() or gpe_stem(tok.text):
            continue
        parts, offset = [], tok.idx
        for part in tok.text.split("-"):
            if part and not part.isdigit():
                parts.append((offset, part))
            offset += len(part) + 1
        if len(parts) > 1 and all(gpe_stem(p) for _, p in parts):
            out.extend(RuleSpan(o, o + len(p), "GPE") for o, p in parts)
    return out


@cache
def tokenizer() -> spacy.Language:
    """A blank Kazakh pipeline: the rules need tokens only."""
    return spacy.blank("kk")


