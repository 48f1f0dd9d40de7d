"""Uploads on their limits, the package written for four CSV files, and the template, by hand."""

import hashlib
import io
import json
import zipfile

import pytest

from app.core import schema
from app.core.upload import (MAX_UPLOAD_BYTES, UploadError, UploadedCase, from_csv_files,
                             slugify, template_zip)

FOUR = ("actors.csv", "links.csv", "tasks.csv", "sources.csv")


def four_files(size=1):
    return {name: b"x" * size for name in FOUR}


def test_the_package_written_for_four_csv_files():
    case = from_csv_files(four_files(), "  Été   à Tana ")
    assert case.case_id == "t-tana"  # é and à are not [a-z0-9]: each run becomes one hyphen
    raw = case.files["datapackage.json"]
    assert "Été à Tana".encode("utf-8") in raw  # written as UTF-8, not \u escapes
    assert json.loads(raw) == {
        "name": "t-tana", "title": "Été à Tana",
        "description": "A case uploaded for this browser session.",
        "product": "not given", "period": "not given",
        "licenses": [{"name": "not given"}], "sources": [{"title": "see sources.csv"}],
        "resources": [schema.resource(t) for t in schema.CASE_TABLES],
    }
    assert [r["name"] for r in json.loads(raw)["resources"]] == [
        "actors", "links", "tasks", "sources"]
    assert {k: v for k, v in case.files.items() if k != "datapackage.json"} == four_files()


def test_a_title_of_200_characters_is_accepted_and_201_refused():
    assert from_csv_files(four_files(), "a" * 200).case_id == "a" * 60
    with pytest.raises(UploadError) as refused:
        from_csv_files(four_files(), "a" * 201)
    assert refused.value.problems[0].message == "the title is longer than 200 characters"


def test_files_adding_up_to_the_limit_pass_and_one_byte_more_is_refused():
    files = four_files()
    files["actors.csv"] = b"x" * (MAX_UPLOAD_BYTES - 3)  # 5 MiB in all
    assert from_csv_files(files, "ok").case_id == "ok"
    files["actors.csv"] += b"x"
    with pytest.raises(UploadError) as refused:
        from_csv_files(files, "ok")
    assert [p.message for p in refused.value.problems] == [
        "the files add up to more than 5 MB"]


def test_digest_is_the_sha256_of_each_name_and_content_in_name_order():
    case = UploadedCase("c", {"b.csv": b"2", "a.csv": b"1"})
    assert case.digest == hashlib.sha256(b"a.csv\x001\x00b.csv\x002\x00").hexdigest()


@pytest.mark.parametrize("text, slug", [
    ("Hello, World!", "hello-world"),
    ("!!abc!!", "abc"),
    ("", "uploaded-case"),
    ("!!!", "uploaded-case"),
    ("a" * 59 + " bcd", "a" * 59),  # cut at 60 characters, then no hyphen left at the end
    ("x" * 70, "x" * 60),
    ("!" + "b" * 60, "b" * 60),  # leading hyphens go before the cut
])
def test_slugify(text, slug):
    assert slugify(text) == slug


