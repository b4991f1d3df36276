"""The plan stage: a tailored curriculum -> :class:`~hrdeck.plan.types.DeckPlan` (no pptx)."""
