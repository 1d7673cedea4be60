"""kzextract: information extraction for Kazakh-language news."""

__version__ = "0.1.0"
