"""``hrdeck watch``: rebuild on every save, keeping parsed files between rebuilds."""
