"""The curriculum stage: YAML files -> validated, typed :class:`Curriculum`."""
