"""Tests that kill the surviving mutants of validate (see tests/mutation/RESULTS.md)."""
