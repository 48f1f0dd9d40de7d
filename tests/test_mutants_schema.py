"""The published Table Schemas on a hand-made table: each field, constraint and key written out."""

import json

from app.core import schema
from app.core.schema import Column, Table

ITEMS = Table(
    "items", "Things.",
    (
        Column("item_id", "string", True, "Key.", kind="id"),
        Column("colour", "string", True, "Colour.", vocabulary=("red", "blue")),
        Column("country", "string", False, "Where.", kind="country"),
        Column("count", "integer", False, "How many.", minimum=0),
        Column("paid", "boolean", False, "Paid?"),
        Column("source_ids", "string", True, "Sources.", kind="source_ids"),
        Column("source_id", "string", False, "One source.", kind="source_key"),
        Column("home", "string", False, "Web page.", kind="url"),
        Column("owner", "string", False, "Who owns it."),
    ),
    primary_key="item_id",
    foreign_keys={"owner": ("owners", "owner_id"), "country": ("places", "code")},
)

FIELDS = [
    {"name": "item_id", "type": "string", "description": "Key.",
     "constraints": {"required": True, "pattern": "^[a-z0-9][a-z0-9_-]*$"}},
    {"name": "colour", "type": "string", "description": "Colour.",
     "constraints": {"required": True, "enum": ["red", "blue"]}},
    {"name": "country", "type": "string", "description": "Where.",
     "constraints": {"pattern": "^[A-Z]{2}$"}},
    {"name": "count", "type": "integer", "description": "How many.",
     "constraints": {"minimum": 0}},
    {"name": "paid", "type": "boolean", "description": "Paid?",
     "trueValues": ["true"], "falseValues": ["false"]},
    {"name": "source_ids", "type": "string", "description": "Sources.",
     "constraints": {"required": True,
                     "pattern": "^[A-Za-z0-9][A-Za-z0-9_-]*( *; *[A-Za-z0-9][A-Za-z0-9_-]*)*$"}},
    {"name": "source_id", "type": "string", "description": "One source.",
     "constraints": {"pattern": "^[A-Za-z0-9][A-Za-z0-9_-]*$"}},
    {"name": "home", "type": "string", "description": "Web page."},
    {"name": "owner", "type": "string", "description": "Who owns it."},
]


def test_table_schema_written_out():
    assert schema.table_schema(ITEMS) == {
        "fields": FIELDS,
        "primaryKey": ["item_id"],
        "missingValues": [""],
        "foreignKeys": [
            {"fields": ["owner"], "reference": {"resource": "owners", "fields": ["owner_id"]}},
            {"fields": ["country"], "reference": {"resource": "places", "fields": ["code"]}},
        ],
    }


def test_no_foreign_key_no_foreign_keys_entry():
    plain = Table("plain", "P.", (Column("a", "string", True, "A."),), "a")
    assert schema.table_schema(plain) == {
        "fields": [{"name": "a", "type": "string", "description": "A.",
                    "constraints": {"required": True}}],
        "primaryKey": ["a"], "missingValues": [""]}


def test_table_helpers():
    assert ITEMS.filename == "items.csv"
    assert ITEMS.required_names == ["item_id", "colour", "source_ids"]
    assert ITEMS.column("count").minimum == 0


def test_resource_without_a_header_lists_every_column():
    assert schema.resource(ITEMS) == {
        "name": "items", "path": "items.csv", "profile": "tabular-data-resource",
        "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
        "description": "Things.", "schema": schema.table_schema(ITEMS)}


def test_resource_with_a_header_drops_the_optional_columns_the_file_lacks():
    found = schema.resource(ITEMS, ["item_id", "colour", "paid", "source_ids"])
    assert [f["name"] for f in found["schema"]["fields"]] == [
        "item_id", "colour", "paid", "source_ids"]
    assert found["schema"]["foreignKeys"][0]["fields"] == ["owner"]  # keys kept as they are
    assert found["name"] == "items" and found["description"] == "Things."
    # A required column stays even when the file lacks it, so the check names it missing.
    assert [f["name"] for f in schema.resource(ITEMS, [])["schema"]["fields"]] == [
        "item_id", "colour", "source_ids"]


