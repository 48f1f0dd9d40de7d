"""The real data/: clean under our validator and under the standard Frictionless tool."""

import json

import pytest

from app.core import schema
from app.core.load import CASES_DIR, REFERENCE_DIR, load_dataset, load_reference
from app.core.validate import check_folder, split_ids

CASE_FOLDERS = sorted(p for p in CASES_DIR.iterdir() if p.is_dir())
PACKAGES = CASE_FOLDERS + [REFERENCE_DIR]
SECONDARY = {"press"}  # secondary sources: alone, they cannot make a row "documented"


def test_the_five_cases_are_bundled():
    assert [p.name for p in CASE_FOLDERS] == [
        "automotive-micro-work", "canteen-terminal", "julie-desk", "retail-video-surveillance",
        "voice-assistant"]


@pytest.mark.parametrize("folder", PACKAGES, ids=lambda p: p.name)
def test_our_validator_finds_nothing(folder):
    assert check_folder(folder).problems == []


@pytest.mark.parametrize("folder", PACKAGES, ids=lambda p: p.name)
def test_frictionless_agrees(folder):
    import frictionless  # a test dependency: missing, the test fails rather than skips
    report = frictionless.validate(str(folder / "datapackage.json"))
    errors = [e.message for task in report.tasks for e in task.errors] + [
        e.message for e in report.errors]
    assert report.valid, errors[:5]


@pytest.mark.parametrize("folder", PACKAGES, ids=lambda p: p.name)
def test_published_schemas_match_the_code(folder):
    tables = schema.REFERENCE_TABLES if folder == REFERENCE_DIR else schema.CASE_TABLES
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert package["resources"] == schema.package_resources(folder, tables), (
        "run `python -m app.core.schema data` to republish")
    for key in ("title", "description", "licenses", "sources", "version"):
        assert package[key]


def test_every_row_cites_an_existing_source_and_secondary_is_never_documented():
    ds = load_dataset(extra_dir=None)
    assert not ds.left_out
    kinds = {(r.case_id, r.source_id): r.kind for r in ds.sources.itertuples()}
    for name in ("actors", "links", "tasks"):
        frame = getattr(ds, name)
        for row in frame.itertuples():
            keys = split_ids(row.source_ids)
            assert keys, (name, row)
            assert all((row.case_id, k) in kinds for k in keys), (name, row)
            if all(kinds[(row.case_id, k)] in SECONDARY for k in keys):
                assert row.certainty != "documented", (name, row.case_id, row[2])


# The research behind these cases anonymises every firm (S0, S1, P1); S2 and S3 name theirs.
ANONYMISING_CASES = ("canteen-terminal", "retail-video-surveillance", "voice-assistant")


def test_companies_behind_the_cases_stay_anonymised():
    ds = load_dataset(extra_dir=None).only(list(ANONYMISING_CASES))
    firms = ds.actors[ds.actors["actor_type"].isin(["ai_company", "platform", "vendor",
                                                    "subcontractor", "supervisor"])]
    assert firms["anonymised"].all(), firms.loc[~firms["anonymised"], "name"].tolist()


def test_voice_assistant_chain_has_its_seven_actors_and_users():
    va = load_dataset(extra_dir=None).only("voice-assistant")
    countries = sorted(va.actors.loc[va.actors["actor_type"] != "end_user", "country"])
    assert countries == ["CN", "ES", "FR", "IT", "JP", "US", "US"]
    assert set(va.tasks["function"]) == {"preparation", "verification", "impersonation"}
    assert (va.actors["actor_type"] == "end_user").sum() == 1


def test_end_users_unpaid_labour_is_recorded_in_every_case_with_end_users():
    ds = load_dataset(extra_dir=None)
    unpaid = ds.tasks[~ds.tasks["paid"]]
    with_end_users = set(ds.actors.loc[ds.actors["actor_type"] == "end_user", "case_id"])
    assert with_end_users == set(ANONYMISING_CASES)
    assert set(unpaid["case_id"]) == with_end_users


def test_reference_tables():
    ref = load_reference()
    assert len(ref.platforms) >= 11
    assert set(ref.platform_links["from_platform"]) <= set(ref.platforms["platform_id"])
    disputed = ref.figures[ref.figures["dispute"] != ""]
    assert len(disputed) >= 3  # the France estimate and the two Madagascar pay ranges
    assert (ref.figures["source_ids"] != "").all()


FRENCH_COLUMNS = {"actors": ("name", "description"), "links": ("description",),
                  "tasks": ("task", "description")}
FRENCH_REFERENCE = {"platforms": ("notes",), "platform_links": ("description",),
                    "figures": ("label", "scope", "dispute")}


def _missing_french(frame, columns) -> list:
    return [(row.get("case_id", ""), row.iloc[1], col) for _, row in frame.iterrows()
            for col in columns if row[col] and not row[f"{col}_fr"]]


def test_every_bundled_row_has_its_french_text():
    ds = load_dataset(extra_dir=None)
    for table, columns in FRENCH_COLUMNS.items():
        assert _missing_french(getattr(ds, table), columns) == [], table
    for column in ("title", "description", "product", "period"):
        assert (ds.cases[f"{column}_fr"] != "").all(), column
    ref = load_reference()
    for table, columns in FRENCH_REFERENCE.items():
        assert _missing_french(getattr(ref, table), columns) == [], table
    assert ref.package.get("title_fr") and ref.package.get("description_fr")
