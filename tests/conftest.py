"""Shared fixtures: the tiny valid case, the broken ones, and a loaded dataset."""

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
CASES = FIXTURES / "cases"
BROKEN = FIXTURES / "broken"
PROJECT = Path(__file__).parents[1]


@pytest.fixture
def tiny_dataset():
    from app.core.load import load_dataset

    return load_dataset(CASES, extra_dir=None)
