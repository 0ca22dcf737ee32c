"""Benchmarks of council (`make bench`): data generator, measurements, report. See docs/performance.md."""
