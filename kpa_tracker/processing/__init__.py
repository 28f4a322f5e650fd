"""Processing provider and algorithms (one algorithm per module)."""
