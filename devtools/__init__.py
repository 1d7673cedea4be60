"""Tools only developers run: evaluation, training, benchmarks and dataset readers.

Not part of the installed ``kzextract`` package; run them from a checkout (``make bench``,
``make model``, ``make model-eval`` …).
"""
