"""search-me: queries, findings and their classification (pure), providers at the edge."""
