"""visitguide: interview guides for HAS expert-visitors."""

__version__ = "0.1.0"
