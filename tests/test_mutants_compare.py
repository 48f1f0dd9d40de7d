"""Tests that kill the surviving mutants of compare (see tests/mutation/RESULTS.md)."""
