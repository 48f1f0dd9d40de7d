"""Tests that kill the surviving mutants of upload (see tests/mutation/RESULTS.md)."""
