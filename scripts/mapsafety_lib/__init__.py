"""The parts of scripts/mapsafety that do not run clang-tidy: findings and
their fingerprints, the output formats, baselines and the git diff filter."""
