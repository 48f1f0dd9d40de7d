"""Tests that kill the surviving mutants of network (see tests/mutation/RESULTS.md)."""
