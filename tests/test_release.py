"""The release command and loading a released version: bump, changelog, refusal, atomicity."""

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.core import release as release_module
from app.core.release import ReleaseRefused, release
from app.core.versions import (bump, changes_between, check_release, format_pins,
                               load_dataset_at, load_reference_at, parse_pins, released_versions,
                               resolve_pins)
from conftest import FIXTURES, PROJECT

TINY = FIXTURES / "cases" / "tiny"
DAY = dt.date(2026, 12, 4)


@pytest.fixture
def workspace(tmp_path):
    """A copy of the tiny case (declared 1.0.0) in a cases folder, and an empty releases one."""
    cases = tmp_path / "cases"
    shutil.copytree(TINY, cases / "tiny")
    package = json.loads((cases / "tiny" / "datapackage.json").read_text(encoding="utf-8"))
    package["version"] = "1.0.0"
    (cases / "tiny" / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    return cases, tmp_path / "releases"


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()} if folder.exists() else {}


@pytest.mark.parametrize("version, level, expected", [
    ("1.0.0", "patch", "1.0.1"), ("1.0.9", "patch", "1.0.10"), ("1.2.3", "minor", "1.3.0"),
    ("1.2.3", "major", "2.0.0"), ("0.9.1", "minor", "0.10.0")])
def test_bump(version, level, expected):
    assert bump(version, level) == expected


@pytest.mark.parametrize("version, level", [("1.0", "patch"), ("v1.0.0", "minor"),
                                            ("1.0.0", "huge")])
def test_bump_refuses_what_it_cannot_read(version, level):
    with pytest.raises(ValueError):
        bump(version, level)


def test_release_bumps_records_changelog_and_keeps_both_versions(workspace):
    cases, releases = workspace
    folder = cases / "tiny"
    release(folder, record=True, releases_dir=releases)
    before = tree(folder)
    actors = folder / "actors.csv"
    text = actors.read_text(encoding="utf-8")
    actors.write_text(text.replace("Makes the classifier.", "Makes the model."), encoding="utf-8")
    done = release(folder, "minor", "The firm makes a model",
                   "L'entreprise fait un modèle",
                   [{"rows": "actors.csv: a", "change": "description", "why": "the source says",
                     "evidence": "S1 p. 2"}], DAY, releases)
    assert (done.old_version, done.version) == ("1.0.0", "1.1.0")
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert package["version"] == "1.1.0"
    assert package["changelog"][0] == {
        "version": "1.1.0", "date": "2026-12-04", "summary": "The firm makes a model",
        "summary_fr": "L'entreprise fait un modèle",
        "changes": [{"rows": "actors.csv: a", "change": "description", "why": "the source says",
                     "evidence": "S1 p. 2"}]}
    assert released_versions("tiny", releases) == ["1.0.0", "1.1.0"]
    assert tree(releases / "tiny" / "1.0.0") == before
    assert tree(releases / "tiny" / "1.1.0") == tree(folder)
    # A second patch release stacks its entry on top, newest first.
    release(folder, "patch", "Typo", "Coquille", date=DAY, releases_dir=releases)
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert [e["version"] for e in package["changelog"]] == ["1.1.1", "1.1.0"]


def test_loading_a_given_version_gives_its_rows(workspace):
    cases, releases = workspace
    folder = cases / "tiny"
    release(folder, record=True, releases_dir=releases)
    old_descriptions = (folder / "actors.csv").read_text(encoding="utf-8")
    (folder / "actors.csv").write_text(
        old_descriptions.replace("Makes the classifier.", "Makes the model."), encoding="utf-8")
    release(folder, "minor", "m", "m", date=DAY, releases_dir=releases)
    current = load_dataset_at({}, cases, releases)
    pinned = load_dataset_at({"tiny": "1.0.0"}, cases, releases)
    assert pinned.cases.loc[0, "version"] == "1.0.0"
    assert current.cases.loc[0, "version"] == "1.1.0"
    assert any("the classifier" in d for d in pinned.actors["description"])
    assert not any("the classifier" in d for d in current.actors["description"])
    assert any("the model" in d for d in current.actors["description"])


def test_an_invalid_folder_is_refused_and_nothing_is_written(workspace):
    cases, releases = workspace
    folder = cases / "tiny"
    (folder / "links.csv").write_text("link_id,from_actor\nx,nobody\n", encoding="utf-8")
    before = tree(folder)
    with pytest.raises(ReleaseRefused) as refused:
        release(folder, "patch", "m", "m", releases_dir=releases)
    assert any(p.file == "links.csv" for p in refused.value.problems)
    assert tree(folder) == before and tree(releases) == {}


def test_a_release_needs_both_summaries(workspace):
    cases, releases = workspace
    with pytest.raises(ReleaseRefused, match="French"):
        release(cases / "tiny", "patch", "English only", "", releases_dir=releases)
    assert tree(releases) == {}


