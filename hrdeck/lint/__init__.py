"""The language linter: stigmatizing terms in curriculum text, by audience."""
