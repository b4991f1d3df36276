"""The hostile-input corpus of issue 14: one generator module per class of input.

Each module here makes one class of hostile input in a scratch copy of the built-in
curriculum or theme (:mod:`tests.hostile.workspace`); :mod:`tests.hostile.running`
runs hrdeck's command line on it and lists what broke the contract.  The cases
themselves, with the codes they expect, are in ``tests/test_hostile_corpus.py``.
"""
