"""A case's phases: the periods its tasks belong to, declared in its package in time order.

Pure: labels in a language (English marked where the French is missing), as pages show them.
"""

from __future__ import annotations

from app.core.i18n import localized_value
from app.core.load import Dataset


def phase_labels(dataset: Dataset, case_id: str, lang: str) -> dict[str, str]:
    """The case's phase ids -> labels in `lang`, in time order (empty when it has none)."""
    return {phase_id: localized_value({"label": label, "label_fr": label_fr}, "label", lang)
            for phase_id, label, label_fr in dataset.case_phases(case_id)}
