"""The Stanza backend's adapter (issue 5): our kk tokens in, Stanza entities back to character
spans. A stand-in with Stanza's document shape is used here, so this runs without torch; the real
thing is `make stanza-check`."""

from __future__ import annotations

from types import SimpleNamespace as NS

from kzextract.entities.backends.stanza import predict_stanza


class FakeStanza:
    """Tags every token listed in ``tags`` (token text -> KazNERD label), like a pre-tokenised
    ``stanza.Pipeline``: one sentence per token list, token ids 1-based tuples."""

    def __init__(self, tags: dict[str, str]):
        self.tags = tags
        self.calls: list[list[list[str]]] = []

    def __call__(self, sentences: list[list[str]]):
        self.calls.append(sentences)
        out = []
        for words in sentences:
            ents, i = [], 0
            while i < len(words):
                if words[i] in self.tags:
                    j = i
                    while j + 1 < len(words) and self.tags.get(words[j + 1]) == self.tags[words[i]]:
                        j += 1
                    toks = [NS(id=(k + 1,), text=words[k]) for k in range(i, j + 1)]
                    ents.append(NS(type=self.tags[words[i]], tokens=toks))
                    i = j + 1
                else:
                    i += 1
            out.append(NS(ents=ents))
        return NS(sentences=out)


def test_spans_map_back_to_characters_and_labels():
    texts = ["Ержан Бабақұмаровтың айтуынша, «Нұр-Сұлтан» 25%-ке өсті.", "", "   ", "Астанада 2020 жылы."]
    nlp = FakeStanza({"Ержан": "PERSON", "Бабақұмаровтың": "PERSON", "Нұр-Сұлтан": "GPE",
                      "Астанада": "LOCATION", "2020": "DATE", "%-ке": "PERCENTAGE"})  # fmt: skip
    out = predict_stanza(nlp, texts)
    assert [[(texts[i][s:e], lab) for s, e, lab in spans] for i, spans in enumerate(out)] == [
        [("Ержан Бабақұмаровтың", "PERSON"), ("Нұр-Сұлтан", "GPE")],
        [],
        [],
        [("Астанада", "GPE")],  # LOCATION maps to GPE; DATE and PERCENTAGE are dropped
    ]
    # Stanza got KazNERD-style tokens, and nothing for the empty texts.
    assert nlp.calls == [[
        ["Ержан", "Бабақұмаровтың", "айтуынша", ",", "«", "Нұр-Сұлтан", "»", "25", "%-ке", "өсті", "."],
        ["Астанада", "2020", "жылы", "."],
    ]]


def test_no_text_no_call():
    nlp = FakeStanza({})
    assert predict_stanza(nlp, ["", " "]) == [[], []]
    assert nlp.calls == []
