"""Everything written from a deck plan besides the deck: guide, outline, JSON and Markdown."""
