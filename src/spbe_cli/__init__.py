"""spbe-cli: the exact SPBE index of a self-assessment, from a rubric that is data."""

__version__ = "0.1.0"