def test_file_header(tmp_path):
    assert schema.file_header(tmp_path / "none.csv") is None
    (tmp_path / "bom.csv").write_bytes("\ufeffa, b ,c\n1,2,3\n".encode())
    assert schema.file_header(tmp_path / "bom.csv") == ["a", "b", "c"]
    (tmp_path / "empty.csv").write_text("")
    assert schema.file_header(tmp_path / "empty.csv") == []
    (tmp_path / "quoted.csv").write_text('"x,y",z\n')
    assert schema.file_header(tmp_path / "quoted.csv") == ["x,y", "z"]


def test_package_resources_follow_each_file(tmp_path):
    (tmp_path / "items.csv").write_text("item_id,colour,source_ids,count\n")
    [found] = schema.package_resources(tmp_path, (ITEMS,))
    assert [f["name"] for f in found["schema"]["fields"]] == [
        "item_id", "colour", "count", "source_ids"]


def test_publish_writes_once_and_keeps_the_other_properties(tmp_path):
    package = tmp_path / "datapackage.json"
    package.write_text(json.dumps({"name": "x", "title": "Été", "resources": []}))
    (tmp_path / "items.csv").write_text("item_id,colour,source_ids\n")
    assert schema.publish(package, (ITEMS,)) is True
    text = package.read_text(encoding="utf-8")
    written = json.loads(text)
    assert written["name"] == "x" and written["title"] == "Été"
    assert "Été" in text and text.endswith("}\n") and '\n  "name": "x"' in text
    assert [r["name"] for r in written["resources"]] == ["items"]
    assert schema.publish(package, (ITEMS,)) is False
    assert package.read_text(encoding="utf-8") == text


def test_main_updates_case_and_reference_packages_but_not_releases(tmp_path, capsys):
    for folder in ("cases/one", "reference", "cases/one/releases/1.0.0"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "datapackage.json").write_text('{"resources": []}')
    assert schema.main([str(tmp_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [f"updated: {tmp_path / 'cases/one/datapackage.json'}",
                   f"updated: {tmp_path / 'reference/datapackage.json'}"]
    case = json.loads((tmp_path / "cases/one/datapackage.json").read_text())
    assert [r["name"] for r in case["resources"]] == ["actors", "links", "tasks", "sources"]
    reference = json.loads((tmp_path / "reference/datapackage.json").read_text())
    assert [r["name"] for r in reference["resources"]] == [
        "platforms", "platform_links", "figures", "sources"]
    released = tmp_path / "cases/one/releases/1.0.0/datapackage.json"
    assert released.read_text() == '{"resources": []}'
    schema.main([str(tmp_path)])
    assert capsys.readouterr().out.startswith("unchanged: ")


def test_main_without_arguments_updates_the_data_folder(tmp_path, monkeypatch, capsys):
    (tmp_path / "data" / "one").mkdir(parents=True)
    (tmp_path / "data" / "one" / "datapackage.json").write_text('{"resources": []}')
    monkeypatch.chdir(tmp_path)
    assert schema.main([]) == 0
    assert capsys.readouterr().out == "updated: data/one/datapackage.json\n"


def test_file_header_keeps_a_line_break_inside_a_quoted_name_as_written(tmp_path):
    (tmp_path / "crlf.csv").write_bytes(b'"x\r\ny",z\r\n1,2\r\n')
    assert schema.file_header(tmp_path / "crlf.csv") == ["x\r\ny", "z"]


def test_main_leaves_anything_under_a_releases_folder(tmp_path, capsys):
    (tmp_path / "one" / "releases").mkdir(parents=True)
    (tmp_path / "one" / "releases" / "datapackage.json").write_text('{"resources": []}')
    assert schema.main([str(tmp_path)]) == 0
    assert capsys.readouterr().out == ""