def test_template_zip_written_out():
    with zipfile.ZipFile(io.BytesIO(template_zip(b"# Dictionary\n"))) as archive:
        names = archive.namelist()
        files = {name: archive.read(name) for name in names}
    assert names == ["my-case/datapackage.json", "my-case/actors.csv", "my-case/links.csv",
                     "my-case/tasks.csv", "my-case/sources.csv", "my-case/DATA-DICTIONARY.md"]
    assert files["my-case/DATA-DICTIONARY.md"] == b"# Dictionary\n"
    package = json.loads(files["my-case/datapackage.json"])
    assert {k: v for k, v in package.items() if k != "resources"} == {
        "name": "my-case", "title": "My case",
        "description": "What the chain is, in a sentence.",
        "product": "The AI product sold", "period": "2023-2024",
        "licenses": [{"name": "CC-BY-4.0",
                      "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "sources": [{"title": "Author (2024)"}],
    }
    assert package["resources"] == [schema.resource(t) for t in schema.CASE_TABLES]
    assert files["my-case/actors.csv"].decode().splitlines() == [
        "actor_id,name,actor_type,country,country_source_ids,workers,anonymised,description,"
        "source_ids,certainty",
        "lead-firm,AI company (anonymised),ai_company,FR,S1,,true,Sells the AI product.,S1,"
        "documented",
        "workers,Data workers,worker_pool,MG,S2,120,false,Annotate images for the firm.,S2,"
        "reported",
    ]
    assert files["my-case/links.csv"].decode().splitlines() == [
        "link_id,from_actor,to_actor,relation,description,source_ids,certainty",
        "l1,lead-firm,workers,outsources_to,The firm outsources annotation.,S1,documented",
        "l2,workers,lead-firm,supplies_data,Annotated images go back to the firm.,S1,inferred",
    ]
    assert files["my-case/tasks.csv"].decode().splitlines() == [
        "task_id,actor_id,link_id,task,function,subfunction,data_type,paid,description,"
        "source_ids,certainty",
        "t1,workers,l1,Draw boxes around products,preparation,annotation,image,true,"
        "Bounding boxes on shelf photos.,S1,documented",
        "t2,workers,l1,Check the model's labels,verification,,image,true,"
        "Accept or correct predicted labels.,S1,reported",
    ]
    assert files["my-case/sources.csv"].decode().splitlines() == [
        "source_id,citation,year,url,kind,primary,note",
        'S1,"Author, A. (2024). Title of the article. Journal 1(1).",2024,'
        "https://doi.org/10.0000/example,article,true,Fieldwork in 2023.",
        'S2,"Newspaper (2024). Title of the piece.",2024,,press,false,Secondary source.',
    ]


def zipped(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize("name", ["\\evil.csv", "c:evil.csv", "C:evil.csv", "/evil.csv"])
def test_absolute_paths_in_a_zip_are_refused(name):
    from app.core.upload import read_zip

    with pytest.raises(UploadError) as refused:
        read_zip("u.zip", zipped({name: "x"}))
    assert [(p.key, p.value) for p in refused.value.problems] == [
        ("problem.zip_absolute_path", name)]


def test_a_declared_name_that_is_not_a_key_gives_way_to_the_folder_name():
    from app.core.upload import read_zip

    package = json.dumps({"name": "Not A Key!"})
    case = read_zip("u.zip", zipped({"My Folder/datapackage.json": package,
                                     "My Folder/actors.csv": "a"}))
    assert case.case_id == "my-folder"
    good = json.dumps({"name": "good-key"})
    assert read_zip("u.zip", zipped({"f/datapackage.json": good})).case_id == "good-key"


def test_an_upload_error_reads_as_its_problems_joined():
    from app.core.errors import Problem

    error = UploadError([Problem.of("a.csv", "problem.not_a_zip"),
                         Problem.of("title", "problem.title_missing")])
    assert str(error) == ("a.csv: not a readable zip file; upload a .zip of a case folder, or "
                          "the four CSV files; title: give the case a title; it names the case "
                          "on every page")


def refusal(name, data):
    from app.core.upload import read_zip

    with pytest.raises(UploadError) as refused:
        read_zip(name, data)
    return refused.value.problems[0]


def test_an_encrypted_entry_is_refused_and_other_flags_are_not():
    from app.core.upload import read_zip

    def flagged(bits):
        """One entry with general purpose flag `bits` set in both of its headers."""
        data = bytearray(zipped({"f/actors.csv": "a"}))
        for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
            at = data.index(signature) + offset
            data[at] |= bits
        return bytes(data)

    problem = refusal("u.zip", flagged(0x1))
    assert (problem.key, problem.value) == ("problem.zip_encrypted", "f/actors.csv")
    assert read_zip("u.zip", flagged(0x2)).files == {"actors.csv": b"a"}


def test_an_upload_of_exactly_the_limit_is_read_and_one_byte_more_refused():
    from app.core.upload import MAX_UPLOAD_BYTES

    assert refusal("u.zip", b"x" * MAX_UPLOAD_BYTES).key == "problem.not_a_zip"
    too_big = refusal("u.zip", b"x" * (MAX_UPLOAD_BYTES + 1))
    assert too_big.key == "problem.upload_too_large" and dict(too_big.params)["size"] == 5
    assert type(dict(too_big.params)["size"]) is int


def test_fifty_entries_are_read_and_fifty_one_refused():
    from app.core.upload import read_zip

    entries = {f"f/extra{i}.txt": "" for i in range(49)} | {"f/actors.csv": "a"}
    assert read_zip("u.zip", zipped(entries)).files == {"actors.csv": b"a"}
    assert refusal("u.zip", zipped(entries | {"f/one-more.txt": ""})).key == "problem.zip_entries"


def test_litter_and_extra_files_are_skipped_not_the_files_after_them():
    from app.core.upload import read_zip

    case = read_zip("u.zip", zipped({
        "f/.actors.csv": "hidden", "__MACOSX/f/links.csv": "litter", "f/notes.txt": "extra",
        "f/actors.csv": "a", "f/links.csv": "l"}))
    assert case.files == {"actors.csv": b"a", "links.csv": b"l"}


def test_files_at_the_top_of_a_zip_take_the_zips_name():
    from app.core.upload import read_zip

    assert read_zip("My Zip.zip", zipped({"actors.csv": "a"})).case_id == "my-zip"


def test_the_template_is_compressed_and_its_package_indented():
    with zipfile.ZipFile(io.BytesIO(template_zip(b""))) as archive:
        assert {i.compress_type for i in archive.infolist()} == {zipfile.ZIP_DEFLATED}
        text = archive.read("my-case/datapackage.json").decode()
    assert text.startswith('{\n  "name": "my-case",\n  "title": "My case",') and text.endswith("}\n")
