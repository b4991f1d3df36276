"""Font metrics, line breaking and text areas, shared by the plan and the renderer."""
