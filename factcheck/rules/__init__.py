"""The rule files: loading, validating and documenting them."""
