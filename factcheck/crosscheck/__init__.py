"""Cross-checks that work on more than aligned facts: people across the batch."""