@pytest.mark.parametrize("failing", ["snapshot", "package"])
def test_nothing_half_written_when_a_step_fails(workspace, monkeypatch, failing):
    cases, releases = workspace
    folder = cases / "tiny"
    release(folder, record=True, releases_dir=releases)
    before_folder, before_releases = tree(folder), tree(releases)
    real_write, real_replace = Path.write_bytes, os.replace

    def broken_write(self, data):  # the disk fills up while the copy is made
        if self.name == "tasks.csv":
            raise OSError("No space left on device")
        return real_write(self, data)

    def broken_replace(src, dst):  # the package file cannot be replaced
        raise OSError("Read-only file system")

    if failing == "snapshot":
        monkeypatch.setattr(Path, "write_bytes", broken_write)
    else:
        monkeypatch.setattr(release_module.os, "replace", broken_replace)
    with pytest.raises(OSError):
        release(folder, "minor", "m", "m", releases_dir=releases)
    monkeypatch.setattr(Path, "write_bytes", real_write)
    monkeypatch.setattr(release_module.os, "replace", real_replace)
    assert tree(folder) == before_folder
    assert tree(releases) == before_releases  # no partial copy, no temporary folder left
    assert sorted(p.name for p in (releases / "tiny").iterdir()) == ["1.0.0"]


def test_a_version_is_never_overwritten(workspace):
    cases, releases = workspace
    release(cases / "tiny", record=True, releases_dir=releases)
    with pytest.raises(ReleaseRefused, match="already kept"):
        release(cases / "tiny", record=True, releases_dir=releases)


def test_command_line_refuses_with_the_problems(workspace):
    cases, releases = workspace
    (cases / "tiny" / "actors.csv").write_text("actor_id\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "app.core.release", str(cases / "tiny"),
                          "--message", "m", "--message-fr", "m", "--releases", str(releases)],
                         capture_output=True, text=True, cwd=PROJECT)
    assert run.returncode == 1
    assert "refused" in run.stderr and "actors.csv" in run.stderr
    ok = subprocess.run([sys.executable, "-m", "app.core.release", str(TINY), "--record",
                         "--releases", str(releases)], capture_output=True, text=True,
                        cwd=PROJECT)
    assert ok.returncode == 0, ok.stderr
    assert (releases / "tiny").is_dir()


def test_pins_are_read_and_written_in_one_form():
    request = parse_pins("voice-assistant:1.0.0, reference:1.1.0,,bad,x:1.0")
    assert request.pins == {"voice-assistant": "1.0.0", "reference": "1.1.0"}
    assert request.unreadable == ("bad", "x:1.0")
    assert parse_pins("1.0.0").bare == "1.0.0"
    assert parse_pins(None).pins == {}
    assert format_pins({"reference": "1.0.0", "b": "2.0.0", "a": "1.0.0"}) == \
        "a:1.0.0,b:2.0.0,reference:1.0.0"


def test_resolve_pins_shows_current_data_for_an_unknown_version(workspace):
    cases, releases = workspace
    release(cases / "tiny", record=True, releases_dir=releases)
    shown = resolve_pins({"tiny": "9.9.9", "gone": "1.0.0"}, {"tiny": "1.1.0"}, releases)
    assert [(o.package, o.shown, o.found) for o in shown] == [("tiny", "1.1.0", False)]
    shown = resolve_pins({"tiny": "1.0.0"}, {"tiny": "1.1.0"}, releases)
    assert [(o.shown, o.found, o.is_old) for o in shown] == [("1.0.0", True, True)]


def test_changes_between_two_versions():
    package = {"changelog": [
        {"version": "1.2.0", "summary": "c"}, {"version": "1.1.1", "summary": "b"},
        {"version": "1.1.0", "summary": "a"}, {"version": "1.0.0", "summary": "first"}]}
    assert [e["summary"] for e in changes_between(package, "1.0.0", "1.1.1")] == ["b", "a"]
    assert changes_between(package, "1.2.0", "1.0.0") == []


def test_bundled_releases_load_and_1_0_0_is_main_data():
    """Every kept version of the bundled packages validates as the package it is."""
    releases = PROJECT / "data" / "releases"
    for package in ("canteen-terminal", "retail-video-surveillance", "voice-assistant",
                    "reference"):
        versions = released_versions(package)
        assert versions[0] == "1.0.0"
        for version in versions:
            checked = check_release(package, version, releases)
            assert checked.ok, (package, version, checked.problems[:3])
            assert checked.package["version"] == version
    assert load_reference_at("1.0.0").package["version"] == "1.0.0"


def test_versions_release_dossier_modules_import_no_streamlit():
    modules = ("app.core.versions", "app.core.release", "app.core.version_text",
               "app.core.cite_sources", "app.charts.dossier")
    code = f"import sys; import {', '.join(modules)}; assert 'streamlit' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=PROJECT)


def test_the_current_version_of_each_released_package_is_kept_as_it_is():
    """Data edited after a release must be released again: the copy kept for the current
    version is the package's folder, byte for byte (what a link naming it will show)."""
    data = PROJECT / "data"
    folders = sorted((data / "cases").iterdir()) + [data / "reference"]
    checked = 0
    for folder in folders:
        package = "reference" if folder.name == "reference" else folder.name
        if not released_versions(package):
            continue  # never released with the command yet (record it with --record)
        version = json.loads((folder / "datapackage.json").read_text("utf-8"))["version"]
        kept = PROJECT / "data" / "releases" / package / version
        assert kept.is_dir(), f"{package} {version} is not kept in {kept}"
        assert tree(kept) == {name: data for name, data in tree(folder).items()}, package
        checked += 1
    assert checked >= 4
