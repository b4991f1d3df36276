"""Everything written from a deck plan besides the deck: guide, outline, JSON and Markdown,
the training kit's documents and LMS exports, which files a build writes, and PDFs."""
