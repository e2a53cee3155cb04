"""Renderers: each output format is a small function of a result object, chosen by name."""
