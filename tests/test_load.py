"""Loaders: tidy frames across cases, DLC_DATA_DIR, broken and duplicate cases."""

import shutil

import pandas as pd
import pytest

from app.core.errors import DataError, UnknownCase
from app.core.load import add_case, load_dataset
from app.core.validate import read_folder
from conftest import BROKEN, CASES


def test_tidy_frames(tiny_dataset):
    ds = tiny_dataset
    assert ds.case_ids == ["tiny"]
    assert list(ds.actors.columns[:2]) == ["case_id", "actor_id"]
    assert ds.actors["workers"].dtype == "Int64"
    assert ds.actors.loc[ds.actors["actor_id"] == "workers", "workers"].iloc[0] == 40
    assert pd.isna(ds.actors.loc[ds.actors["actor_id"] == "firm", "workers"].iloc[0])
    assert ds.tasks["paid"].dtype == bool and ds.tasks["paid"].tolist() == [True, True, False]
    assert ds.actors["country"].tolist() == ["FR", "MG", "MG", ""]
    assert ds.sources["year"].tolist() == [2020, 2021]
    assert ds.case_info("tiny")["product"] == "A test classifier"


def test_extra_dir_adds_cases_and_reports_broken_ones(tmp_path):
    shutil.copytree(BROKEN / "bad-vocabulary", tmp_path / "bad-vocabulary")
    shutil.copytree(CASES / "tiny", tmp_path / "second")
    (tmp_path / "second" / "datapackage.json").write_text(
        (tmp_path / "second" / "datapackage.json").read_text().replace('"tiny"', '"second"'))
    ds = load_dataset(CASES, tmp_path)
    assert ds.case_ids == ["tiny", "second"]
    assert ds.cases.set_index("case_id").loc["second", "origin"] == "DLC_DATA_DIR"
    assert [c.case_id for c in ds.left_out] == ["bad-vocabulary"]
    assert "value 'robot'" in str(ds.left_out[0].problems[0])


def test_environment_variable(tmp_path, monkeypatch):
    shutil.copytree(CASES / "tiny", tmp_path / "tiny")
    monkeypatch.setenv("DLC_DATA_DIR", str(tmp_path))
    ds = load_dataset(CASES)
    assert ds.case_ids == ["tiny"]
    assert ds.left_out[0].case_id == "tiny"
    assert "already loaded from bundled" in ds.left_out[0].problems[0].message


def test_missing_extra_dir_is_a_message(tmp_path):
    ds = load_dataset(CASES, tmp_path / "absent")
    assert ds.case_ids == ["tiny"]
    assert "not a folder" in ds.left_out[0].problems[0].message


def test_only_and_unknown_case(tiny_dataset):
    assert len(tiny_dataset.only("tiny").actors) == 4
    with pytest.raises(UnknownCase) as err:
        tiny_dataset.only("../../etc/passwd")
    assert err.value.known == ["tiny"]


def test_add_case_in_memory(tiny_dataset):
    files = read_folder(CASES / "tiny")
    files["datapackage.json"] = files["datapackage.json"].replace(b'"tiny"', b'"mine"')
    ds = add_case(tiny_dataset, files, "mine", "upload")
    assert ds.case_ids == ["tiny", "mine"]
    assert len(ds.actors) == 8
    with pytest.raises(DataError):
        add_case(tiny_dataset, read_folder(BROKEN / "bad-year") | {}, "bad-year", "upload")


def test_parts_of_a_dataset_are_made_once(tiny_dataset):
    # Every page of every session asks for the same case: it is cut out of the tables once.
    assert tiny_dataset.only("tiny") is tiny_dataset.only(["tiny"])
    assert tiny_dataset.only("tiny") is not tiny_dataset
    info = tiny_dataset.case_info("tiny")
    info["title"] = "changed by a caller"
    assert tiny_dataset.case_info("tiny")["title"] != "changed by a caller"
    with pytest.raises(UnknownCase):
        tiny_dataset.case_info("nope")


def test_derived_values_are_made_once_per_key_and_case_ids_stay_a_fresh_list(tiny_dataset):
    calls = []

    def make():
        calls.append(1)
        return {"made": len(calls)}

    first = tiny_dataset.derived(("test", "a"), make)
    assert tiny_dataset.derived(("test", "a"), make) is first
    assert tiny_dataset.derived(("test", "b"), make) == {"made": 2}
    assert len(calls) == 2
    ids = tiny_dataset.case_ids
    ids.append("changed by a caller")
    assert tiny_dataset.case_ids == ["tiny"]
