"""What lives on disk: fact tables, datasets, the store, the cache, triage."""
