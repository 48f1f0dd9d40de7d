"""Shared fixtures: the tiny valid case, the broken ones, and a loaded dataset."""

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
CASES = FIXTURES / "cases"
BROKEN = FIXTURES / "broken"
PROJECT = Path(__file__).parents[1]
ENTRY = str(PROJECT / "app" / "streamlit_app.py")


@pytest.fixture
def tiny_dataset():
    from app.core.load import load_dataset

    return load_dataset(CASES, extra_dir=None)


def run_page(page: str | None = None, **params):
    """Run the app through AppTest on `page` (e.g. "app_pages/chain.py") with URL parameters,
    and fail on any exception shown."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(ENTRY, default_timeout=60)
    if page:
        at.switch_page(page)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at
