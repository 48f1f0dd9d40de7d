"""Tests that kill the surviving mutants of chain_layout (see tests/mutation/RESULTS.md)."""
