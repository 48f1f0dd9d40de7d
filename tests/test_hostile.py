"""Hostile input: bad zips, bombs, traversal, wrong encodings, huge files, hostile links."""

import io
import json
import zipfile

import pytest

from app.core.errors import DataError
from app.core.load import add_case, load_dataset
from app.core.text import escape_markdown
from app.core.upload import MAX_UPLOAD_BYTES, UploadError, from_csv_files, read_zip
from app.core.validate import read_folder
from conftest import CASES, FIXTURES, run_page
from conftest import bundled, bundled_case_ids

HOSTILE = FIXTURES / "hostile"
EXPECTED = json.loads((HOSTILE / "expected.json").read_text(encoding="utf-8"))


def outcome(name: str, data: bytes) -> dict:
    """What an upload comes to: accepted (its id) or refused (the first message)."""
    try:
        case = read_zip(name, data)
        add_case(bundled(), case.files, case.case_id, "upload")
    except (UploadError, DataError) as error:
        return {"refused": str(error.problems[0])}
    return {"accepted": case.case_id}


def test_corpus_is_large_enough():
    assert len(EXPECTED["zips"]) + len(EXPECTED["queries"]) >= 25
    assert sorted(p.name for p in HOSTILE.glob("*.zip")) == sorted(EXPECTED["zips"])


@pytest.mark.parametrize("name", sorted(EXPECTED["zips"]))
def test_zip_upload(name):
    assert outcome(name, (HOSTILE / name).read_bytes()) == EXPECTED["zips"][name]
    # The other cases are still served, untouched.
    assert bundled().case_ids == load_dataset(extra_dir=None).case_ids
    assert len(bundled().case_ids) == 5  # the five bundled folders of data/cases


def tiny_files() -> dict[str, bytes]:
    return {k: v for k, v in read_folder(CASES / "tiny").items() if k.endswith(".csv")}


def test_upload_larger_than_the_limit_is_refused_before_reading():
    data = b"PK" + b"\0" * MAX_UPLOAD_BYTES
    assert outcome("huge.zip", data) == {
        "refused": "huge.zip: the upload is larger than 5 MB; a case folder is far smaller — "
                   "check that it holds only its CSVs"}


def test_table_with_too_many_rows_generated_at_test_time():
    files = read_folder(CASES / "tiny")
    files["datapackage.json"] = files["datapackage.json"].replace(b'"tiny"', b'"many-rows"')
    rows = "".join(f"w{i},Workers {i},worker_pool,MG,,false,,A1,reported\n" for i in range(50_001))
    files["actors.csv"] = files["actors.csv"] + rows.encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(f"many-rows/{name}", data)
    result = outcome("many-rows.zip", buffer.getvalue())
    assert result == {"refused": "actors.csv: more than 50,000 rows; split the case or trim it"}
    assert len(files["actors.csv"]) < 5 * 2**20  # the row limit, not the size limit, refused it


@pytest.mark.parametrize("change, message", [
    (lambda f: f.pop("tasks.csv"),
     "tasks.csv: missing file; upload all four: actors.csv, links.csv, tasks.csv, sources.csv"),
    (lambda f: f.update({"evil.csv": b"a,b\n"}),
     "evil.csv: not one of the case files: actors.csv, links.csv, tasks.csv, sources.csv"),
    (lambda f: f.update({"actors.csv": b"x" * (MAX_UPLOAD_BYTES + 1)}),
     "upload: the files add up to more than 5 MB"),
])
def test_csv_upload_refusals(change, message):
    files = tiny_files()
    change(files)
    with pytest.raises(UploadError) as error:
        from_csv_files(files, "My case")
    assert message in [str(p) for p in error.value.problems]


@pytest.mark.parametrize("title, message", [
    ("   ", "title: give the case a title; it names the case on every page"),
    ("t" * 201, "title, value '" + "t" * 59 + "…': the title is longer than 200 characters"),
])
def test_csv_upload_title(title, message):
    with pytest.raises(UploadError) as error:
        from_csv_files(tiny_files(), title)
    assert str(error.value.problems[0]) == message


def test_csv_upload_accepted_with_generated_package():
    case = from_csv_files(tiny_files(), "<b>My</b> chain: Kenya → Germany")
    assert case.case_id == "b-my-b-chain-kenya-germany"
    dataset = add_case(bundled(), case.files, case.case_id, "upload")
    assert dataset.case_info(case.case_id)["title"] == "<b>My</b> chain: Kenya → Germany"


@pytest.mark.parametrize("query", EXPECTED["queries"], ids=lambda q: f"{q['page']}?{list(q['params'])}")
def test_hostile_query_string(query):
    at = run_page(query["page"], **query["params"])
    notices = [str(i.value) for i in at.info]
    assert any(query["notice"] in n for n in notices), notices
    for notice in notices:  # Markdown-escaped: shown literally, never as HTML
        assert "<" not in notice.replace("\\<", "") and len(notice) < 600
    if query["page"].endswith("chain.py"):  # every case is still on offer, its title escaped
        titles = [escape_markdown(title) for title in bundled().cases["title"]]
        assert at.button_group(key="chain-case-select").options == titles
