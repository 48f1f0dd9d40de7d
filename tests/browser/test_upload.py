"""Uploading a case through the real file input: shown everywhere, run nowhere, stored nowhere."""

import os
import re

import pytest

from tests.browser.conftest import PROJECT, open_choice, screenshot, wait_for_app, wait_until_drawn

pytestmark = pytest.mark.browser
HOSTILE = PROJECT / "tests" / "fixtures" / "hostile"
IGNORED = {".venv", ".git", "artifacts", "__pycache__", ".pytest_cache", "results"}


def project_files() -> dict[str, tuple[int, int]]:
    """Every file under the project with its size and modification time."""
    found = {}
    for root, dirs, files in os.walk(PROJECT):
        dirs[:] = [d for d in dirs if d not in IGNORED]
        for name in files:
            path = os.path.join(root, name)
            stat = os.stat(path)
            found[path] = (stat.st_size, stat.st_mtime_ns)
    return found


def upload_zip(page, server, name):
    page.goto(f"{server}/upload")
    wait_for_app(page)
    page.locator("[data-testid=stFileUploaderDropzoneInput]").first.set_input_files(
        str(HOSTILE / name))
    page.get_by_text(name).first.wait_for()
    page.get_by_role("button", name="Check and add the case").first.click()


def test_valid_upload_appears_in_chain_and_flows(server, watched):
    page = watched.page
    before = project_files()
    upload_zip(page, server, "valid-tiny.zip")
    page.get_by_text("Added").first.wait_for(timeout=30_000)
    screenshot(page, "upload-success")
    page.get_by_text("Its chain").click()
    # The language follows; the link also names the session's upload (app/components/failover.py).
    page.wait_for_url(re.compile(r"/chain\?case=uploaded-tiny&lang=en&uploads=uploaded-tiny$"))
    wait_for_app(page)
    page.frame_locator("iframe").first.locator("#mynetwork canvas").wait_for(timeout=30_000)
    page.get_by_role("heading", name="Tiny test chain").wait_for()
    screenshot(page, "upload-chain")
    # Within the same session (a reload would start a new one, without the upload).
    page.get_by_role("link", name="Country flows").click()
    page.wait_for_url("**/flows*")
    wait_for_app(page)
    page.locator(".vega-embed").first.wait_for(timeout=30_000)
    cases = open_choice(page, "Case studies: all 6")  # the uploaded case beside the bundled
    cases.get_by_role("button", name="Tiny test chain").wait_for()
    screenshot(page, "upload-flows")
    assert page.locator("[data-testid=stException]").count() == 0
    assert watched.outside == [] and watched.dialogs == []
    assert project_files() == before, "handling the upload wrote into the project"


def test_refused_upload_lists_the_problem(server, watched):
    page = watched.page
    upload_zip(page, server, "traversal.zip")
    page.get_by_text("The case was not added").wait_for(timeout=30_000)
    page.get_by_text("Download the list of problems (CSV)").wait_for()
    screenshot(page, "upload-refused")
    assert page.locator("[data-testid=stException]").count() == 0


def test_injection_upload_runs_nothing(server, watched):
    page = watched.page
    upload_zip(page, server, "injection.zip")
    page.get_by_text("Added").first.wait_for(timeout=30_000)
    page.get_by_text("Its chain").click()
    page.wait_for_url(re.compile(r"/chain\?case=injection&lang=en&uploads=injection$"))
    wait_for_app(page)
    page.frame_locator("iframe").first.locator("#mynetwork canvas").wait_for(timeout=30_000)
    page.get_by_role("heading", name="<script>alert('title')</script> Injection test").wait_for()
    wait_until_drawn(page)
    screenshot(page, "upload-injection")
    assert watched.dialogs == []
    assert watched.outside == []
    assert page.locator("img[src=x], svg[onload]").count() == 0
