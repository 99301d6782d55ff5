"""Reading articles: files, folders, JSON Lines, HTML."""
