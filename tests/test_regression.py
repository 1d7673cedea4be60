"""CI regression against gold/dev and gold/test: no headline figure may fall below its recorded floor.

The floors live in tests/score_floor.json, one set per split; raise them when the pipeline improves
(ratchet). Test floors are measured, never tuned against.
"""

import json
from pathlib import Path

from kzextract.score import score

FLOOR = json.loads((Path(__file__).parent / "score_floor.json").read_text())


def _headline(result: dict) -> dict[str, float]:
    figures = {f"entities.{lab}": result["entities"][lab]["f1"] for lab in result["entities"]}
    figures["officials.name"] = result["officials"]["name"]["f1"]
    figures["officials.name_position"] = result["officials"]["name_position"]["f1"]
    figures["quantities"] = result["quantities"]["f1"]
    figures["boilerplate"] = result["boilerplate"]
    figures["dates"] = result["dates"]["f1"]
    return figures


def test_gold_scores_stay_above_their_floors(extracted, gold_split, corpus_dir):
    split, gold = gold_split
    floor = FLOOR[split]
    result = score(gold, extracted, corpus_dir)
    figures = _headline(result)
    below = {k: (figures[k], f) for k, f in floor["min"].items() if figures[k] < f}
    assert not below, f"{split}: below floor: {below}"
    assert result["sentences"]["mean_abs_error"] <= floor["max_sentence_mean_abs_error"]


def test_the_opt_in_model_run_still_clears_the_rules_floor(gold_split, corpus_dir, tmp_path):
    """Rules only is the default (the model adds nothing on gold/dev); `--ner spacy` must still work
    and stay at the rules' level."""
    from kzextract.cli import main

    split, gold = gold_split
    assert main(["extract", str(corpus_dir), "-o", str(tmp_path), "-j", "1", "-q", "--ner", "spacy"]) == 0
    with_model = score(gold, tmp_path, corpus_dir)["entities"]["micro"]
    assert with_model["f1"] >= FLOOR[split]["rules_only_entities_micro"]
