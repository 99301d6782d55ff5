"""factcheck: find where news sources disagree about numbers and attributions."""

__version__ = "0.1.0"
