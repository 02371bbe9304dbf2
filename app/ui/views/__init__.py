"""Pages and panels, laid out in code."""
