"""argmap's test suite; tests/strategies.py holds the hypothesis strategies for whole maps."""
