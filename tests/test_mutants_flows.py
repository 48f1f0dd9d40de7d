"""Tests that kill the surviving mutants of flows (see tests/mutation/RESULTS.md)."""
