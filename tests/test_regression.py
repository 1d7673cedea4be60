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
    return figures


def test_gold_scores_stay_above_their_floors(extracted, gold_split, corpus_dir):
    split, gold = gold_split
    floor = FLOOR[split]
    result = score(gold, extracted, corpus_dir)
    figures = _headline(result)
    below = {k: (figures[k], f) for k, f in floor["min"].items() if figures[k] < f}
    assert not below, f"{split}: below floor: {below}"
    assert result["sentences"]["mean_abs_error"] <= floor["max_sentence_mean_abs_error"]


def test_rules_only_run_still_finds_entities_and_the_model_adds_to_them(extracted, gold_split, corpus_dir, tmp_path):
    from kzextract.cli import main

    split, gold = gold_split
    main(["extract", str(corpus_dir), "-o", str(tmp_path), "-j", "1", "-q", "--no-model"])
    rules_only = score(gold, tmp_path, corpus_dir)["entities"]["micro"]
    assert rules_only["f1"] >= FLOOR[split]["rules_only_entities_micro"]
    assert score(gold, extracted, corpus_dir)["entities"]["micro"]["f1"] > rules_only["f1"]
