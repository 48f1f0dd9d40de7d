"""Task functions counted by case, country, actor type, pay and data type, checked by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from app.core import functions as fn

ACTOR_COLUMNS = ["case_id", "actor_id", "name", "actor_type", "country", "workers", "anonymised",
                 "description", "source_ids", "certainty"]
TASK_COLUMNS = ["case_id", "task_id", "actor_id", "link_id", "task", "function", "subfunction",
                "data_type", "paid", "description", "source_ids", "certainty"]


@pytest.fixture(scope="module")
def actors() -> pd.DataFrame:
    frame = pd.DataFrame([
        ("alpha", "pool", "Annotators", "worker_pool", "MG", 100, False, "", "s", "documented"),
        ("alpha", "users", "Users", "end_user", "FR", None, False, "", "s", "documented"),
        ("alpha", "sub", "Sub", "subcontractor", "", None, True, "", "s", "inferred"),
        ("beta", "pool", "Workers", "worker_pool", "MG", 50, False, "", "s", "documented"),
    ], columns=ACTOR_COLUMNS)
    frame["workers"] = frame["workers"].astype("Int64")
    return frame


@pytest.fixture(scope="module")
def tasks() -> pd.DataFrame:
    # Task ids repeat across cases on purpose ("t1" in alpha and in beta).
    return pd.DataFrame([
        ("alpha", "t1", "pool", "", "boxes", "preparation", "annotation", "image", True, "", "s",
         "documented"),
        ("alpha", "t2", "pool", "", "grade", "verification", "", "text", True, "", "s",
         "reported"),
        ("alpha", "t3", "users", "", "photos", "preparation", "generation", "image", False, "",
         "s", "documented"),
        ("alpha", "t4", "sub", "", "transcribe", "preparation", "annotation", "audio", True, "",
         "s", "inferred"),
        ("beta", "t1", "pool", "", "boxes", "preparation", "annotation", "video", True, "", "s",
         "documented"),
        ("beta", "t2", "pool", "", "act as bot", "impersonation", "", "text", True, "", "s",
         "documented"),
    ], columns=TASK_COLUMNS)


def as_tuples(frame: pd.DataFrame, by: str) -> list[tuple]:
    return list(frame[[by, "function", "subfunction", "n_tasks"]].itertuples(index=False,
                                                                             name=None))


def test_breakdown_by_country_counts_tasks_across_cases(actors, tasks):
    out = fn.function_breakdown(actors, tasks, "country")
    assert list(out.columns) == ["country", "label", "function", "subfunction", "n_tasks",
                                 "share"]
    assert as_tuples(out, "country") == [
        ("FR", "preparation", "generation", 1),
        ("MG", "preparation", "annotation", 2),  # alpha/t1 and beta/t1: two tasks, not one
        ("MG", "verification", "", 1),
        ("MG", "impersonation", "", 1),
        ("", "preparation", "annotation", 1),  # the unknown bucket, last, never dropped
    ]
    assert out["label"].tolist()[-1] == "Unknown"
    mg = out[out["country"] == "MG"]
    assert mg["share"].tolist() == pytest.approx([0.5, 0.25, 0.25])


def test_breakdown_by_case_and_actor_type(actors, tasks):
    by_case = fn.function_breakdown(actors, tasks, "case_id")
    assert as_tuples(by_case, "case_id") == [
        ("alpha", "preparation", "generation", 1),
        ("alpha", "preparation", "annotation", 2),
        ("alpha", "verification", "", 1),
        ("beta", "preparation", "annotation", 1),
        ("beta", "impersonation", "", 1),
    ]
    by_type = fn.function_breakdown(actors, tasks, "actor_type")
    # Vocabulary order of actor types: subcontractor, worker_pool, end_user.
    assert by_type["actor_type"].drop_duplicates().tolist() == [
        "subcontractor", "worker_pool", "end_user"]
    pool = by_type[by_type["actor_type"] == "worker_pool"]
    assert pool["n_tasks"].sum() == 4


def test_breakdown_by_paid_and_data_type(actors, tasks):
    paid = fn.function_breakdown(actors, tasks, "paid")
    assert paid["label"].drop_duplicates().tolist() == ["paid", "unpaid"]
    assert paid.groupby("paid")["n_tasks"].sum().to_dict() == {False: 1, True: 5}
    assert fn.function_breakdown(actors, tasks, "paid", lang="fr")["label"].iloc[-1] == "non payé"
    kinds_fr = fn.function_breakdown(actors, tasks, "data_type", lang="fr")
    assert kinds_fr["label"].drop_duplicates().tolist() == ["Image", "Vidéo", "Audio", "Texte"]
    types_fr = fn.function_breakdown(actors, tasks, "actor_type", lang="fr")
    assert "Travailleurs" in set(types_fr["label"])
    countries_fr = fn.function_breakdown(actors, tasks, "country", lang="fr")
    assert countries_fr["label"].drop_duplicates().tolist()[-1] == "Inconnu"

    kinds = fn.function_breakdown(actors, tasks, "data_type")
    assert kinds["data_type"].drop_duplicates().tolist() == ["image", "video", "audio", "text"]
    text = kinds[kinds["data_type"] == "text"]
    assert text[["function", "n_tasks"]].values.tolist() == [["verification", 1],
                                                             ["impersonation", 1]]
    with pytest.raises(ValueError):
        fn.function_breakdown(actors, tasks, "relation")


def test_function_counts(tasks):
    assert fn.function_counts(tasks) == {"preparation": 4, "verification": 1, "impersonation": 1}
    assert fn.function_counts(tasks.iloc[0:0]) == {
        "preparation": 0, "verification": 0, "impersonation": 0}


def test_function_shares(tasks):
    out = fn.function_shares(tasks)
    assert list(out.columns) == ["case_id", "function", "n_tasks", "share"]
    assert out.values.tolist() == [
        ["alpha", "preparation", 3, 0.75],
        ["alpha", "verification", 1, 0.25],
        ["alpha", "impersonation", 0, 0.0],
        ["beta", "preparation", 1, 0.5],
        ["beta", "verification", 0, 0.0],
        ["beta", "impersonation", 1, 0.5],
    ]


def test_unpaid_share(tasks):
    per_case = fn.unpaid_share(tasks)
    assert per_case.values.tolist() == [["alpha", 4, 1, 0.25], ["beta", 2, 0, 0.0]]
    overall = fn.unpaid_share(tasks, by=None).iloc[0]
    assert (overall["n_tasks"], overall["n_unpaid"]) == (6, 1)
    assert overall["unpaid_share"] == pytest.approx(1 / 6)


def test_certainty_shares():
    links = pd.DataFrame({
        "case_id": ["a", "a", "a", "a", "b"],
        "link_id": ["l1", "l2", "l3", "l4", "l1"],
        "certainty": ["documented", "documented", "reported", "inferred", "reported"],
    })
    out = fn.certainty_shares(links)
    assert out.values.tolist() == [
        ["a", "documented", 2, 0.5], ["a", "reported", 1, 0.25], ["a", "inferred", 1, 0.25],
        ["b", "documented", 0, 0.0], ["b", "reported", 1, 1.0], ["b", "inferred", 0, 0.0],
    ]
