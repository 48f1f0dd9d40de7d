"""Tests that kill the surviving mutants of network (see tests/mutation/RESULTS.md).

None yet: the file is listed under [tool.mutmut] in pyproject.toml already, so that tests
added here keep the verdicts mutmut has (a change to that list throws them away).
"""
