"""Benchmarks: speed and memory, measured with fixed seeds; not part of `make test`."""
