"""The spaCy model: loading it with only the components extraction reads."""
