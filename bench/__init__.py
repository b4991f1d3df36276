"""hrdeck's benchmark: synthetic curricula, pandoc and python-pptx baselines, a timer."""
