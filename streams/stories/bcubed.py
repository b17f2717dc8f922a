"""B-cubed precision and recall of a clustering against gold labels (Bagga and Baldwin, 1998).

For each item: precision is the share of its predicted cluster that is in its gold cluster, recall the
share of its gold cluster that is in its predicted cluster; both are averaged over the items.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping


def bcubed(predicted: Mapping[str, str], gold: Mapping[str, str]) -> dict[str, float]:
    """Precision, recall and F1 over the items of `gold` (an item missing from `predicted` is alone)."""
    if not gold:
        raise ValueError("no gold items")
    assigned = {item: predicted.get(item, f"\x00alone:{item}") for item in gold}
    pairs = Counter((assigned[item], gold[item]) for item in gold)
    cluster_sizes = Counter(assigned.values())
    gold_sizes = Counter(gold.values())
    precision = recall = 0.0
    for item in gold:
        both = pairs[(assigned[item], gold[item])]
        precision += both / cluster_sizes[assigned[item]]
        recall += both / gold_sizes[gold[item]]
    precision /= len(gold)
    recall /= len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}
