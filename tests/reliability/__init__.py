"""Reliability: crash, signal, fuzz and hostile-input tests; figures in docs/reliability.md."""
